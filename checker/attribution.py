"""Who says what: speakers of clauses, normalised across mentions, and the stance they take."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import checker.nlp  # noqa: F401  # first: spaCy is imported there without torch
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from checker.lexicon import StanceLexicon
from checker.models import Speaker

_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_GROUP = {"it", "they", "we", "i"}
_TITLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "head", "chief", "director", "official", "officials",
    "minister", "governor", "president", "colonel", "general", "mayor", "leader", "leaders", "member",
    "commander", "executive", "chairman", "chairwoman", "secretary", "ambassador", "doctor", "dr",
    "professor", "captain", "lieutenant", "sergeant", "major", "officer", "analyst", "economist",
}
_DETERMINERS = {"a", "an", "the", "its", "their", "his", "her", "our"}


@dataclass
class SpeakerBook:
    """Speakers met so far in one document, so later mentions resolve to the same one."""

    speakers: dict[str, Speaker] = field(default_factory=dict)
    last_person: Speaker | None = None
    last_group: Speaker | None = None

    def resolve(self, phrase: SpacySpan) -> Speaker | None:
        """Return the Speaker a subject `phrase` ("Selo", "SDF spokesman Talal Selo", "she") names."""
        text = phrase.text.strip()
        low = text.lower()
        if low in _PRONOUNS_PERSON:
            return self.last_person or self.last_group
        if low in _PRONOUNS_GROUP:
            return self.last_group or self.last_person
        known = self._known_surname(phrase)
        if known is not None:
            self.last_person = known
            return known
        # "Malawi's health ministry": a name in the possessive is not who speaks
        person = next((e for e in phrase.ents if e.label_ == "PERSON" and e.root.dep_ != "poss"), None)
        if person is None:
            person = _proper_name_without_entity(phrase)
        org = _organisation_of(phrase) or next(
            (e.text for e in phrase.ents if e.label_ in ("ORG", "NORP", "GPE") and e is not person), None)
        if person is not None:
            return self._person(person.text if hasattr(person, "text") else str(person), org)
        named_org = next((e for e in phrase.ents if e.label_ == "ORG" and e.start <= phrase.root.i < e.end), None)
        if named_org is not None:
            # "The Bank of Valdoria": an organisation speaks under its own name
            name = re.sub(r"^the\s+", "", named_org.text, flags=re.I)
            key = "org:" + name.lower()
            speaker = self.speakers.get(key) or Speaker(key=key, name=name, organisation=name)
            self.speakers[key] = speaker
            self.last_group = speaker
            return speaker
        return self._group(phrase, org)

    def note_main_subject(self, sentence: SpacySpan) -> None:
        """A person named as the subject of a sentence's main verb ("Holt rejected that", "Rask, 58,
        has been prime minister") is who a following "she said" most likely means, whether or not
        that verb reports speech."""
        for child in sentence.root.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or child.pos_ != "PROPN":
                continue
            name = sentence.doc[child.i:child.i + 1]
            known = self._known_surname(name) or (self.speakers.get(f"group:{child.lower_}") if not child.ent_type_ else None)
            person = next((e for e in sentence.doc.ents if e.start <= child.i < e.end and e.label_ == "PERSON"), None)
            if known is not None:
                self.last_person = known  # "Holt", named before (the tagger need not call it a person)
            elif person is not None and len(person) >= 2:
                self._person(person.text, _organisation_of(sentence.doc[child.left_edge.i:child.right_edge.i + 1]))

    def _known_surname(self, phrase: SpacySpan) -> Speaker | None:
        """A bare surname ("Dillon") of someone already named, whatever the tagger calls it."""
        words = [t.text for t in phrase if t.tag_ == "NNP"]
        if len(words) != 1 or len(phrase) > 2:
            return None
        return self.speakers.get(f"person:{words[0].lower()}")

    def _person(self, name: str, org: str | None) -> Speaker:
        name = re.sub(r"^(?:the\s+)?", "", name).strip(" ,")
        surname = name.split()[-1].lower()
        for speaker in self.speakers.values():
            if speaker.named and speaker.key.startswith("person:") and speaker.key.split(":", 1)[1] == surname:
                if len(name.split()) > len(speaker.name.split()) or (org and not speaker.organisation):
                    speaker = Speaker(key=speaker.key, name=name if len(name.split()) > len(speaker.name.split())
                                      else speaker.name, organisation=speaker.organisation or org)
                    self.speakers[speaker.key] = speaker
                self.last_person = speaker
                return speaker
        speaker = Speaker(key=f"person:{surname}", name=name, organisation=org)
        self.speakers[speaker.key] = speaker
        self.last_person = speaker
        return speaker

    def _group(self, phrase: SpacySpan, org: str | None) -> Speaker | None:
        of_whom = _members_of(phrase)
        if of_whom is not None and of_whom.root.pos_ == "PRON":
            return self.last_group  # "one of them said", after "two people at the club": those people
        if of_whom is not None:  # "at least two of the councillors": councillors speak
            phrase = of_whom
        words = [t for t in phrase if t.dep_ not in ("relcl", "acl", "prep") and not _inside_clause(t, phrase)]
        if phrase.root.lower_ in _TITLE_WORDS and org:
            # "a member of the Raqqa Civil Council": the title alone says too little
            of = next((c for c in phrase.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                words = words + [t for t in of.subtree if not t.is_punct]
        kept = [t for t in words if t.text.lower() not in _DETERMINERS and t.pos_ != "PUNCT"]
        if not kept:
            return None
        name = "".join(t.text_with_ws for t in kept).strip()
        key = "group:" + " ".join(t.lemma_.lower() for t in words if t.text.lower() not in _DETERMINERS and t.pos_ != "PUNCT")
        named = not (phrase[0].lower_ in ("a", "an", "another", "one") or phrase.root.lower_ in ("source", "sources"))
        speaker = self.speakers.get(key) or Speaker(key=key, name=name, organisation=org, named=named)
        self.speakers[key] = speaker
        self.last_group = speaker
        return speaker


# Words that count a share of a group ("several of the residents", "some were hurt").
QUANTIFIERS = frozenset({"few", "some", "none", "all", "most", "many", "several", "others", "both", "each"})


def _members_of(phrase: SpacySpan) -> SpacySpan | None:
    """The group a count or quantifier takes its members from ("two of the councillors", "several of
    the residents"), or None."""
    root = phrase.root
    if root.pos_ != "NUM" and root.lower_ not in QUANTIFIERS:
        return None
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return phrase.doc[pobj.left_edge.i:pobj.right_edge.i + 1]


def _organisation_of(phrase: SpacySpan) -> str | None:
    """ "Ryan Dillon, spokesman for the U.S.-led coalition backing the SDF": the coalition, not the SDF."""
    for token in phrase:
        if token.lower_ in _TITLE_WORDS:
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if pobj is not None:
                words = [t for t in pobj.doc[pobj.left_edge.i:pobj.i + 1] if t.dep_ != "det"]
                return "".join(t.text_with_ws for t in words).strip() or None
    return None


def _inside_clause(token: Token, phrase: SpacySpan) -> bool:
    """True for tokens inside a relative clause or prepositional phrase of the phrase's root."""
    t = token
    while t.i != phrase.root.i and phrase.start <= t.head.i < phrase.end and t.head.i != t.i:
        if t.dep_ in ("relcl", "acl", "prep", "appos"):
            return True
        t = t.head
    return False


def _proper_name_without_entity(phrase: SpacySpan) -> SpacySpan | None:
    """Find a person's name the tagger missed: a run of proper nouns that ends the phrase's root."""
    root = phrase.root
    if root.tag_ != "NNP" or root.lower_ in _TITLE_WORDS:
        return None
    start = root.i
    while start - 1 >= phrase.start and phrase.doc[start - 1].tag_ == "NNP" and phrase.doc[start - 1].lower_ not in _TITLE_WORDS:
        start -= 1
    candidate = phrase.doc[start:root.i + 1]
    if any(e.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC") for e in candidate.ents):
        return None
    # A lone capitalised word ("Bank" in "the Bank of Valdoria") is not enough to be a person's name.
    return candidate if 2 <= len(candidate) <= 3 else None


def subject_phrase(verb: Token) -> SpacySpan | None:
    """Return the subject subtree of `verb`, following "saying" back to its head's subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # The parser splits a hyphened title ("Vice-president for finance Robert Chen") into several
        # subjects: the one that names someone speaks, else the one nearest the verb.
        named = [c for c in subjects if c.ent_type_ in ("PERSON", "ORG")]
        child = (named or subjects)[-1]
        return child.doc[child.left_edge.i:child.right_edge.i + 1]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        return subject_phrase(verb.head)
    return None


def according_to(sentence: SpacySpan, publication_verbs: list[str]) -> tuple[SpacySpan, tuple[int, int]] | None:
    """Return (speaker phrase, frame token range) of "according to X" in `sentence`. Figures or a
    report "published by" someone speak for their publisher ("according to figures published by the
    trust": the trust); what was only "seen by" someone does not."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor(1).lower_ == "to":
            to = token.nbor(1)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            phrase = token.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
            end = phrase.end
            publisher = next((a for v in pobj.children if v.dep_ == "acl" and v.lemma_.lower() in publication_verbs
                              for a in v.children if a.dep_ == "agent"), None)
            by = next((c for c in publisher.children if c.dep_ == "pobj"), None) if publisher is not None else None
            speaker_phrase = token.doc[by.left_edge.i:by.right_edge.i + 1] if by is not None else phrase
            if end < sentence.end and token.doc[end].text == ",":
                end += 1
            start = token.i
            if start > sentence.start and token.doc[start - 1].text == ",":
                start -= 1
            return speaker_phrase, (start, end)
    return None


def is_speech_verb(token: Token, lex: StanceLexicon) -> bool:
    """An active verb of saying: "cases had been confirmed" is a statement, not an attribution."""
    return (token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.speech_verbs
            and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children))


def clause_stance(tokens: list[Token], head: Token, lex: StanceLexicon, skip: set[int]) -> str:
    """Return "negated", "hedged" or "asserted" for the clause of `tokens` headed by `head`."""
    for t in tokens:
        if t.i in skip:
            continue
        low = t.lower_
        if not _in_own_clause(t, head):
            continue  # "if nothing changes, rations will be halved": the negation is the condition's
        if t.dep_ == "neg" or low in ("not", "n't", "never"):
            contrast = t.head.i != head.i and t.i > 0 and t.nbor(-1).text == ","
            if contrast:
                continue  # "were down, not up": the "not" sets aside a rival reading, it denies nothing
            if t.head.i == head.i or (t.head.head.i == head.i and t.head.dep_ != "conj"):
                return "negated"  # "are held apart and were not affected": the second verb's negation is its own
        if low == "no" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ in ("more", "fewer", "less", "later", "longer", "sooner"):
            continue
        # "no", "none", "nobody": the negator is a word of the clause, not an adverb on its verb
        if low in lex.negators and low not in ("not", "n't", "never") and t.dep_ in (
                "det", "nsubj", "nsubjpass", "dobj", "attr", "neg") and not _in_noun_modifier(t):
            return "negated"
        if low == "few" and t.dep_ in ("amod", "det", "nsubj", "nsubjpass") and _negative_few(t):
            return "negated"  # "few fish can survive" says hardly any did; "a few may have remained" says some
    if head.lemma_.lower() in lex.negative_verbs and any(c.dep_ in _NEGATED_COMPLEMENTS for c in head.children):
        return "negated"  # "escaped a red card", "failed to stop"; "water escaped" and "the brakes failed" say it happened
    for t in tokens:
        if t.i in skip:
            continue
        if t.lower_ in lex.hedge_words and (t.dep_ in ("aux", "advmod") and _governs(head, t)):
            return "hedged"
    return "asserted"


# What a verb that means "not X" ("escape", "fail", "avoid") negates: its object or its clause.
_NEGATED_COMPLEMENTS = {"dobj", "xcomp", "ccomp", "pcomp"}


def _in_noun_modifier(t: Token) -> bool:
    """A negator inside what a noun is of or for ("a motion of no confidence", "a policy of no new
    taxes") names a kind of thing; it does not deny the clause."""
    noun = t.head if t.dep_ == "det" else t
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN")


def _negative_few(t: Token) -> bool:
    """ "few" without "a" before it is a negative quantifier of the subject."""
    subject = t if t.dep_ in ("nsubj", "nsubjpass") else t.head
    return subject.dep_ in ("nsubj", "nsubjpass") and (t.i == 0 or t.nbor(-1).lower_ != "a")


# Verbs heading a clause inside another: a condition, a relative clause, a reported or infinitive one.
_EMBEDDED_CLAUSE_DEPS = {"advcl", "relcl", "acl", "ccomp", "csubj", "xcomp", "parataxis", "pcomp"}


def reaches(token: Token, head: Token, steps: int, stop: Callable[[Token], bool] = lambda t: False) -> bool:
    """Whether `head` is `token` or one of its first `steps` ancestors, with no word on the way up
    (from `token` itself, `head` excluded) that `stop` accepts."""
    t = token
    for _ in range(steps):
        if t.i == head.i:
            return True
        if stop(t) or t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_own_clause(token: Token, head: Token) -> bool:
    """Whether `token` belongs to the clause `head` heads, not to a clause embedded in it."""
    return reaches(token, head, 12, lambda t: t.dep_ in _EMBEDDED_CLAUSE_DEPS and t.pos_ in ("VERB", "AUX"))


def _governs(head: Token, token: Token) -> bool:
    return reaches(token, head, 4)
