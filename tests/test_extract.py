"""Claims with speakers and stances: the seed story's attributed sentences, and the dev stories'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Copies of the labelled stories the attributed sentences come from.
STORIES = ROOT / "tests" / "data" / "stories"


@pytest.fixture(scope="module")
def seed_claims(extractor, seed_text, make_doc):
    return extractor.extract(make_doc(seed_text, "raqqa.txt"))


def _claim_at(claims, text, quote, kind=None):
    start = text.index(quote)
    end = start + len(quote)
    found = [c for c in claims if c.start < end and start < c.end and (kind is None or c.kind == kind)]
    assert found, f"no claim over {quote!r}"
    return found


ATTRIBUTED = json.loads((Path(__file__).parent / "data" / "attributed_sentences.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ATTRIBUTED, ids=lambda c: f"{c['case']}:{c['quote'][:30]}")
def test_extract_speaker_and_stance(extractor, make_doc, case):
    path = ROOT / "tests" / "data" / "seed" / case["doc"] if case["case"] == "seed/raqqa" else STORIES / case["case"] / case["doc"]
    text = path.read_text(encoding="utf-8")
    claims = _claim_at(extractor.extract(make_doc(text, case["doc"])), text, case["quote"], "statement")
    assert any(c.speaker == case["speaker"] and (case["stance"] is None or c.stance == case["stance"])
               for c in claims), [(c.text, c.speaker, c.stance) for c in claims]


def test_extract_pronoun_names_the_person_last_named_as_a_sentence_subject(extractor, make_doc):
    text = ('IFRA director Ingrid Solheim said no staff were hurt. "We are staying," she said.\n\n'
            "Government spokesman Abdelrahim Osman blamed the rebels. He said two guards had been shot dead.\n\n"
            "Holt said the survey covered every glacier. Hans Brekke said the study was paid for by the ministry. "
            'Holt rejected that. "Not one krone of ministry money went into this work," she said.')
    claims = extractor.extract(make_doc(text))

    def speaker_of(quote: str) -> str | None:
        return next(c.speaker for c in claims if c.kind == "statement" and c.text.startswith(quote))

    assert speaker_of("We are staying") == "Ingrid Solheim"
    assert speaker_of("two guards had been shot dead") == "Abdelrahim Osman"  # "blamed" reports no speech
    assert speaker_of("Not one krone") == "Holt"


def test_extract_trailing_speaker_after_a_comma_speaks(extractor, make_doc):
    text = ("A consortium led by Danish utility Havfrisk Energi and Japan's Tokai Power has won the right to build "
            "Veldemark's largest offshore wind farm, the country's Maritime Energy Agency said on Thursday.")
    claims = extractor.extract(make_doc(text))
    won = next(c for c in claims if c.kind == "statement" and c.text.startswith("A consortium"))
    assert won.speaker == "Maritime Energy Agency"  # not the consortium the parser hung "said" on
    led = next(c for c in claims if c.attribute is not None and c.attribute.cls == "agent")
    assert "Havfrisk Energi" in led.attribute.value
    # the nationality on the agent itself, not on a name joined to it
    origins = {c.attribute.value for c in claims if c.attribute is not None and c.attribute.cls == "origin"}
    assert origins == {"Danish"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Nearly 48,000 patients were waiting for surgery, according to figures published by the trust.", "trust"),
        # what a newspaper has only seen is not the newspaper's
        ("The cost rose to EUR 1.1bn, according to budget documents seen by this newspaper.", "budget documents"),
    ],
)
def test_extract_according_to_what_someone_published_is_the_publisher(extractor, make_doc, text, speaker):
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure.speaker == speaker


def test_extract_nobody_who_said_nothing_is_no_speaker(extractor, make_doc):
    text = ('"We were all staring at the screen," said Ana Ruiz, an engineer. "When the first image came up, '
            'nobody said anything for about ten seconds. Then everybody was shouting."')
    claims = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    assert {c.speaker for c in claims} == {"Ana Ruiz"}
    silence = next(c for c in claims if c.text.startswith("nobody said"))
    assert silence.stance == "negated"  # what nobody said is a statement of its own


@pytest.mark.parametrize(
    ("between", "speaker"),
    [("", "Ana Ruiz"),  # the quotation goes on in the next sentence: the same voice
     (" The council has not replied.", None)],  # the writer spoke in between: no one is named for it
)
def test_extract_quotation_after_an_attributed_one_keeps_its_speaker(extractor, make_doc, between, speaker):
    text = f'"The pumps failed at dawn," said Ana Ruiz, an engineer.{between} "The river rose within the hour."'
    rose = next(c for c in extractor.extract(make_doc(text)) if c.kind == "statement" and "river rose" in c.text)
    assert rose.speaker == speaker


def test_extract_relative_pronoun_speaks_for_its_noun(extractor, make_doc):
    text = ("The depot is run by state-owned Meranda Petroleum Co, which said the site held about 40 million "
            "litres of fuel.")
    held = next(c for c in extractor.extract(make_doc(text)) if c.kind == "statement" and "site held" in c.text)
    assert held.speaker == "Meranda Petroleum Co"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [("At least two of the councillors who voted in favour told the meeting they had doubts.", "councillors"),
     ("Several of the residents said the water had been brown for days.", "residents"),
     ("Two employees told the Courier that a whey tank overflowed.", "Two employees")],
)
def test_extract_some_of_a_group_speak_as_the_group(extractor, make_doc, text, speaker):
    said = next(c for c in extractor.extract(make_doc(text)) if c.kind == "statement" and c.speaker is not None)
    assert said.speaker == speaker


def test_extract_one_of_them_is_one_of_the_group_just_named(extractor, make_doc):
    text = "He was told on Monday, according to two people at the club. He did not leave by mutual consent, one of them said."
    told, left = (c for c in extractor.extract(make_doc(text)) if c.kind == "statement" and c.speaker is not None)
    assert left.speaker_key == told.speaker_key and left.speaker == "two people"


def test_extract_hyphened_title_does_not_speak_for_the_name(extractor, make_doc):
    # the parser makes "Vice" and "Chen" two subjects of "said"
    text = "Vice-president for finance Robert Chen said the university had 3,087 international undergraduates."
    had = next(c for c in extractor.extract(make_doc(text)) if c.kind == "statement")
    assert had.speaker == "Robert Chen"


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
    ("text", "quote", "counted"),
    [
        ("Selo said 275 Syrian militants left the city.", "275", "Syrian militants"),
        ("Officials said 12.6 percent of patients had swelling.", "12.6 percent", "patients"),
        ("Rescue workers said they had taken more than 40 wounded to hospitals.", "more than 40", "wounded"),
        ("The 52,000-seat venue is expected to open in 2027.", "52,000", "seat"),
        ("Five of Castlemere's libraries are to close.", "Five", "libraries"),
        # the participle is a clause on the crowd, not what the figure counts
        ("A crowd of 61,240 packed into the stadium on Saturday.", "61,240", "crowd"),
        # a part counts what the words after "of them" name
        ("The shelling killed about two dozen people, six of them children.", "six", "children"),
        # a part of a counted whole counts what the whole counts, and the whole stays a figure of its own
        ("The party won 43 of the 120 seats.", "43", "seats"),
        ("The party won 43 of the 120 seats.", "120", "seats"),
    ],
)
def test_extract_counted_thing(extractor, make_doc, text, quote, counted):
    claims = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    (claim,) = [c for c in claims if c.quantity and c.quantity.text == quote]
    assert claim.quantity.counted == counted


@pytest.mark.parametrize(
    ("text", "label", "figure"),
    [
        ("When Unit 2 went down, 1,150 people lost work.", "2", "1,150"),
        ("Flight 370 vanished in 2014 with 239 people aboard.", "370", "239"),
        ("The storm reached Category 4 as 12 people were rescued.", "4", "12"),
        ("The Unit 2 reactor was restarted, and 300 staff returned.", "2", "300"),  # both hang on "reactor"
        ("A Line 3 tram derailed with 60 passengers aboard.", "3", "60"),
    ],
)
def test_extract_number_naming_a_thing_is_a_label_not_a_figure(extractor, make_doc, text, label, figure):
    figures = [c.quantity.text for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure in figures and label not in figures


@pytest.mark.parametrize(
    ("key", "name", "organisation"),
    [("person:selo", "Talal Selo", "SDF"), ("person:dillon", "Ryan Dillon", "U.S.-led international coalition"),
     ("person:mostafa", "Laila Mostafa", "Raqqa Civil Council")],
)
def test_extract_seed_speaker_organisation(seed_claims, key, name, organisation):
    assert {(c.speaker, c.organisation) for c in seed_claims if c.speaker_key == key} == {(name, organisation)}


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        ("The company said it would cut about 800 jobs in its plastics division.", "would cut", "company"),
        ("Police said they had arrested 12 people near the square.", "had arrested", "Police"),
    ],
)
def test_extract_pronoun_subject_is_the_speaker(extractor, make_doc, text, quote, subject):
    claims = _claim_at(extractor.extract(make_doc(text)), text, quote, "statement")
    assert {c.subject for c in claims} == {subject}


def test_extract_update_marker_marks_the_figure_after_it(extractor, make_doc):
    text = "The stadium will seat 62,000 spectators and could be expanded to 70,000 for concerts."
    updated = {c.quantity.text: c.updated for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert updated == {"62,000": False, "70,000": True}


@pytest.mark.parametrize(
    ("text", "cls", "value"),
    [
        ("The drug slowed decline by 37%, according to results presented on Tuesday and published in The Lancet.",
         "publication", "Lancet"),
        ("Organisers said more than 20,000 marched from Victoria Square to the parliament building.", "place",
         "Victoria Square"),
        ("An air strike by government forces hit a crowded market on Friday.", "side", "government"),
        ("Rebel artillery shelled a busy market in the town on Friday.", "side", "rebels"),
        # where an event happened and who did it, read from the syntax whatever the tagger calls the name
        ("The fire started at a tea stall in Block D-2, where a gas cylinder had been left burning.", "place",
         "tea stall in Block D-2"),
        ("The authorities have opened a new camp at Tel Seyhan, about 15 kilometres from the border.", "place",
         "Tel Seyhan"),
        ("The boat departed from Nouadhibou, Mauritania, eight days earlier.", "place", "Nouadhibou"),
        ("The looting was carried out by the Border Guards, a militia allied with the army.", "agent", "Border Guards"),
        # a noun naming what happened takes a place as its verb would
        ("This will be a 72-hour stoppage at BCT's Riverside terminal, the union said.", "place",
         "BCT 's Riverside terminal"),
        # a party named as the object of its leader's verb
        ("Rask, who leads the centrist Centre Party, could have tried to form a government.", "party", "Centre Party"),
        # a time the parser hangs on the place's noun is not part of the place
        ("The lorry was stopped at the Tamar bridge crossing on Friday, police said.", "place", "Tamar bridge crossing"),
        # a country joined by a hyphen to what it describes is where that is from
        ("A Marshall Islands-flagged tanker struck rocks off the coast.", "origin", "Marshall Islands"),
        # where a ship is registered is its flag, where it is from
        ("The Aegean Star, a vessel registered in Malta, struck a rock.", "origin", "Malta"),
        # the nationality of who did it is where the act is from, as "German-made" says
        ("The mirror was manufactured by a German firm in 2019.", "origin", "German"),
        ("A consortium led by Danish utility Havfrisk Energi won the auction.", "origin", "Danish"),
    ],
)
def test_extract_attribute_values(extractor, make_doc, text, cls, value):
    values = {(c.attribute.cls, c.attribute.value) for c in extractor.extract(make_doc(text)) if c.attribute}
    assert (cls, value) in values, values


@pytest.mark.parametrize(
    ("text", "cause", "effect"),
    [
        ("The outage was caused by a power cut at its main data centre, the company said.",
         "power cut at main data centre", "outage"),
        ("Security researchers said a ransomware attack caused the outage.", "ransomware attack", "outage"),
        ("Our investigation has traced the problem to a burst main at the Hollins service reservoir.",
         "burst main at Hollins service reservoir", "problem"),
        ("Police blamed the crash on black ice.", "black ice", "crash"),
        ("The fire resulted from an electrical fault in the kitchen.", "electrical fault in kitchen", "fire"),
        ("Flights were cancelled owing to a strike by air traffic controllers.",
         "strike by air traffic controllers", "Flights"),
        ("The network went down because of a ransomware attack.", "ransomware attack", "network"),
        # a causal phrase in a relative clause says what caused the noun it describes
        ("The closure, which was due to a burst pipe, lasted a day.", "burst pipe", "closure"),
    ],
)
def test_extract_cause_and_what_it_caused(extractor, make_doc, text, cause, effect):
    causes = {(c.attribute.value, c.attribute.anchor) for c in extractor.extract(make_doc(text))
              if c.attribute and c.attribute.cls == "cause"}
    assert causes == {(cause, effect)}


@pytest.mark.parametrize(
    "text",
    ["The plant is due to open in 2027.", "It closed because of this.", "The talks failed, and the strike went ahead."],
)
def test_extract_no_cause_without_a_causal_phrase_and_a_cause(extractor, make_doc, text):
    assert not [c for c in extractor.extract(make_doc(text)) if c.attribute and c.attribute.cls == "cause"]


@pytest.mark.parametrize(
    "text",
    ["The minister said in a statement that the talks had failed.", "The bill was passed by a wide margin on Tuesday.",
     "The company was founded in 1998.",
     # a bare noun between two prepositions is part of one preposition
     "The agency worked in partnership with Hanseo Cells.", "The crossing stayed open in line with Dastan law.",
     # a place that owns something says whose it is, not where anything happened
     "It has been two weeks since North Kellington's planning committee waved through the runway extension."],
)
def test_extract_phrase_that_names_nothing_is_no_place_or_agent(extractor, make_doc, text):
    values = [c.attribute for c in extractor.extract(make_doc(text)) if c.attribute and c.attribute.cls in ("place", "agent")]
    assert values == []


@pytest.mark.parametrize(
    ("text", "quote", "stance"),
    [
        # a negation inside a condition or a relative clause is not the main clause's
        ("If nothing changes, food rations will be halved from July.", "food rations will be halved", "asserted"),
        ("If it does not rain, the final will go ahead on Sunday.", "the final will go ahead", "asserted"),
        ("The deal that nobody wanted was signed on Friday.", "was signed", "asserted"),
        ("No vessel sales are planned for 2025.", "No vessel sales are planned", "negated"),
        ("There had been no reports of a gas smell.", "no reports", "negated"),
        # "few" is a negative quantifier; "a few" is not
        ("At these levels few fish can survive for long.", "few fish can survive", "negated"),
        ("A few residents have stayed behind.", "A few residents have stayed behind", "asserted"),
        # a negator in what a noun is of names a kind of thing; one on the verb's own phrase denies
        ("The chamber passed a motion of no confidence in the government.", "The chamber passed a motion", "asserted"),
        ("Inspectors found no trace of the chemical.", "Inspectors found no trace", "negated"),
        # a verb that means "not X" negates its object or clause; alone, it says what happened
        ("The striker escaped a red card in the second half.", "escaped a red card", "negated"),
        ("About 300 kg of ammonia escaped before the valve was closed.", "ammonia escaped", "asserted"),
    ],
)
def test_extract_negation_belongs_to_its_own_clause(extractor, make_doc, text, quote, stance):
    clauses = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement" and quote in c.text]
    assert clauses and max(clauses, key=lambda c: len(c.text)).stance == stance


@pytest.mark.parametrize(
    ("text", "asserted", "negated", "subject"),
    [
        ("The spilled material was contained within the bunded area and did not enter the river.",
         "The spilled material was contained within the bunded area", "did not enter the river", "The spilled material"),
        ("Fees for domestic students are set by the province and will not change.",
         "Fees for domestic students are set by the province", "will not change", "Fees for domestic students"),
    ],
)
def test_extract_negated_second_verb_is_a_claim_of_its_own(extractor, make_doc, text, asserted, negated, subject):
    stances = {c.text: c for c in extractor.extract(make_doc(text)) if c.kind == "statement"}
    assert stances[asserted].stance == "asserted"  # the second verb's "not" does not negate the first
    assert stances[negated].stance == "negated"
    assert stances[negated].subject == subject  # and it shares the first verb's subject
    assert stances[negated].content.startswith(subject)


def test_extract_second_verb_after_a_negated_first_is_a_claim_of_its_own(extractor, make_doc):
    text = "People who are unwell should not prepare food for others and should stay off work for 48 hours."
    claims = extractor.extract(make_doc(text))
    stances = {c.text: c.stance for c in claims if c.kind == "statement"}
    assert stances["People who are unwell should not prepare food for others"] == "negated"
    assert stances["should stay off work for 48 hours"] == "asserted"  # the first verb's "not" is its own
    (hours,) = [c for c in claims if c.kind == "numeric"]
    assert hours.stance == "asserted"


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("The ministry's headline pass rate counts only pupils sitting the exams for the first time.", "restrictive"),
        ("The pass rate is calculated across all candidates, including private candidates.", "inclusive"),
        ("The company said the figure covers both current customers and former customers.", "inclusive"),
        ("The agency said the six-month appeal was intended for refugees alone.", "restrictive"),
        ("The plan covers the needs of refugees and of the host communities.", "inclusive"),
        ("Fire crews counted the damaged cars on Tuesday.", None),  # counting, not bounding a set
        ("The board approved the budget on Tuesday.", None),
    ],
)
def test_extract_statement_of_what_a_figure_covers(extractor, make_doc, text, relation):
    statement = max((c for c in extractor.extract(make_doc(text)) if c.kind == "statement"), key=lambda c: len(c.text))
    assert statement.scope_relation == relation


def test_extract_claim_inside_a_direct_quotation_is_marked_quoted(extractor, make_doc):
    text = 'The mayor said: "We closed no schools this year." Officials said 12 schools had closed.'
    quoted = {c.text: c.quoted for c in extractor.extract(make_doc(text)) if c.kind in ("statement", "numeric")}
    assert quoted["We closed no schools this year"] is True
    assert quoted["12 schools"] is False


@pytest.mark.parametrize(
    ("text", "path", "headline"),
    [
        ("Quake kills 41 in eastern Turkey\n\nRescuers searched the rubble.\n", "a.txt", True),
        ("# Quake kills 41 in eastern Turkey\n\nRescuers searched the rubble.\n", "a.md", True),
        ("The quake killed 41 people.\n\nRescuers searched the rubble.\n", "a.txt", False),  # a sentence
    ],
)
def test_extract_first_line_standing_alone_is_the_headline(extractor, make_doc, text, path, headline):
    (figure,) = [c for c in extractor.extract(make_doc(text, path)) if c.kind == "numeric"]
    assert figure.headline is headline


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The prize was won by Maria Keller on Sunday.", True),  # the one who did it
        ("Maria Keller won the prize on Sunday.", True),
        ("Karin Holm, thank you for joining us this morning.", False),  # an address
        ("Dr Ruth Ekberg's office said the plant was safe.", False),  # an owner
    ],
)
def test_extract_person_is_read_as_the_one_who_acted(extractor, make_doc, text, person):
    people = [c.attribute.value for c in extractor.extract(make_doc(text)) if c.attribute and c.attribute.cls == "person"]
    assert bool(people) is person, people


@pytest.mark.parametrize(
    ("text", "figure", "modality"),
    [
        ("The army sent 300 extra troops to the border.", "300 extra troops", "part"),
        ("The rebuilt hall has 160 fewer seats than before.", "160 fewer seats", "part"),
        ("The rebuilt hall has 1,400 seats.", "1,400 seats", "actual"),
        # a share of a whole is a figure of its own; "two of the miners" is part of the miners counted
        ("Keller won 52.3 percent of the vote.", "52.3 percent of the vote", "actual"),
        ("A union official said two of the miners were seriously hurt.", "two of the miners", "part"),
    ],
)
def test_extract_figure_counting_a_change_is_not_a_total(extractor, make_doc, text, figure, modality):
    (claim,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and c.text == figure]
    assert claim.modality == modality


def test_extract_claims_know_their_place_among_their_kind_in_the_document(extractor, make_doc):
    text = "Police said 5,000 people marched. Organisers said 20,000 marched on Sunday. Others put it at 9,000."
    figures = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert [(c.place_in_document, c.kind_in_document) for c in figures] == [(0, 3), (1, 3), (2, 3)]


def test_extract_common_noun_tagged_as_a_person_is_no_person(extractor, make_doc):
    text = "The lorry was stopped at the crossing on Friday."  # the small model tags "lorry" PERSON
    people = [c.attribute.value for c in extractor.extract(make_doc(text)) if c.attribute and c.attribute.cls == "person"]
    assert "lorry" not in people


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # the parser hangs the figure on the attribution ("in a statement ..., worth ...")
        ("The agency said in a statement that roughly 4 million pounds of food had been lost, worth more than $4 million.",
         "more than $4 million", "agency"),
        # the parser makes the figure the object of "said", with no clause to hold it
        ("The union said 88 percent of members who took part backed strikes, on a turnout of 71 percent.",
         "71 percent", "union"),
    ],
)
def test_extract_figure_outside_every_clause_is_still_a_claim(extractor, make_doc, text, figure, speaker):
    (claim,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and c.quantity.text == figure]
    assert claim.speaker == speaker
    assert text[claim.start:claim.end].startswith(figure)


def test_extract_figure_describing_the_speaker_is_no_claim(extractor, make_doc):
    text = "Two people familiar with the talks said the deal was worth 40 million euros."
    figures = [c.quantity.text for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figures == ["40 million euros"]


def test_extract_denial_after_its_words_keeps_a_forward_span(extractor, make_doc):
    text = "Police Police had Police denied"  # found by hypothesis: the denied words precede the verb
    for claim in extractor.extract(make_doc(text)):
        assert claim.start < claim.end and text[claim.start:claim.end] == claim.text


def test_extract_date_belongs_to_the_event_it_follows(extractor, make_doc):
    text = "Relatives of the 21 workers trapped since the rockfall on June 6 gathered at the gates."
    (date,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert date.content == "the rockfall"


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a date on a verb's object dates what the verb did to it
        ("The telescope saw its first starlight on the night of 14 September.", "The telescope saw its first starlight"),
        ("The agency was notified of the first case on 9 August.", "The agency notified the first case"),
        # a cleft sentence dates its own clause, not "It was"
        ("It was 11 March when the commission formally declared the result.", "the commission declared the result"),
        # an apposition the parser hangs on the subject from after the verb is not the event's
        ("The walkout began at 10 p.m. on Sunday at the North Quay terminal, the busiest of the port's berths, "
         "halting the loading of ships.", "The walkout began at the North Quay terminal"),
        # a date inside the modifier that names the event is said once
        ("The festival, founded in 1995, drew 40,000 visitors.", "The festival founded"),
    ],
)
def test_extract_date_of_an_object_or_a_cleft_dates_the_act(extractor, make_doc, text, event):
    (date,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert date.content == event


def test_extract_date_after_the_story_was_filed_is_a_plan(extractor, make_doc):
    text = ("VELDEMARK CITY, Nov 13, 2025 (Wire) - Construction will start in 2028, and full commercial operation "
            "is in 2031. The farm's cables were laid in March.")
    dates = {c.text: c for c in extractor.extract(make_doc(text)) if c.kind == "date"}
    assert dates["in 2031"].modality == "planned"  # told in 2025, though its verb is present tense
    assert dates["in March"].modality == "actual"


def test_extract_question_asserts_nothing(extractor, make_doc):
    text = ("HOWARTH: How many homes are affected? About 8,500 homes are affected, she said. "
            "QUESTION (Nordic Broadcasting): Has any money come in? Farida, how bad is it? "
            "Many of you have asked us the same thing: what was approved?")
    claims = extractor.extract(make_doc(text))
    assert not [c.text for c in claims if "money" in c.text or "How many" in c.text or "how bad" in c.text]
    assert any(c.kind == "numeric" and c.quantity.low == 8500 for c in claims)
    assert any("asked us" in c.text for c in claims)  # a statement that ends by quoting a question


def test_extract_stamp_lines_date_the_text_not_an_event(extractor, make_doc):
    text = ("Tanker aground off Skarvoy\n\n"
            "Issued: Saturday 7 June 2025, 09:00\n\n"
            "The tanker struck rocks on Friday night.\n\n"
            "## 19:40 - Amendments\n\n"
            "Timeline:\n- Salvage: 12 June\n\n"
            "The coastguard said the hull was inspected in the early hours of\n"
            "Saturday 7 June and found sound.\n")
    dates = {c.text for c in extractor.extract(make_doc(text)) if c.kind == "date"}
    assert not any("09:00" in d or "19:40" in d for d in dates), dates  # a release's stamp, a live update's time
    assert any("Friday night" in d for d in dates), dates
    assert any("12 June" in d for d in dates), dates  # a list item says when something happens
    assert any("Saturday 7 June" in d for d in dates if "09:00" not in d), dates  # a wrapped sentence runs on


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("The commission certified the result on Wednesday.", "certify result"),
        ("The dockworkers walked out on Monday evening.", "walk out"),
        ("The telescope saw its first starlight on the night of 14 September.", "see starlight"),
        ("Relatives of the 21 workers trapped since the rockfall on June 6 gathered at the gates.", "rockfall"),
        # an event's noun as the subject of a verb that says only that it began names the event
        ("The walkout began at 10 p.m. on Sunday.", "walkout begin"),
        ("The explosions started late on Saturday.", "explosion start"),
        # a person is no event, though WordNet gives "minister" a sense of the minister's work
        ("The minister arrived on Monday.", "arrive"),
        ("The company closed the plant on Monday.", "close plant"),
    ],
)
def test_extract_date_names_what_happened_on_it(extractor, make_doc, text, head):
    (date,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert date.predicate == head


@pytest.mark.parametrize(
    ("text", "figure", "relation"),
    [
        ("The electorate of 4.2 million includes about 310,000 citizens registered abroad.", "about 310,000",
         "inclusive"),
        ("A further 310,000 citizens are registered to vote abroad.", "310,000", "additive"),
        ("On top of them, another 410,000 people are in emergency.", "410,000", "additive"),
    ],
)
def test_extract_figure_counted_inside_or_on_top_of_another(extractor, make_doc, text, figure, relation):
    (claim,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and c.quantity.text == figure]
    assert claim.scope_relation == relation


@pytest.mark.parametrize(
    ("text", "figure", "relation", "claim_text"),
    [
        ("Total mission costs stand at USD 96m, a figure that excludes the launch.", "USD 96m", "restrictive",
         "USD 96m, a figure that excludes"),
        ("The consortium's €2.4bn covers the turbines and foundations only.", "€2.4bn", "restrictive",
         "€2.4bn covers the turbines and foundations only"),
        ("Investment: EUR 2.4 billion, including the export cable and offshore substation\nSupport: a 20-year contract.",
         "EUR 2.4 billion", "inclusive", "EUR 2.4 billion, including the export cable and offshore substation"),
    ],
)
def test_extract_figure_claim_spans_the_words_that_bound_its_set(extractor, make_doc, text, figure, relation,
                                                                  claim_text):
    (claim,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and c.quantity.text == figure]
    assert claim.scope_relation == relation
    assert claim.text == claim_text


@pytest.mark.parametrize(
    ("text", "quote", "predicate"),
    [
        # a linking verb's state is what the clause says of its subject
        ("The border crossing has remained open at all times, the ministry said.", "remained open", "open"),
        ("The coalition said about 300 fighters were still holed up in the enclave.", "holed up", "hole"),
        ("The crossing was closed from Saturday evening, witnesses said.", "was closed", "close"),
        # a verb that names an act stays the predicate
        ("Police fired tear gas at the protesters, a witness said.", "fired tear gas", "fire"),
        # a verb that marks a plan hands over to what is planned
        ("The council said it plans to close the Northgate pool.", "plans to close", "close"),
        ("The council said it intends to reopen the pool in May.", "intends to reopen", "reopen"),
        # a state given to the object of a passive ("was found dead")
        ("One man was found dead on board, the coastguard said.", "found dead", "dead"),
        # "there is" says what exists, not what its subject is
        ("There were no casualties among the crew, the navy said.", "no casualties", "exist"),
        ("Wayfarer is not a small machine, the agency said.", "not a small machine", "be"),
    ],
)
def test_extract_predicate_of_a_linking_verb_is_its_state(extractor, make_doc, text, quote, predicate):
    statements = [c for c in _claim_at(extractor.extract(make_doc(text)), text, quote) if c.kind == "statement"]
    assert predicate in {c.predicate for c in statements}


def test_extract_running_total_update_supersedes_the_figure_before_it(extractor, make_doc):
    text = ("The death toll from the flooding stood at 12 on Monday morning, officials said. "
            "By Tuesday evening it had risen to 31, the civil protection agency said.")
    figures = {c.text: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures["12"].modality == "revised"
    assert figures["31"].updated and figures["31"].modality == "actual"
    assert figures["31"].measure == figures["12"].measure == "deaths"  # "it" counts what the toll counted


def test_extract_missing_people_are_a_measure_of_their_own(extractor, make_doc):
    text = ("At least 12 people were killed, officials said. Rescuers were searching for nine people "
            "listed as missing. Four others are still unaccounted for.")
    figures = {c.quantity.low: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures[12].measure == "deaths"
    assert figures[9].measure == figures[4].measure == "missing"


def test_extract_vote_share_is_a_measure_apart_from_turnout(extractor, make_doc):
    text = "Keller won 52.3 percent of the vote. Turnout was about 61 percent."
    figures = {c.quantity.low: c.measure for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures == {52.3: "vote_share", 61: "turnout"}


def test_extract_attendance_in_any_of_its_words_is_a_crowd(extractor, make_doc):
    text = ("Keane scored in front of 56,000 supporters. The derby was watched by 29,000 fans. "
            "A crowd of 61,240 packed into the stadium.")
    figures = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert [f.measure for f in figures] == ["crowd", "crowd", "crowd"]


def test_extract_figures_without_an_update_marker_supersede_nothing(extractor, make_doc):
    text = "Police said 12 people were arrested. Organisers said 31 people were detained."
    figures = {c.text: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert {c.modality for c in figures.values()} == {"actual"}


def test_extract_clause_beside_a_denial_is_not_denied(extractor, make_doc):
    text = "Corvell disputes much of this, and I have included its responses below."
    statements = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    beside = [c for c in statements if "included its responses" in c.text]
    assert beside and all(c.stance == "asserted" and c.speaker is None for c in beside)
    assert not any(c.denies for c in statements)


def test_extract_clauses_joined_inside_what_was_said_keep_the_speaker(extractor, make_doc):
    text = "Police said 12 people were killed and 30 were injured."
    statements = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    assert {c.speaker for c in statements if "injured" in c.text or "killed" in c.text} == {"Police"}


def test_extract_value_in_a_modifier_keeps_its_own_modality(extractor, make_doc):
    text = "The satellite, built in Italy, will monitor rainfall from a polar orbit, the agency said."
    (origin,) = [c for c in extractor.extract(make_doc(text)) if c.attribute is not None and c.attribute.cls == "origin"]
    assert origin.attribute.value == "Italy"
    assert origin.modality == "actual"  # built: a fact, though the satellite's monitoring is a plan


@pytest.mark.parametrize(
    "text",
    ["The jury gave its top prize to Chilean director Paula Ibarra.",
     "The Argentine film-maker Paula Ibarra won the prize, organisers said."],
)
def test_extract_origin_on_a_title_describes_the_named_person(extractor, make_doc, text):
    (origin,) = [c for c in extractor.extract(make_doc(text)) if c.attribute is not None and c.attribute.cls == "origin"]
    assert origin.attribute.anchor == "Paula Ibarra"


def test_extract_date_in_a_modifier_is_read_in_its_own_tense(extractor, make_doc):
    text = "PARIS, March 12, 2025 - The satellite, launched on Monday, will monitor rainfall, the agency said."
    (date,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert (date.date.month, date.date.day) == (3, 10)  # the Monday before the dateline, not after
    assert date.modality == "actual"


def test_extract_speech_verb_with_a_noun_object_is_the_speakers_act(extractor, make_doc):
    text = "And in fact the UN has now declared famine in two districts, Sandar and Wadi Ruq, which I visited."
    claims = extractor.extract(make_doc(text))
    (act,) = [c for c in claims if c.kind == "statement" and "declared famine" in c.text]
    assert act.text.endswith("Wadi Ruq") and act.speaker == "UN" and act.stance == "asserted"
    assert len([c for c in claims if c.kind == "numeric" and c.text == "two districts"]) == 1  # read once


def test_extract_directive_to_someone_is_the_speakers_act(extractor, make_doc):
    claims = extractor.extract(make_doc("Police told residents to stay indoors."))
    (act,) = [c for c in claims if c.kind == "statement" and c.predicate == "tell"]
    assert act.text == "Police told residents to stay indoors" and act.stance == "asserted"


def test_extract_day_named_inside_a_quotation_is_not_resolved_to_the_dateline(extractor, make_doc):
    text = ('BREMEN, 7 March 2025 - The company confirmed the landing.\n\n"Tonight a team of 230 people landed a '
            'spacecraft on the Moon," said the chief executive. The lander touched down late on Thursday, the company said.')
    dates = {c.text: c.date for c in extractor.extract(make_doc(text)) if c.kind == "date"}
    assert dates["Tonight"].day is None and dates["Tonight"].part_of_day == "night"
    assert dates["late on Thursday"].day == 6  # a day the writer names is still the dateline's week


def test_extract_on_before_a_date_is_a_word_of_its_own(extractor, make_doc):
    text = "The chief executive said the team landed a spacecraft on the Moon tonight."
    (date,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert date.text == "tonight"


def test_extract_day_month_dateline_is_no_claim_and_no_time_of_the_lead(extractor, make_doc):
    claims = extractor.extract(make_doc("SETUBAL, 14 March (Lusa) - Five people died in a fire on Thursday."))
    assert not [c for c in claims if c.kind == "date" and "March" in c.text]
    (figure,) = [c for c in claims if c.kind == "numeric"]
    assert "march" not in (figure.time_frame or "")


def test_extract_earlier_figure_takes_the_time_after_its_marker(extractor, make_doc):
    claims = extractor.extract(make_doc("The report says the pool had 96,000 visits last year, down from 130,000 in 2019."))
    frames = {c.text: c.time_frame for c in claims if c.kind == "numeric"}
    assert frames["96,000 visits"] == "last / last year"
    assert frames["130,000"] == "earlier in 2019"  # not "last year", the time of the figure it is set against


@pytest.mark.parametrize(
    ("sentence", "linked"),
    [
        ("She said that figure included patients waiting for day-case procedures.", True),
        # "the number of ..." names its own figure; it points back to none
        ("The number of people waiting more than a year for treatment fell to 1,150, the trust said.", False),
    ],
)
def test_extract_statement_points_back_to_a_figure_only_through_an_anaphor(extractor, make_doc, sentence, linked):
    text = "Nearly 48,000 patients were waiting for surgery in October, the trust said. " + sentence
    claims = extractor.extract(make_doc(text))
    (statement,) = [c for c in claims if c.kind == "statement" and c.sentence_start > 0 and c.attribute is None]
    assert (statement.quantity is not None and "48,000" in statement.quantity.text) == linked


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # an ordinal on its noun counts which one, not how much
        ("Labour won a fourth consecutive term with 52.4% of the vote.", {"52.4% of the vote"}),
        ("The cartel included a third company, the authority said.", set()),
        # a fraction of something is still a share
        ("A third of voters stayed at home, the commission said.", {"A third of voters"}),
    ],
)
def test_extract_ordinal_is_no_figure(extractor, make_doc, text, figures):
    assert {c.text for c in extractor.extract(make_doc(text)) if c.kind == "numeric"} == figures


def test_extract_figure_in_a_relative_clause_is_said_of_the_noun_it_hangs_on(extractor, make_doc):
    text = "Officers arrested 14 people during Saturday's demonstration, which was attended by around 2,500 people."
    figures = {c.text: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    crowd = figures["around 2,500 people"]
    assert crowd.predicate == "attend" and "demonstration" in crowd.content
    assert "arrested" not in crowd.content
    assert figures["14 people"].predicate == "arrest"


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        ("NORDFROST COLD STORAGE LTD\nStatement on the incident at our Brennock site\n\nAt 07:15 a valve failed.",
         "Nordfrost Cold Storage Ltd"),
        ("CALDER VALE DAIRIES - STATEMENT ON THE RIVER WEND\nKelbridge, 10 July\n\nWe are saddened.", "Calder Vale Dairies"),
        ("MINISTRY OF INDUSTRY\nPRESS RELEASE\n\nGovernment approves aid\n\nThe council approved aid.",
         "Ministry of Industry"),
        ("# Wind auction won\n\n**Press release | Havfrisk Energi | 13 November 2025**\n\nA consortium won.", "Havfrisk Energi"),
        ("# Statement on the 2025 results\n\n**National Teachers' Union | 13 August 2025**\n\nWe congratulate them.",
         "National Teachers' Union"),
        ("Statement from Harbourside Police, 4 October 2026\n\nOfficers arrested 14 people.", "Harbourside Police"),
        # a story whose lead mentions a statement was issued by no one
        ("Tanker runs aground\n\nOSLO, Nov 5 - A tanker ran aground, the ship's manager said in a statement.", None),
        ("---\ntitle: Results\ndate: 2025-02-27\n---\n\nPress release: profit rose.", None),
    ],
)
def test_extract_statement_issuer_from_the_header(header, issuer):
    from checker.extract import statement_issuer

    assert statement_issuer(header) == issuer


def test_extract_statement_speaks_for_its_issuer_in_its_own_voice(extractor, make_doc):
    text = "Statement from Harbourside Police, 4 October 2026\n\nOfficers arrested 14 people on Saturday. " \
           "The organisers said 20 people were held."
    figures = {c.text: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    own = figures["14 people"]
    assert own.speaker == "Harbourside Police" and own.speaker_key is None  # the document's voice, named
    assert figures["20 people"].speaker == "organisers"


def test_extract_figure_in_a_participle_is_said_of_what_did_it(extractor, make_doc):
    text = "An air strike by government forces hit a crowded market on Friday, killing 23 civilians."
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure.predicate == "kill"
    assert figure.content.startswith("An air strike by government forces killing")


def test_extract_year_joined_to_a_participle_is_no_time_of_the_statement(extractor, make_doc):
    text = "The group would look to sell one of its oldest ships, the 1991-built Kong Harald, the chief executive said."
    statements = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement" and c.attribute is None]
    assert statements and all("1991" not in (c.time_frame or "") for c in statements)


@pytest.mark.parametrize(
    ("text", "figure", "relation"),
    [
        # an attribution inside the clause ends what bounds the figure before it
        ("Owino said the pilot had radioed the tower about an engine problem moments before the crash. The dead "
         "included 29 passengers and two crew members, he said, among them eight foreigners.", "two crew members", None),
        # an aside that is no attribution does not
        ("The $96 million mission, launch included, is a fraction of what landers cost.", "$96 million mission",
         "inclusive"),
    ],
)
def test_extract_figure_bounds_stop_at_an_attribution(extractor, make_doc, text, figure, relation):
    figures = {c.text.split(",")[0]: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures[figure].scope_relation == relation


def test_extract_figure_in_a_relative_clause_takes_that_clause_time(extractor, make_doc):
    text = ("The Spaniard, who arrived in July 2023 on a two-year deal, was told of the decision by the chairman "
            "on Monday morning.")
    (deal,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert "july 2023" in deal.time_frame and "monday" not in deal.time_frame


def test_extract_denied_bound_is_an_asserted_figure(extractor, make_doc):
    text = "The ministry said the number of people who crossed the border does not exceed 30,000."
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure.stance == "asserted"  # the "not" bounds the figure; it denies nothing
    assert (figure.quantity.low, figure.quantity.high) == (None, 30000)


def test_extract_clause_of_its_own_is_not_denied_by_its_sentence(extractor, make_doc):
    text = ("Officials said the boat, which carried 140 people from Kayar, did not reach the island. "
            "Officials said the boat, which had not carried 90 people, sank.")
    claims = extractor.extract(make_doc(text))
    figures = {c.text.split()[0]: c for c in claims if c.kind == "numeric"}
    assert figures["140"].stance == "asserted"  # the relative clause is presupposed: it carried them
    assert figures["90"].stance == "negated"  # its own "not" negates it
    (place,) = [c for c in claims if c.attribute is not None and c.attribute.value == "Kayar"]
    assert place.stance == "asserted" and place.predicate == "carry"


def test_extract_reported_act_of_speaking_is_what_was_said(extractor, make_doc):
    text = ("Residents said they had warned officials about cracks in the dam. "
            "The dam held, an engineer told reporters.")
    statements = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    warned = next(c for c in statements if c.predicate == "warn")
    assert warned.speaker == "Residents" and warned.text.startswith("they had warned officials")
    held = next(c for c in statements if c.predicate == "hold")
    assert held.speaker == "engineer"  # a speech verb after what it tells still frames it


def test_extract_background_clause_is_not_denied_by_its_sentence(extractor, make_doc):
    text = "He had not heard from the boat since it set off from Kayar on the Senegalese coast."
    (kayar,) = [c for c in extractor.extract(make_doc(text)) if c.attribute is not None and c.attribute.value == "Kayar"]
    assert kayar.stance == "asserted"  # "since it set off from Kayar": it set off from there


def test_extract_when_clause_on_a_time_is_at_that_time(extractor, make_doc):
    text = "The agency said arrivals peaked on Tuesday, when 6,100 people crossed in a single day."
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure.time_frame == "tuesday"


def test_extract_whole_after_out_of_is_measured_by_its_own_words(extractor, make_doc):
    text = ("Eleven passengers were treated for minor injuries, a spokesperson said, out of 38 people who were "
            "on board. Police said one of the 12 people killed was a child.")
    figures = {c.text.split()[0]: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures["Eleven"].measure == "injuries"
    assert figures["38"].measure is None  # those on board, not those hurt
    assert figures["12"].measure == "deaths"


def test_extract_dated_event_leaves_out_what_describes_its_subject(extractor, make_doc):
    text = "The ship, which was carrying 236 people, hit rocks shortly after 3 a.m., a crew member said."
    (date,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "date"]
    assert date.content == "The ship hit rocks"  # its passengers are no reading of the event


def test_extract_existential_statement_is_about_what_there_is(extractor, make_doc):
    text = "There were no casualties, the coastguard said."
    statements = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    assert statements and all(c.subject == "no casualties" for c in statements)


def test_extract_first_half_is_a_period_not_an_earlier_telling(extractor, make_doc):
    from checker.kinds import EARLIER_WORDS, _earlier

    text = "The union said operating profit had dropped to EUR 31 million in the first half."
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure.time_frame == "first half"
    assert not _earlier(figure.time_frame, EARLIER_WORDS)
    assert _earlier("first", EARLIER_WORDS)  # "first reported 12 dead" is an earlier telling


@pytest.mark.parametrize("period", ["on its first night", "in its first week", "in the first decade"])
def test_extract_first_of_a_time_unit_or_part_of_day_is_a_period(period):
    from checker.kinds import EARLIER_WORDS, _earlier

    assert not _earlier(period, EARLIER_WORDS)


def test_extract_contrastive_not_denies_nothing(extractor, make_doc):
    text = "Hagen said passenger numbers were down, not up, at about 1.8 million."
    claims = [c for c in extractor.extract(make_doc(text)) if c.kind in ("statement", "numeric")]
    assert claims and all(c.stance == "asserted" for c in claims)
    negated = "Hagen said passenger numbers were not up this year."
    assert any(c.stance == "negated" for c in extractor.extract(make_doc(negated)) if c.kind == "statement")


def test_extract_many_figures_in_one_line_are_all_read(extractor, make_doc):
    # figures the parser leaves outside every clause share one reading of their clause, each bounded
    # by its neighbours (benchmarks/bench_speed.py times a line of 2,000)
    listed = ", ".join(f"{n} people" for n in range(101, 1301, 3))
    claims = extractor.extract(make_doc(f"Officials said {listed} were affected."))
    assert len([c for c in claims if c.kind == "numeric"]) >= 390


def test_extract_time_word_in_a_name_is_no_time(extractor, make_doc):
    text = "The nationalist Dravia First won 22 seats. First results came in at midnight."
    figures = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert [f.time_frame for f in figures] == [None]  # "Dravia First" is a party, not an earlier time


@pytest.mark.parametrize(
    ("text", "quote", "modality"),
    [
        ("The airline plans to cut 400 jobs.", "400 jobs", "planned"),
        ("The plant is scheduled to open in 2027 with 3,000 jobs.", "3,000 jobs", "planned"),
        # the plan is the government's, inside what the marchers marched against
        ("Tens of thousands of people marched on Saturday against the government's plan to raise the "
         "retirement age.", "Tens of thousands of people", "actual"),
    ],
)
def test_extract_plan_marker_on_the_clause_verb(extractor, make_doc, text, quote, modality):
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and c.text == quote]
    assert figure.modality == modality


def test_extract_change_from_a_year_earlier_is_a_figure_of_now(extractor, make_doc):
    text = ("Korva reported revenue of EUR 842 million for the quarter, up 6 percent from a year earlier. "
            "Operating profit rose to EUR 97 million from EUR 88 million.")
    figures = {c.quantity.low: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert not (figures[6].time_frame or "").startswith("earlier")  # the baseline is earlier, not the change
    assert figures[842e6].modality == "actual"  # profit rising from its own baseline supersedes no revenue figure
    assert (figures[88e6].time_frame or "").startswith("earlier")


def test_extract_figure_subject_stops_at_its_own_clause(extractor, make_doc):
    # the reporting verb is who told it, not what the figure measures
    text = ("Five of the libraries are to close, the council said. "
            "The death toll was 45, officials said.")
    figures = {c.quantity.low: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures[5].subject == "libraries close"
    assert figures[45].subject == "death toll"


def test_extract_figure_subject_leaves_out_what_describes_the_doer(extractor, make_doc):
    text = "Orlova, a former mayor of the port city of Santen, took 45.8 percent."
    (figure,) = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"]
    assert figure.subject == "take orlova"


def test_extract_figure_subject_leaves_out_who_told_it(extractor, make_doc):
    # the parser hangs the figure on "told" as its object
    text = "Officials told me more than a million cattle, goats and camels have died."
    figure = next(c for c in extractor.extract(make_doc(text)) if c.kind == "numeric")
    assert "tell" not in figure.subject and "officials" not in figure.subject.lower()


def test_extract_list_and_section_numbers_count_nothing(extractor, make_doc):
    text = ("Notes to editors\n1. The Cabinet report is published.\n\n## 2. Sampling\n\n"
            "**3. Risk.** A price this low leaves little margin.\n4) Five people died.\n12 people died.\n")
    figures = [c.text for c in extractor.extract(make_doc(text, "notes.md")) if c.kind == "numeric"]
    assert figures == ["Five people", "12 people"]


def test_extract_time_after_a_figure_is_not_what_it_counts(extractor, make_doc):
    text = ("Band D households will hand over an extra £118 next year. "
            "They met union representatives three times.")
    figures = {c.quantity.low: c for c in extractor.extract(make_doc(text)) if c.kind == "numeric"}
    assert figures[118].quantity.counted is None and figures[118].quantity.unit == "GBP"
    assert figures[3].quantity.counted == "times"  # the figure's own noun, though the verb's adverbial


def test_extract_content_of_a_universal_negative_asks_whether_any(extractor, make_doc):
    text = "Nobody was injured. None of the turbine assembly will happen in Veldemark."
    contents = [c.content for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    assert "someone was injured" in contents
    assert "some of the turbine assembly will happen in Veldemark" in contents


def test_extract_what_ought_to_be_is_no_fact(extractor, make_doc):
    text = "No member should lose their vote. The city must not borrow for a stadium. The council closed the library."
    modality = {c.predicate: c.modality for c in extractor.extract(make_doc(text)) if c.kind == "statement"}
    assert modality == {"lose": "opinion", "borrow": "opinion", "close": "actual"}


@pytest.mark.parametrize(
    ("text", "predicate"),
    [("The station re-opened on Monday.", "open"), ("The company co-founded the venture.", "found"),
     ("The turbines will be pre-assembled at the port of Skarvik.", "assemble"),
     ("The well-known singer arrived.", "arrive")],  # a hyphen after a word of its own still splits
)
def test_extract_word_with_a_bound_prefix_is_one_verb(extractor, make_doc, text, predicate):
    (clause, *_) = [c for c in extractor.extract(make_doc(text)) if c.kind == "statement"]
    assert clause.predicate == predicate


def test_extract_place_value_knows_whether_an_act_frames_it(extractor, make_doc):
    text = "The boat departed from Nouadhibou. The city lies against the north bank of the Euphrates."
    acts = {c.attribute.value: c.attribute.act for c in extractor.extract(make_doc(text)) if c.attribute}
    assert acts["Nouadhibou"] is True and acts["Euphrates"] is False


@pytest.mark.parametrize(("text", "figure", "holder"), [
    ("Portugal's 510 heat deaths were the highest in Europe.", "510", ("Portugal", "GPE")),  # a possessive
    ("The Civic Union took 36 seats and the Greens nine.", "36", ("Civic Union", "ORG")),  # the subject of taking
    # a participle's figure is its clause's subject's
    ("The Social Alliance topped the poll, winning 43 of the 120 seats.", "43", ("Social Alliance", "ORG")),
    ("Police counted 3,000 marchers in Victoria Square.", "3,000", None),  # who counted, not whose
    ("Spain recorded 210 heat deaths in July.", "210", None),
    ("The ministry said 41 people died.", "41", None),
])
def test_extract_whose_figure_it_is(extractor, make_doc, text, figure, holder):
    figures = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and figure in c.text]
    assert figures and all((c.holder, c.holder_label) == (holder or (None, None)) for c in figures)


@pytest.mark.parametrize(("text", "figure", "whole"), [
    ("The Social Alliance won 43 of the 120 seats.", "120", True),  # the whole of a share
    ("It fell short of a majority in the 120-seat chamber.", "120", True),  # the size of what it describes
    ("The Social Alliance won 43 of the 120 seats.", "43", False),
    ("The council has 120 seats.", "120", False),
])
def test_extract_a_figure_named_as_a_whole(extractor, make_doc, text, figure, whole):
    figures = [c for c in extractor.extract(make_doc(text)) if c.kind == "numeric" and c.text.startswith(figure)]
    assert figures and all(c.whole is whole for c in figures)
