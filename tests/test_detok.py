"""Detokenisation of PTB-style text: only whitespace and the PTB quote/bracket tokens change, and normal text is
left alone."""
import re

from storyline.ingest import ingest_raw
from storyline.ingest.detok import detokenise, looks_tokenised, normalise
from storyline.ingest.readers import RawDoc

TOK = ("The well blew out on Sept. 11 , 2001 , officials said . "
       "`` We do n't know , '' BP 's chief told reporters -LRB- AP -RRB- . "
       "Shares fell 5 % ; analysts were n't surprised !")


def test_ptb_text_is_detokenised():
    out = normalise(TOK)
    assert "Sept. 11, 2001, officials said." in out
    assert '"We don\'t know," BP\'s chief told reporters (AP).' in out
    assert "fell 5%; analysts weren't surprised!" in out


def test_only_whitespace_and_ptb_tokens_change():
    out = normalise(TOK)
    strip = lambda s: re.sub(r"\s+", "", s)
    raw = strip(TOK).replace("``", '"').replace("''", '"').replace("-LRB-", "(").replace("-RRB-", ")")
    assert strip(out) == raw


def test_offset_map_points_into_raw_text():
    out, pos = detokenise(TOK)
    assert len(pos) == len(out) + 1
    for i, ch in enumerate(out):
        if ch not in '"()':
            assert TOK[pos[i]] == ch
    i = out.index("2001")
    assert TOK[pos[i]:pos[i + 3] + 1] == "2001"


def test_normal_text_is_untouched():
    prose = ('The court said on Friday, in a ruling, that it would not hear the case. "We are disappointed," '
             "the lawyer said. Shares rose 3% (a record). It's over , he said.")
    assert not looks_tokenised(prose)
    assert normalise(prose) == prose


def test_ingest_detokenises_once_for_every_stage():
    raw = RawDoc(key="t17/2010-06-08/1.htm.txt", source_path="t17/2010-06-08/1.htm.txt", text=TOK, fmt="txt")
    a = ingest_raw([raw])[0]
    assert "Sept. 11, 2001," in a.text and " , " not in a.text


def test_ptb_slash_and_star_escapes_are_undone_with_offsets():
    raw = "Photo : Jon Ferrow \\/ Kestrow Herald . Sales rose 3 \\* 2 times , he said ."
    out, pos = detokenise(raw)
    assert "Jon Ferrow / Kestrow Herald." in out and "3 * 2 times, he said." in out and "\\" not in out
    for i, ch in enumerate(out):
        if ch in "/*":
            assert raw[pos[i]] == ch
    # Prose that is not tokenised keeps a backslash as written.
    assert normalise("A path like C:\\/temp stays as written.") == "A path like C:\\/temp stays as written."


def test_a_stock_code_broken_at_its_dot_by_the_line_splitter_is_rejoined():
    raw = ("Drug maker Kelvra -LRB- KLV . \nVX -RRB- and Orsk Pharma -LRB- ORP . \nN -RRB- will ship the vaccine .\n"
           "The vaccine is free .\nN -RRB- stays as it is .")
    out, pos = detokenise(raw)
    assert "Kelvra (KLV.VX) and Orsk Pharma (ORP.N) will ship the vaccine." in out
    # a line that only starts like a code's tail, with no code before it, keeps its break
    assert "free.\nN)" in out
    assert all(raw[p] == "." for c, p in zip(out, pos) if c == "." and raw[p] != " ")


def test_ptb_single_quotes_join_their_words():
    from storyline.ingest.detok import detokenise
    text = "The Vardo well is ` dead ' five months after it blew , the workers ' union said .\n"
    out, pos = detokenise(text)
    assert out == "The Vardo well is 'dead' five months after it blew, the workers' union said.\n"
    assert len(pos) == len(out) + 1 and text[pos[out.index("'dead'")]] == "`"


def test_a_line_opening_with_a_comma_runs_on_from_the_line_before():
    # Timeline17's splitter broke lines after an abbreviation ("D-Calif ."); the next line opens with ", and ...",
    # which no sentence does: joined, the sentence is whole again (and is not cut into two timeline lines).
    raw = ("In a letter , dated May 3 , 2021 , Reps. Ana Vell , D-Ore . \n, and Tom Rusk , D-Mont . \n, said the plant "
           "was unsafe . \nThe plant closed ; \nworkers left .")
    out, pos = detokenise(raw)
    assert out == ("In a letter, dated May 3, 2021, Reps. Ana Vell, D-Ore., and Tom Rusk, D-Mont., said the plant was "
                   "unsafe. \nThe plant closed; \nworkers left.")
    assert len(pos) == len(out) + 1 and all(raw[pos[i]] == out[i] for i in range(len(out)) if out[i] not in '"()\'')


def test_the_garbled_standfirst_bullet_word_goes_and_a_price_stays():
    # Timeline17 carries the Guardian's standfirst bullets as the word "cents": "hotel cents Guests locked in ...".
    raw = ("cents Ferry inquiry opens in Kestrow cents Fares frozen for 2024 cents Captain says fog hid the pier "
           "Tickets cost 50 cents . \nA few cents .")
    out, pos = detokenise(raw)
    assert out == ("Ferry inquiry opens in Kestrow Fares frozen for 2024 Captain says fog hid the pier Tickets cost 50 "
                   "cents. \nA few cents.")
    assert len(pos) == len(out) + 1 and all(raw[pos[i]] == out[i] for i in range(len(out)))
