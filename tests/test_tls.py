"""Timeline summarisation: sourced lines, requested length, focus; a Timeline17 smoke run scored with tilse."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import T17
from storyline import tls
from storyline.model import Article

DOCS = {
    "2025-03-04": ["The Veldra dam collapsed on March 3, 2025 , flooding the Kestrow valley .",
                   "Twelve people died when the Veldra dam collapsed on March 3, 2025 .",
                   "The mayor of Kestrow said on Tuesday that the valley would be rebuilt ."],
    "2025-03-08": ["The death toll from the Veldra dam collapse rose to fifteen on March 7, 2025 .",
                   "Rescuers found three more bodies on March 7, 2025 near the Veldra dam ."],
    "2025-05-21": ["Prosecutors asked for an arrest warrant for the dam operator on May 20, 2025 .",
                   "A court in Kestrow will rule on the warrant request , lawyers said .",
                   "The Rovers football club beat Brisk United on May 20, 2025 ."],
}


def _corpus():
    arts = []
    for day, sents in DOCS.items():
        for i, s in enumerate(sents):
            text = s + "\nIt was reported by the Kestrow Courier and other papers in the region .\n"
            arts.append(Article(f"{day}/{i}", f"{day}/{i}.txt", text=text, published=day))
    return arts


def test_reading_is_the_pipelines_sentences_and_time_expressions(tmp_path):
    arts = _corpus()[:2]
    got = tls.read(arts)
    for a in arts:
        spans, tx = got[a.id]
        assert [a.text[s:e] for s, e, _k in spans][0] == a.text.splitlines()[0]
        assert any(t[2] == "DATE" and t[3] == "2025-03-03" for t in tx)
    again = tls.read_cached(arts, tmp_path)                 # cached: the same, and written once per article
    assert again == got and len(list(tmp_path.iterdir())) == 2
    assert tls.read_cached(arts, tmp_path) == got


def test_summary_is_sourced_dated_and_of_the_asked_length():
    arts = _corpus()
    by_id = {a.id: a for a in arts}
    tl = tls.summarise(arts, n_dates=3, per_date=1)
    assert len(tl) == 3
    days = [d for d, _ in tl]
    assert days == sorted(days)
    assert date(2025, 3, 3) in days            # the most-mentioned day of the corpus
    assert all(len(lines) == 1 for _, lines in tl)
    assert tls.lines_ok(tl, by_id)
    for d, lines in tl:
        for ln in lines:
            assert ln.date == d and by_id[ln.article].text[ln.start:ln.end] == ln.text
            assert ln.basis == ("stated" if str(d.day) in ln.text else "reported")
            assert ln.sources[0][:3] == (ln.article, ln.start, ln.end) and ln.independent == len(
                {a for a, *_ in ln.sources})
    # March 3 is told by two articles in much the same words: the line counts both.
    march3 = next(lines for d, lines in tl if d == date(2025, 3, 3))
    assert march3[0].independent == 2


def test_keywords_focus_the_timeline():
    tl = tls.summarise(_corpus(), n_dates=5, per_date=2, keywords=["Rovers"])
    texts = [ln.text for _, lines in tl for ln in lines]
    assert texts and all("Rovers" in t for t in texts)


def test_redundant_sentences_are_not_repeated():
    arts = _corpus()
    twin = Article("copy", "copy.txt", text=arts[0].text, published="2025-03-04", duplicate_of=arts[0].id)
    tl = tls.summarise(arts + [twin], n_dates=1, per_date=3)
    texts = [ln.text for _, lines in tl for ln in lines]
    assert len(texts) == len(set(texts))
    first = tl[0][1][0]
    if first.article in (arts[0].id, "copy"):               # the near-copy corroborates, but counts with its original
        assert {"copy", arts[0].id} <= {a for a, *_ in first.sources}


def test_a_longer_timeline_extends_a_shorter_one():
    arts = _corpus()
    reading = tls.read(arts)
    short = tls.summarise(arts, n_dates=2, per_date=1, reading=reading)
    long = tls.summarise(arts, n_dates=4, per_date=2, reading=reading)
    top2 = sorted((ls[0].rank, d) for d, ls in long)[:2]
    assert sorted(d for _r, d in top2) == [d for d, _ in short]
    assert all(dict(long)[d][0].text == ls[0].text for d, ls in short)


@pytest.mark.slow
def test_t17_smoke_one_topic_few_dates():
    from tilse.evaluation import rouge

    from storyline import evaluate
    if not (T17 / "H1N1_guardian").is_dir():
        pytest.skip(f"Timeline17 development topics not found at {T17}")
    topic = evaluate.load_topics(T17, only=["H1N1"])["H1N1"]
    name, gold = next((n, g) for n, g in topic["timelines"] if n.startswith("H1N1_guardian"))
    gold = gold[:5]
    span = (gold[0][0], gold[-1][0])
    inside = [a for a in topic["articles"] if span[0] <= date.fromisoformat(a.published) <= span[1]]
    assert inside, "no article inside the first five gold days"
    tl = tls.summarise(inside, n_dates=5, per_date=1, keywords=topic["keywords"], span=span, strict=False,
                       reading=tls.read_cached(inside, evaluate.DEFAULT_CACHE))
    assert 0 < len(tl) <= 5 and all(span[0] <= d <= span[1] for d, _ in tl)
    assert tls.lines_ok(tl, {a.id: a for a in inside})
    ev = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"])   # tilse with the Perl ROUGE
    sc = evaluate.score([(d, [ln.text for ln in ls]) for d, ls in tl], gold, ev)
    assert 0 < sc["rouge1"] <= 1 and 0 <= sc["rouge2"] <= sc["rouge1"] and 0 <= sc["date_f1"] <= 1


def test_day_vector_keeps_what_both_views_of_the_day_say(monkeypatch):
    monkeypatch.setattr(tls, "DAY_VECTOR", True)      # off by default (the in-sample choice), tested when on
    from sklearn.feature_extraction.text import TfidfVectorizer

    def s(text, pub, dates=()):
        return tls.Sent("a", 0, len(text), text, pub, 0, list(dates))
    d = date(2025, 3, 3)
    ment = [s("The Veldra dam collapsed on March 3 and flooded the Kestrow valley .", date(2025, 3, 9), [d]),
            s("Engineers had warned that the Veldra dam could collapse before March 3 .", date(2025, 3, 9), [d]),
            s("Water from the collapsed Veldra dam flooded the Kestrow valley on March 3 .", date(2025, 3, 5), [d]),
            s("The Rovers football club sold season tickets on March 3 .", date(2025, 3, 5), [d])]
    pub = [s("The Veldra dam collapsed , flooding the Kestrow valley .", d),
           s("Rescuers searched the flooded Kestrow valley after the Veldra dam collapsed .", d)]
    vec = TfidfVectorizer(stop_words="english").fit([x.text for x in ment + pub])
    kept = tls.day_pool(ment, pub, vec)
    assert kept and all("Rovers" not in x.text for x in kept)
    assert any("Veldra" in x.text for x in kept)
    assert tls._knee([1.0, 0.9, 0.2, 0.15, 0.1]) == 2


def test_mention_counts_sentences_articles_or_past_reports(monkeypatch):
    # One long article repeats June 2 three times; two short ones each name June 1 once; a third, published
    # before it, announces June 9 twice.
    arts = [Article("long", "long.txt", published="2025-06-03",
                    text="The vote was held on June 2, 2025 .\nThe count of June 2, 2025 was slow .\n"
                         "Results of June 2, 2025 came late .\n"),
            Article("a", "a.txt", published="2025-06-02", text="The strike began on June 1, 2025 .\n"),
            Article("b", "b.txt", published="2025-06-04", text="Workers struck on June 1, 2025 in the port .\n"),
            Article("c", "c.txt", published="2025-06-01",
                    text="A rally is planned for June 9, 2025 .\nOn June 9, 2025 unions will march .\n"
                         "Police expect crowds on June 9, 2025 .\nThe June 9, 2025 route is set .\n")]
    sents = tls.sentences(arts, tls.read(arts))

    def top(mode):
        monkeypatch.setattr(tls, "MENTIONS", mode)
        return tls.rank_dates(sents, arts)[0][0]

    assert top("sentences") == date(2025, 6, 9)     # four sentences, one article, not yet happened
    assert top("articles") == date(2025, 6, 1)      # two articles; the repeats of one count once
    monkeypatch.setattr(tls, "MENTIONS", "past")
    ranked = dict(tls.rank_dates(sents, arts))
    assert ranked.get(date(2025, 6, 9), 0) == 0           # announced only: no report published on or after it
    assert ranked[date(2025, 6, 1)] > ranked[date(2025, 6, 2)] > 0


def test_cross_validation_fits_on_the_other_topics_only():
    from storyline import evaluate
    us = [{"topic": "a", "name": "a_x/0"}, {"topic": "a", "name": "a_y/0"}, {"topic": "b", "name": "b_x/0"}]
    sc = lambda v: {"rouge1": v, "rouge2": 0.0, "date_f1": 0.0}
    # Configuration 0 is best on topic a, configuration 1 on topic b.
    fit = {0: {"a_x/0": sc(0.9), "a_y/0": sc(0.9), "b_x/0": sc(0.1)},
           1: {"a_x/0": sc(0.1), "a_y/0": sc(0.1), "b_x/0": sc(0.5)}}
    assert evaluate.others(us, us[0]) == ["b_x/0"]
    assert evaluate.choose(fit, evaluate.others(us, us[0])) == 1      # a is scored with what b prefers
    assert evaluate.choose(fit, evaluate.others(us, us[2])) == 0
    assert evaluate.choose(fit, [u["name"] for u in us]) == 0          # in-sample: best over all


def test_lines_start_after_the_dateline_and_stamps_are_no_lines():
    """A wire dateline or page timestamp is where and when the page was filed: the line starts after it, and its date
    is not one the sentence states; a sentence that is only a stamp is no candidate."""
    stamp = "Friday, May 28, 2010; 4:37 PM"
    wire = "WASHINGTON | Thu May 27, 2010 3:54 pm EDT WASHINGTON (Reuters) - Engineers sealed the well on Thursday."
    text = stamp + "\n" + wire + "\n"
    art = Article("w", "w.txt", text=text, published="2010-05-28")
    s1, s2 = (0, len(stamp)), (len(stamp) + 1, len(stamp) + 1 + len(wire))
    when = text.index("May 27, 2010")
    reading = {"w": ([(*s1, "body"), (*s2, "body")], [(0, 12, "DATE", "2010-05-28"),
                                                       (when, when + 12, "DATE", "2010-05-27")])}
    sents = tls.sentences([art], reading)
    assert [s.text for s in sents] == ["Engineers sealed the well on Thursday."]
    assert sents[0].start == text.index("Engineers") and text[sents[0].start:sents[0].end] == sents[0].text
    assert sents[0].dates == [] and sents[0].index == 0


def test_a_transcript_s_note_on_itself_is_no_line():
    """'This is a RUSH transcript from "The Evening Desk," June 15, 2031.' is page furniture: its date is the show's,
    and a reader of the timeline wants what was said on the show, not the note."""
    note = 'This is a RUSH transcript from "The Evening Desk," June 15, 2031.'
    said = "HOST: The mayor closed the harbour on Tuesday."
    text = note + "\n" + said + "\n"
    art = Article("t", "t.txt", text=text, published="2031-06-16")
    when = text.index("June 15, 2031")
    reading = {"t": ([(0, len(note), "body"), (len(note) + 1, len(text) - 1, "body")],
                     [(when, when + 13, "DATE", "2031-06-15")])}
    assert [s.text for s in tls.sentences([art], reading)] == [said]


def test_eval_reads_articles_as_a_build_ingests_them(tmp_path):
    """What `eval tls` scores is made from the articles a build would hold: cleaned of reader comments, ids the
    paths under the dataset root, the day folder as publication date."""
    import json
    from storyline import evaluate
    from storyline.ingest import ingest
    day = tmp_path / "dam_courier" / "InputDocs" / "2025-03-04"
    day.mkdir(parents=True)
    story = ["The Veldra dam collapsed on March 3 , 2025 , flooding the Kestrow valley .",
             "Twelve people died , the regional governor said on Tuesday .",
             "Engineers had warned of cracks in the wall since January ."]
    comments = ["Terrible news . Posted by : riverwatcher | March 4 , 2025 8:14 PM | Report abuse",
                "Posted by : anon | March 4 , 2025 9:02 PM | Report abuse"]
    (day / "1.htm.txt").write_text("\n".join(story + comments) + "\n")
    (tmp_path / "dam_courier" / "timelines.jsonl").write_text(json.dumps([["2025-03-03", ["The dam collapsed."]]]) + "\n")
    (art,) = evaluate.load_topics(tmp_path)["dam"]["articles"]
    assert art.id == "dam_courier/InputDocs/2025-03-04/1.htm.txt" and art.published == "2025-03-04"
    assert "Report abuse" not in art.text and "Veldra dam collapsed on March 3, 2025," in art.text
    (built,) = [a for a in ingest([tmp_path]) if a.status == "ingested"]
    assert built.text == art.text


def test_spread_takes_a_far_day_before_the_neighbours_of_a_chosen_one(monkeypatch):
    d0 = date(2025, 3, 1)
    ranked = [(d0, 1.0), (date(2025, 3, 2), 0.95), (date(2025, 3, 3), 0.9), (date(2025, 9, 1), 0.6)]
    span = (d0, date(2025, 12, 31))
    monkeypatch.setattr(tls, "SPREAD", 0.0)
    assert tls.spread(ranked, 3, span) == [d for d, _ in ranked]
    monkeypatch.setattr(tls, "SPREAD", 0.25)          # tau = 0.25 * 306 days / 3 dates, about 25 days
    got = tls.spread(ranked, 3, span)
    assert got[:2] == [d0, date(2025, 9, 1)] and sorted(got) == sorted(d for d, _ in ranked)
    # A short span (a week, 7 dates asked): tau is a quarter of a day and the ranking stays as it was.
    assert tls.spread(ranked[:3], 7, (d0, date(2025, 3, 7))) == [d for d, _ in ranked[:3]]


def test_density_favours_a_day_named_by_most_reports_of_a_quiet_week(monkeypatch):
    busy, quiet = date(2025, 5, 10), date(2025, 8, 10)

    def s(i, pub, dates):
        return tls.Sent(f"a{i}", 0, 10, "x" * 10, pub, 0, list(dates))
    arts, sents = [], []
    for i in range(40):                                # a busy week: 40 reports, 5 of them name May 10
        pub = busy + (date.resolution * (i % 3))
        arts.append(Article(f"a{i}", f"a{i}.txt", text="x", published=pub.isoformat()))
        sents.append(s(i, pub, [busy] if i < 5 else []))
    for i in range(40, 43):                            # a quiet week: 3 reports, all name August 10
        arts.append(Article(f"a{i}", f"a{i}.txt", text="x", published=quiet.isoformat()))
        sents.append(s(i, quiet, [quiet]))
    monkeypatch.setattr(tls, "WEIGHTS", (1.0, 0.0, 0.0))
    monkeypatch.setattr(tls, "DENSITY", 0.0)
    assert tls.rank_dates(sents, arts)[0][0] == busy          # 5 mentions against 3
    monkeypatch.setattr(tls, "DENSITY", 0.25)
    assert tls.rank_dates(sents, arts)[0][0] == quiet         # 5 / 41 ** 0.25 < 3 / 4 ** 0.25


def test_a_sentence_is_a_line_of_one_date_only(monkeypatch):
    # A report's lead speaks for its publication day and the day before: when both days are chosen, its lead is
    # the line of one of them, not of both.
    lead = ("Rescuers pulled a woman alive from the rubble of the Kestrow market .\n"
            "The Kestrow market collapsed in the storm , and rescuers searched the rubble .\n"
            "Rescuers said more people could be alive under the rubble of the market .\n")
    arts = [Article("r1", "r1.txt", text=lead, published="2025-03-04"),
            Article("r0", "r0.txt", text="Budget talks will open in Talvor on March 9, 2025 , officials said .\n",
                    published="2025-03-03")]       # names another day, so it is no candidate for its own
    reading = tls.read(arts)

    def lines(once):
        monkeypatch.setattr(tls, "ONCE", once)
        tl = tls.summarise(arts, n_dates=3, per_date=1, reading=reading)
        return [ln.text for d, ls in tl if d in (date(2025, 3, 3), date(2025, 3, 4)) for ln in ls]
    assert len(lines(False)) == 2 and len(set(lines(False))) == 1      # the same line on both days
    got = lines(True)
    assert len(got) == len(set(got)) == 2


def test_a_lead_filed_under_the_day_before_says_the_day_it_was_reported():
    # A report of 12 June whose lead names no day speaks for 12 June and for 11 June (PUB_DAYS); filed under the
    # 11th, it must read "reported 2031-06-12", not "reported 2031-06-11" (no report came out that day).
    from datetime import date

    from storyline.model import Article
    from storyline.timeline import reported_on
    from storyline.tls import Sent, _line
    s = Sent("r1", 0, 40, "Crews sealed the breach in the Orsk dam.", date(2031, 6, 12), 0)
    by_id = {"r1": Article("r1", "r1.txt", text=s.text, published="2031-06-12")}
    day_before = _line(date(2031, 6, 11), s, [], by_id, 0)
    assert day_before.basis == "reported" and day_before.reported_on == date(2031, 6, 12)
    entry = {"date": "2031-06-11"}
    assert reported_on({"reported_on": "2031-06-12"}, entry) == "2031-06-12"
    stated = _line(date(2031, 6, 10), Sent("r1", 0, 40, s.text, date(2031, 6, 12), 0, [date(2031, 6, 10)]), [],
                   by_id, 0)
    assert stated.basis == "stated" and stated.reported_on is None


def test_only_a_reports_first_five_sentences_speak_for_its_day():
    # DATEWISE's clip: deeper in a report come background and reaction, not the day's news.
    from storyline.tls import Sent, candidates
    day = date(2031, 6, 12)
    sents = [Sent("r1", 10 * i, 10 * i + 9, f"Crews worked on the breach of the Orsk dam line {i} .", day, i)
             for i in range(8)]
    _ment, pub = candidates(sents)
    assert [s.index for s in pub[day]] == [0, 1, 2, 3, 4]



def test_the_default_length_is_no_more_than_the_days_the_reports_attest():
    from storyline.tls import Sent, default_length
    # Written for this test: 30 reports over three days; two earlier days are named by two reports each, and
    # twelve old days by one report each (a list of past floods).
    arts = [Article(f"a{i}", f"a{i}.txt", "x", published=f"2031-05-0{1 + i % 3}") for i in range(30)]
    sents = [Sent("a0", 0, 1, "x", date(2031, 5, 1), 0, [date(1900 + k, 3, 1) for k in range(12)])]
    sents += [Sent(f"a{i}", 0, 1, "x", date(2031, 5, 1), 0, [date(2031, 4, 28), date(2031, 4, 29)]) for i in (1, 2)]
    assert default_length(arts) == (10, 2)              # one date per three reports
    assert default_length(arts, sents) == (5, 2)        # three days of reports and two days two of them name
    assert default_length(arts[:3], sents[:1]) == (3, 1)    # never fewer than three


@pytest.mark.parametrize("text,ok", [
    # a reader's testimony, a columnist's aside, a headline's question: no timeline lines
    ("I landed in Kestrow on Saturday and drove on to the dam for work .", False),
    ("On Sunday we buried our first neighbour from the flooded valley .", False),
    ("Then I rang the council hotline about my flooded cellar .", False),
    ("Veldra dam: how safe is the valley now?", False),
    ("My sister was evacuated from Kestrow on Friday .", False),
    # the speaker's first person inside the quotation that attributes it, and the newsroom's voice
    ('"We have sealed the breach," the dam operator said on Monday .', True),
    ('Engineers said: "We have sealed the breach on the Veldra dam .', True),
    # the end of a quotation begun in an earlier sentence starts in the speaker's words without their start
    ('sealed the breach," the operator said, adding that the valley was safe .', False),
    ('sealed the breach," the operator said, adding that we were safe .', False),
    ('The operator said "the breach is sealed" and left the dam on Monday .', True),
    ("Two people were pulled alive from the rubble on Friday, our correspondent says .", True),
    ('"Where is the help?" asked a resident of Kestrow on Friday .', True),
    # "I" after a capitalised word inside a sentence ends a name
    ("The Kestrow treaty was signed after World War I was over .", True),
    ("The US said on Monday it would send engineers to the Veldra dam .", True),
    # the writer addressing the reader, or a reader the expert (twenty-third session: a reader's letter to a
    # health agency's Q&A was a timeline line of the flu story)
    ("Could you please review your estimated death rate for the Kestrow fever .", False),
    ("If you travel to Kestrow this week, carry water .", False),
    ('"You will see the dam rebuilt by spring," the mayor told residents on Friday .', True),
])
def test_a_line_states_what_happened_in_the_reporters_voice(text, ok):
    assert tls.readable(text) is ok


def test_the_day_is_read_from_all_its_sentences_but_a_line_is_a_readable_one():
    # Written for this test: a reader's testimony that names the day in the story's own words would be the line
    # nearest the day's centroid; the reported sentence is chosen instead, and a day with nothing but testimony
    # and a question gets no line.
    day1 = ["I watched the Veldra dam collapse on March 3, 2025 from my house in the Kestrow valley .",
            "The Veldra dam collapsed on March 3, 2025 , flooding the Kestrow valley , officials said .",
            "The Veldra dam collapsed on March 3, 2025 and the Kestrow valley flooded , I saw it all ."]
    day2 = ["We had no water in the Kestrow valley on March 9, 2025 and my children were ill .",
            "Will the Kestrow valley have water again after March 9, 2025 ?"]
    arts = [Article(f"a{i}", f"a{i}.txt", text=s + "\n", published="2025-03-10")
            for i, s in enumerate(day1 + day2)]
    tl = tls.summarise(arts, n_dates=2, per_date=1, reading=tls.read(arts))
    assert [(d, [ln.text for ln in ls]) for d, ls in tl] == [(date(2025, 3, 3), [day1[1]])]


def test_a_chronologys_date_and_dash_are_no_part_of_the_line_but_still_date_it():
    """A chronology's entry ("May 14 - The council closes the bridge ...") states its day in the prefix: the day
    still counts for the sentence, and the line a reader sees starts after the dash (the line's date says it)."""
    entry = "May 14 - The council closes the Kestrow bridge after engineers find cracks."
    text = entry + "\n"
    art = Article("c", "c.txt", text=text, published="2025-06-01")
    reading = {"c": ([(0, len(entry), "body")], [(0, 6, "DATE", "2025-05-14")])}
    (s,) = tls.sentences([art], reading)
    assert s.text == "The council closes the Kestrow bridge after engineers find cracks."
    assert text[s.start:s.end] == s.text and s.dates == [date(2025, 5, 14)]
    # A sentence that only opens with a date, with no dash, keeps it ("May 14 was the day ...").
    plain = "May 14 was the day the council closed the bridge."
    art = Article("d", "d.txt", text=plain, published="2025-06-01")
    (s,) = tls.sentences([art], {"d": ([(0, len(plain), "body")], [(0, 6, "DATE", "2025-05-14")])})
    assert s.text == plain
