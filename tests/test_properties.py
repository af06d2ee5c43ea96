"""Property-based tests: nothing crashes, spans slice to their quotes, reports are deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.quantities import find_quantities

WORDS = st.sampled_from([
    "Police", "said", "about", "3,000", "people", "took", "part", "on", "Saturday", "more", "than", "20,000",
    "denied", "that", "troops", "had", "not", "crossed", "the", "border", "$1.2bn", "40%", "June", "6",
    "two", "dozen", "nearly", "half", "a", "million", "-", "—", "“", "”", ",", ".", "\n", "\n\n", "#", "*",
    "at", "least", "12", "killed", "according", "to", "officials", "2-1", "Monday's", "ten", "per", "cent",
    "é", "ß", "日本", "\t", "(", ")", "[x](http://e.x/9)", "<!-- c -->", "`7`", "1/4", "minus",
])
NEWSY = st.lists(WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.text(max_size=300)
COMMON = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@COMMON
@given(text=st.one_of(NEWSY, ANY_TEXT))
def test_properties_quantities_spans_slice(lexicon, text):
    for found in find_quantities(text, lexicon.quantities):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start:found.end] == found.quantity.text


@COMMON
@given(text=st.one_of(NEWSY, ANY_TEXT), markdown=st.booleans())
def test_properties_extraction_spans_slice(extractor, make_doc, text, markdown):
    doc = make_doc(text, "d.md" if markdown else "d.txt")
    for claim in extractor.extract(doc):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=NEWSY, b=NEWSY)
def test_properties_check_is_deterministic(checker, make_doc, a, b):
    docs = [make_doc(a, "a.txt"), make_doc(b, "b.md")]
    first = checker.check(docs).model_dump_json()
    assert first == checker.check(docs).model_dump_json()


def test_properties_thousands_of_numbers_on_one_line(checker, make_doc):
    text = "Officials said the counts were " + " ".join(str(n) for n in range(1, 5001)) + ".\n"
    report = checker.check([make_doc(text, "numbers.txt")])
    assert report.documents[0].claims > 0


def test_properties_a_long_run_of_capitalised_words_is_read_in_one_pass():
    from checker.attributes import places_the_texts_link

    # Names are read five words at a time: an all-capitals table or title-case text of 50,000 words
    # must not be read from every word to the end of the run (that took minutes).
    linked = places_the_texts_link(["Word " * 50_000 + "Mill Lane in Brennock"])
    assert "Brennock" in linked["Lane"]


def test_properties_thousands_of_dates_in_one_sentence(extractor, make_doc):
    months = ["January", "March", "May", "July", "September", "November"]
    text = "Meetings were held on " + ", ".join(f"{n % 28 + 1} {months[n % 6]} 2020" for n in range(3000))
    dates = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert len(dates) == 3000
