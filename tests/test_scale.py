"""Scale (issue 14): the same output on 1 worker, 2 workers and Ray; failures isolated; `build --update` equal
to a full build, with its digest."""
from __future__ import annotations

import copy
import json
import multiprocessing
import shutil
import sqlite3

import pytest

from conftest import DEMO

pytestmark = pytest.mark.slow

DAY1 = ["herald-2025-03-04-veldra-dam-collapse.txt", "northern-wire-2025-03-08-toll-rises.txt",
        "marenland-today-2025-03-25-safety-reports.html", "courier-2025-04-11-investigation.txt",
        "northern-wire-2025-05-20-warrant-request.txt", "eastbridge-post-2025-05-20-dam-boss-warrant.txt"]


@pytest.fixture(scope="module", autouse=True)
def small_chunks():
    """Chunks of 4, so that the 14 demo articles make 4 chunks and 2 workers (or actors) really share them."""
    from storyline import parallel
    old, parallel.CHUNK = parallel.CHUNK, 4
    yield
    parallel.CHUNK = old


@pytest.fixture(scope="module")
def demo_articles():
    from storyline.ingest import ingest
    return ingest([DEMO])


def _json(result) -> str:
    return json.dumps(result.to_dict(), sort_keys=True)


@pytest.fixture(scope="module")
def one_worker(demo_articles):
    from storyline.pipeline import analyse
    return _json(analyse(copy.deepcopy(demo_articles), workers=1))


def test_two_workers_give_the_same_output_as_one(demo_articles, one_worker):
    from storyline import parallel
    from storyline.pipeline import analyse
    seen = []
    out = _json(analyse(copy.deepcopy(demo_articles), workers=2,
                        on_article=lambda a: seen.append(len(multiprocessing.active_children()))))
    assert max(seen) == 2            # two worker processes did the work
    assert len(parallel.chunks(demo_articles)) >= 3
    assert out == one_worker


def test_ray_gives_the_same_output_as_local(demo_articles, one_worker):
    ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'storyline[ray]'")
    from storyline.pipeline import analyse
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        out = _json(analyse(copy.deepcopy(demo_articles), backend="ray"))
    finally:
        ray.shutdown()
    assert out == one_worker


def test_an_article_that_breaks_the_analyser_is_skipped_and_the_rest_goes_on(demo_articles):
    from storyline.model import Article
    from storyline.parallel import Failed, run
    arts = copy.deepcopy(demo_articles[:3]) + [Article("a-broken", "broken.txt", text=None)]
    out = run(arts, workers=1)
    assert [x.article for x in out] == [a.id for a in arts]
    assert isinstance(out[-1], Failed) and out[-1].reason.startswith("analysis failed: ")
    assert not any(isinstance(x, Failed) for x in out[:3])
    assert all(x.sentences and x.vector is not None for x in out[:3])


def test_a_worker_killed_mid_run_is_replaced_and_nothing_is_lost(demo_articles, monkeypatch):
    from storyline import parallel
    monkeypatch.setattr(parallel, "CHUNK", 2)     # 7 chunks, so that some are still queued at the kill
    arts = [a for a in copy.deepcopy(demo_articles) if a.status != "skipped"]
    calm = parallel.run(copy.deepcopy(arts), workers=1)
    killed = []

    def kill_one(_a):
        if not killed:
            victim = multiprocessing.active_children()[0]
            victim.kill()
            killed.append(victim.pid)
    out = parallel.run(arts, workers=2, on_article=kill_one)
    assert killed
    assert not any(isinstance(x, parallel.Failed) for x in out)
    assert [x.article for x in out] == [x.article for x in calm]
    assert [len(x.raw_events) for x in out] == [len(x.raw_events) for x in calm]


@pytest.fixture(scope="module")
def days(tmp_path_factory):
    root = tmp_path_factory.mktemp("days")
    d1, d2 = root / "day1", root / "day2"
    shutil.copytree(DEMO, d2, ignore=shutil.ignore_patterns("README.md", *DAY1))
    d1.mkdir()
    for name in DAY1:
        shutil.copy(DEMO / name, d1 / name)
    return root, d1, d2


def _table_rows(db) -> dict:
    con = sqlite3.connect(db)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                                       "'search%'")]
    out = {n: sorted(map(repr, con.execute(f"SELECT * FROM {n}" + (" WHERE key != 'whats_new'" if n == "meta"
                                                                    else "")))) for n in names}
    con.close()
    return out


def _but_drop_reasons(path) -> dict:
    """storyline.json with the reasons of cleaning drops blanked: the one documented difference of an update (an
    outlet's recurring lines are learnt per ingest batch, so a line may be dropped by another cue, for another
    reason); what is dropped, and everything after cleaning, must be equal."""
    data = json.loads(path.read_text())
    for a in data["articles"]:
        for d in a["dropped"]:
            d["reason"] = ""
    return data


def test_update_equals_a_full_build_and_says_what_is_new(days):
    import storyline
    from storyline.ingest import ingest
    from storyline.update import update
    root, d1, d2 = days
    full = root / "full"
    storyline.build([d1, d2], out_dir=full)
    inc = root / "inc"
    storyline.build([d1], out_dir=inc)
    day1 = json.loads((inc / "storyline.json").read_text())
    totals = []
    update(inc, ingest([d2]), on_total=totals.append)
    n_new = sum(1 for a in ingest([d2]) if a.status != "skipped")
    assert totals == [n_new]                      # only the new articles were analysed
    assert _but_drop_reasons(inc / "storyline.json") == _but_drop_reasons(full / "storyline.json")
    digest = json.loads((inc / "whats_new.json").read_text())
    after = json.loads((inc / "storyline.json").read_text())
    old_ids = {a["id"] for a in day1["articles"]}
    assert sorted(digest["new_articles"]) == sorted(a["id"] for a in after["articles"]
                                                    if a["id"] not in old_ids and a["status"] != "skipped")
    assert digest["stories"] and any(s["new_events"] for s in digest["stories"])
    assert all(set(s["new_articles"]).isdisjoint(old_ids) for s in digest["stories"])
    assert "# What's new" in (inc / "whats_new.md").read_text()
    _story_pages_show_the_digest(inc, full, digest)
    # The same day given again changes nothing in the store.
    before = _table_rows(inc / "storyline.db")
    totals.clear()
    update(inc, ingest([d2]), on_total=totals.append)
    assert totals == [0]
    assert json.loads((inc / "whats_new.json").read_text()) == {"new_articles": [], "new_stories": [], "stories": []}
    assert _table_rows(inc / "storyline.db") == before
    assert _but_drop_reasons(inc / "storyline.json") == _but_drop_reasons(full / "storyline.json")



def _story_pages_show_the_digest(inc, full, digest):
    from fastapi.testclient import TestClient
    from storyline.web import create_app
    client = TestClient(create_app(inc))
    changed = {s["story"] for s in digest["stories"]}
    stories = json.loads((inc / "storyline.json").read_text())["stories"]
    for s in stories:
        html = client.get(f"/story/{s['id']}").text
        assert ("Since the last update" in html) == (s["id"] in changed), s["id"]
    assert "Since the last update" not in TestClient(create_app(full)).get(f"/story/{stories[0]['id']}").text


def test_cli_update_and_backend_options(days, tmp_path):
    from typer.testing import CliRunner
    from storyline.cli import app
    root, _, d2 = days
    run = CliRunner().invoke
    assert run(app, ["build", str(d2), "--out", str(tmp_path / "x"), "--backend", "nope"]).exit_code == 2
    assert run(app, ["build", str(d2), "--out", str(tmp_path / "x"), "--address", "ray://h:1"]).exit_code == 2
    r = run(app, ["build", "--update", str(tmp_path / "none"), str(d2)])
    assert r.exit_code == 2 and "no build there" in " ".join(r.output.split())
    if not (root / "inc" / "storyline.json").exists():
        pytest.skip("needs the update test's build (run the module)")
    r = run(app, ["build", "--update", str(root / "inc"), str(d2), "--json"])
    assert r.exit_code == 0, r.output
    assert "whats_new.md" in r.output
    assert (root / "inc" / "whats_new.md").read_text().splitlines()[2].startswith("0 new articles")
