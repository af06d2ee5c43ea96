"""Claims with speakers and stances: the seed story's attributed sentences, and the dev stories'."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_EVAL


@pytest.fixture(scope="module")
def seed_claims(extractor, seed_text, make_doc):
    return extractor.extract(make_doc(seed_text, "raqqa.txt"))


def _claim_at(claims, text, quote, kind=None):
    start = text.index(quote)
    end = start + len(quote)
    found = [c for c in claims if c.start < end and start < c.end and (kind is None or c.kind == kind)]
    assert found, f"no claim over {quote!r}"
    return found


@pytest.mark.parametrize(
    ("quote", "speaker", "stance"),
    [
        ("no more than 200-300", "Talal Selo", "asserted"),
        ("only a few may have remained", "Talal Selo", "hedged"),
        ("We still expect there to be difficult fighting", "Ryan Dillon", None),
        ("civilians remain in Raqqa", "Ryan Dillon", "asserted"),
        ("the final batch of fighters (who had agreed to leave) left the city", "Mostafa Bali", "asserted"),
        ("275 Syrian militants left along with their family members", "Talal Selo", "asserted"),
        ("that figure included both the fighters and their family members", "Laila Mostafa", "asserted"),
        ("denied an earlier comment by another council member", "Laila Mostafa", "denied"),
        ("some foreign fighters had left in the convoy", "another council member", "reported"),
        ("about 300-400 fighters were still holed up", "coalition", "asserted"),
        ("had given biometric data including fingerprints", "Ryan Dillon", "asserted"),
        ("The convoy was still in territory held by the SDF", "Talal Selo", "asserted"),
        ("The jihadists had refused to release them", "Mostafa Bali", "negated"),
        ("The agreement was brokered by the council and tribal elders", "coalition", "asserted"),
        ("they sought to prevent bloodshed among civilians", "Tribal leaders", "asserted"),
        ("The civilians exited completely", "Talal Selo", "asserted"),
        ("it was not involved in the evacuation", "Ryan Dillon", "negated"),
    ],
)
def test_extract_seed_speaker_and_stance(seed_claims, seed_text, quote, speaker, stance):
    claims = _claim_at(seed_claims, seed_text, quote, "statement")
    assert any(c.speaker == speaker and (stance is None or c.stance == stance) for c in claims), [
        (c.text, c.speaker, c.stance) for c in claims]


def test_extract_seed_speakers_are_normalised(seed_claims):
    selo = {c.speaker_key for c in seed_claims if c.speaker and "Selo" in c.speaker}
    assert selo == {"person:selo"}
    assert {c.speaker for c in seed_claims if c.speaker_key == "person:selo"} == {"Talal Selo"}


def test_extract_spans_slice_to_text(seed_claims, seed_text):
    for claim in seed_claims:
        assert seed_text[claim.start:claim.end] == claim.text
        assert 0 <= claim.start < claim.end <= len(seed_text)


def test_extract_denial_yields_two_claims(seed_claims):
    (denial,) = [c for c in seed_claims if c.stance == "denied"]
    target = next(c for c in seed_claims if c.id == denial.denies)
    assert target.text == "some foreign fighters had left in the convoy"
    assert target.speaker == "another council member"


@pytest.mark.parametrize(
    ("case", "doc", "quote", "speaker", "stance"),
    [
        ("border_clash_single", "clash.txt", "troops had not crossed the border", "Ravi Datta", "negated"),
        ("border_clash_single", "clash.txt", "soldiers crossed the frontier", "governor", "asserted"),
        ("bus_strike_single", "strike.txt", "the city's tram lines were not affected", "operator", "negated"),
        ("bus_strike_single", "strike.txt", "two tram lines had been shut", "Union officials", "asserted"),
        ("cholera_single", "outbreak.txt", "the 312 figure included suspected cases", "WHO official", "asserted"),
        ("protest_single", "protest.txt", "officers did not use tear gas", "police spokeswoman", "negated"),
        ("protest_single", "protest.txt", "police fired tear gas", "Several witnesses", "asserted"),
        ("protest_single", "protest.txt", "The prime minister did not leave his office", "spokesman", "negated"),
        ("protest_single", "protest.txt", "the march set off from University Square", "Police", "asserted"),
    ],
)
def test_extract_dev_speaker_and_stance(extractor, make_doc, case, doc, quote, speaker, stance):
    text = (SHARED_EVAL / "dev" / case / doc).read_text(encoding="utf-8")
    claims = _claim_at(extractor.extract(make_doc(text, doc)), text, quote, "statement")
    assert any(c.speaker == speaker and c.stance == stance for c in claims), [
        (c.text, c.speaker, c.stance) for c in claims]


@pytest.mark.parametrize(
    ("text", "quote", "counted"),
    [
        ("Selo said 275 Syrian militants left the city.", "275", "Syrian militants"),
        ("Officials said 12.6 percent of patients had swelling.", "12.6 percent", "patients"),
        ("Rescue workers said they had taken more than 40 wounded to hospitals.", "more than 40", "wounded"),
    ],
)
def test_extract_counted_thing(extractor, make_doc, text, quote, counted):
    claims = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    (claim,) = [c for c in claims if c.quantity and c.quantity.text == quote]
    assert claim.quantity.counted == counted
