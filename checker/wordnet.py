"""What kind of thing a noun names, from WordNet: the lexicographer files ("supersenses") its senses
fall in. "18 fire engines" (artifacts) and "46 people" (people) count different kinds of thing,
so they are not rival figures; "1,200 children" and "4,500 people" may be. And whether two verbs
may tell one act: "set off from Kayar" and "departed from Nouadhibou" share a sense.

WordNet 3.0 comes from Debian's wordnet-base package, which the set-up fetches. `claimcheck prepare`
reads its index and data files and noun.exc (the formats of wndb(5WN)) once into a small table kept
in this Python environment; a check reads the table in a few milliseconds."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import NamedTuple

WORDNET_VERSION = "3.0"
# The prepared table's layout; a new one is written when it changes.
TABLE_FORMAT = 6
# Lexicographer file numbers (lexnames(5WN)): a group of people and a person are one kind here, so
# "the wounded" (a group) and "23 civilians" (persons) may count the same people.
_NOUN_GROUP, _NOUN_PERSON = 14, 18
_NOUN_LOCATION = 15


def noun_kinds_file() -> Path:
    """Where `claimcheck prepare` writes the table, inside this Python environment."""
    return Path(sys.prefix) / "share" / "claimcheck" / f"noun-kinds-wordnet-{WORDNET_VERSION}-{TABLE_FORMAT}.tsv"


def wordnet_folder() -> Path | None:
    """WordNet's database files: $CLAIMCHECK_WORDNET, the environment's share/wordnet (where the
    set-up unpacks Debian's package) or the system's /usr/share/wordnet, whichever holds them."""
    candidates = [os.environ.get("CLAIMCHECK_WORDNET"), str(Path(sys.prefix) / "share" / "wordnet"), "/usr/share/wordnet"]
    for folder in filter(None, candidates):
        if (Path(folder) / "index.noun").is_file() and (Path(folder) / "data.noun").is_file():
            return Path(folder)
    return None


def _lexicographer_files(data_file: Path) -> dict[str, int]:
    """Each synset's offset in a data file to its lexicographer file number."""
    file_of: dict[str, int] = {}
    with open(data_file, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if not line.startswith(" "):  # the licence header is indented
                offset, lex_file = line.split(" ", 2)[:2]
                file_of[offset] = int(lex_file)
    return file_of


def read_noun_kinds(folder: Path) -> tuple[dict[str, frozenset[int]], dict[str, tuple[str, ...]]]:
    """Noun lemmas to the lexicographer files of their senses, and irregular plurals to their lemmas."""
    file_of = _lexicographer_files(folder / "data.noun")
    kinds: dict[str, frozenset[int]] = {}
    with open(folder / "index.noun", encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split()
            synsets = int(fields[2])
            kinds[fields[0]] = frozenset(file_of[o] for o in fields[-synsets:] if o in file_of)
    irregular: dict[str, tuple[str, ...]] = {}
    exceptions = folder / "noun.exc"
    if exceptions.is_file():
        for line in exceptions.read_text(encoding="utf-8", errors="replace").splitlines():
            inflected, *lemmas = line.split()
            irregular[inflected] = tuple(lemmas)
    return kinds, irregular


def read_place_names(folder: Path) -> dict[str, tuple[str, ...]]:
    """The other names of each place in WordNet's noun.location file ("britain" -> ("britain",
    "united kingdom", "uk", ...)), and of the places names pertain to, from the pertainym
    pointers (`\\`): "danish" -> ("denmark", "kingdom of denmark", ...), "american" -> ("america",
    "united states", ...). Lower case, spaces for underscores. A nationality and its country are one
    origin however unlike their spellings, and a country is one under each of its names."""
    places: dict[str, list[str]] = {}
    with open(folder / "data.noun", encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            if int(fields[1]) == _NOUN_LOCATION:
                places[fields[0]] = _synset_words(fields)
    names: dict[str, list[str]] = {}
    for words in places.values():
        for word in words:
            known = names.setdefault(word, [word])
            known += [other for other in words if other not in known]
    adjective_file = folder / "data.adj"
    if not adjective_file.is_file():
        return {word: tuple(known) for word, known in names.items()}
    with open(adjective_file, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            words = _synset_words(fields)
            at = 4 + 2 * len(words)
            for n in range(int(fields[at])):
                symbol, offset, pos, source_target = fields[at + 1 + 4 * n: at + 5 + 4 * n]
                if symbol != "\\" or pos != "n" or offset not in places:
                    continue
                source = int(source_target[:2], 16)
                target = int(source_target[2:], 16)
                for word in (words[source - 1:source] if source else words):
                    # the word pointed at first, then its synonyms ("American": America, then United States)
                    named = places[offset][target - 1:target] if target else []
                    known = names.setdefault(word, [])
                    known += [noun for noun in dict.fromkeys(named + places[offset]) if noun not in known]
    return {word: tuple(nouns) for word, nouns in names.items()}


# A verb's commonest senses, where WordNet lists them first: the rarer ones join unlike verbs.
_VERB_SENSES = 3
# Steps up the hypernym tree that still name the same act ("depart" is a kind of "leave").
_VERB_STEPS = 2


def read_verb_senses(folder: Path) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """For each verb lemma ("set_off" as "set off"), its commonest senses, and those senses with
    their hypernyms two steps up and their verb groups (synset offsets). Empty without the verb files."""
    if not (folder / "index.verb").is_file() or not (folder / "data.verb").is_file():
        return {}
    links: dict[str, tuple[list[str], list[str]]] = {}
    with open(folder / "data.verb", encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            at = 4 + 2 * int(fields[3], 16)
            up, group = [], []
            for n in range(int(fields[at])):
                symbol, offset, pos = fields[at + 1 + 4 * n: at + 4 + 4 * n]
                if pos == "v" and symbol == "@":
                    up.append(offset)
                elif pos == "v" and symbol == "$":
                    group.append(offset)
            links[fields[0]] = (up, group)
    verbs: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    with open(folder / "index.verb", encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split()
            senses = fields[-int(fields[2]):][:_VERB_SENSES]
            near = set(senses)
            for sense in senses:
                near.update(links.get(sense, ([], []))[1])
                frontier = [sense]
                for _ in range(_VERB_STEPS):
                    frontier = [o for f in frontier for o in links.get(f, ([], []))[0]]
                    near.update(frontier)
            verbs[fields[0].replace("_", " ")] = (frozenset(senses), frozenset(near))
    return verbs


def read_verb_files(folder: Path) -> dict[str, int]:
    """For each verb lemma ("set off"), the lexicographer file of its commonest sense (lexnames(5WN):
    32 verb.communication for "report", 40 verb.possession for "have"). Empty without the verb files."""
    if not (folder / "index.verb").is_file() or not (folder / "data.verb").is_file():
        return {}
    file_of = _lexicographer_files(folder / "data.verb")
    files: dict[str, int] = {}
    with open(folder / "index.verb", encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            fields = line.split()
            first = fields[-int(fields[2])]
            if first in file_of:
                files[fields[0].replace("_", " ")] = file_of[first]
    return files


def _synset_words(fields: list[str]) -> list[str]:
    """The words of a synset line of a data file, lower case ("Denmark", "South_Korean(a)" -> "south korean")."""
    count = int(fields[3], 16)
    words = fields[4:4 + 2 * count:2]
    return [w.split("(")[0].replace("_", " ").lower() for w in words]


def write_noun_kinds(target: Path, folder: Path) -> Path:
    """Write the table as `lemma<TAB>14,18` lines, `=inflected<TAB>lemma,lemma` lines,
    `@word<TAB>place,place` lines (`read_place_names`), `~verb<TAB>senses;near` lines
    (`read_verb_senses`) and `^verb<TAB>32` lines (`read_verb_files`), atomically."""
    kinds, irregular = read_noun_kinds(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    rows = [f"{lemma}\t{','.join(map(str, sorted(files)))}\n" for lemma, files in sorted(kinds.items())]
    rows += [f"={word}\t{','.join(lemmas)}\n" for word, lemmas in sorted(irregular.items())]
    rows += [f"@{word}\t{','.join(nouns)}\n" for word, nouns in sorted(read_place_names(folder).items())]
    rows += [f"~{verb}\t{','.join(sorted(senses))};{','.join(sorted(near))}\n"
             for verb, (senses, near) in sorted(read_verb_senses(folder).items())]
    rows += [f"^{verb}\t{lex_file}\n" for verb, lex_file in sorted(read_verb_files(folder).items())]
    tmp.write_text("".join(rows), encoding="utf-8")
    os.replace(tmp, target)
    return target


class NounTable(NamedTuple):
    """What the prepared table holds, each part as its reader gives it."""

    kinds: dict[str, frozenset[int]]  # read_noun_kinds
    irregular: dict[str, tuple[str, ...]]
    place_names: dict[str, tuple[str, ...]]  # read_place_names
    verb_senses: dict[str, tuple[frozenset[str], frozenset[str]]]  # read_verb_senses
    verb_files: dict[str, int]  # read_verb_files


@functools.lru_cache(maxsize=1)
def _table() -> NounTable:
    """The prepared table, else WordNet read directly (also when the table is damaged: `claimcheck
    prepare --force` writes it again), else empty (every noun then of unknown kind)."""
    try:
        text = noun_kinds_file().read_text(encoding="utf-8")
        kinds: dict[str, frozenset[int]] = {}
        irregular: dict[str, tuple[str, ...]] = {}
        names: dict[str, tuple[str, ...]] = {}
        verbs: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        verb_files: dict[str, int] = {}
        for line in text.splitlines():
            key, _, value = line.partition("\t")
            if key.startswith("="):
                irregular[key[1:]] = tuple(value.split(","))
            elif key.startswith("@"):
                names[key[1:]] = tuple(value.split(","))
            elif key.startswith("~"):
                senses, _, near = value.partition(";")
                verbs[key[1:]] = (frozenset(senses.split(",")), frozenset(near.split(",")))
            elif key.startswith("^"):
                verb_files[key[1:]] = int(value)
            else:
                kinds[key] = frozenset(int(v) for v in value.split(",") if v)
        return NounTable(kinds, irregular, names, verbs, verb_files)
    except (OSError, UnicodeDecodeError, ValueError):
        folder = wordnet_folder()
        if folder is None:
            return NounTable({}, {}, {}, {}, {})
        return NounTable(*read_noun_kinds(folder), read_place_names(folder), read_verb_senses(folder),
                         read_verb_files(folder))


def place_names(word: str) -> tuple[str, ...]:
    """The names of the place a word names or pertains to ("Danish" -> ("denmark", ...)); empty if none."""
    return _table().place_names.get(word.lower().strip(), ())


def _verb_senses(phrase: str) -> tuple[frozenset[str], frozenset[str]]:
    """The senses of a verb phrase's verb ("set off"), and of its first word ("set") as well."""
    verbs = _table().verb_senses
    words = phrase.lower().split()
    found = [verbs[w] for w in (" ".join(words[:2]), words[0] if words else "") if w in verbs]
    return (frozenset().union(*(senses for senses, _ in found)), frozenset().union(*(near for _, near in found)))


def verbs_related(a: str, b: str) -> bool:
    """Whether two verbs may tell one act: one, or a sense of one is a sense of the other, one of
    its kinds two steps up, or in its verb group ("set off" and "depart"; "touch down" and "set down")."""
    if a == b:
        return True
    senses_a, near_a = _verb_senses(a)
    senses_b, near_b = _verb_senses(b)
    return bool(near_a & senses_b or near_b & senses_a)


# Lexicographer files of verbs that tell, think or perceive (lexnames(5WN)): "Police counted 3,000"
# and "Spain recorded 210 deaths" say who counted, not whose the figure is.
_TELLING_VERB_FILES = frozenset({31, 32, 39})


def tells_or_perceives(verb: str) -> bool:
    """Whether a verb's commonest sense is one of thinking, telling or perceiving ("count", "report", "see")."""
    return _table().verb_files.get(verb.lower()) in _TELLING_VERB_FILES


# Regular noun endings and what they stand for (morphy(7WN)).
_SUFFIXES = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"),
             ("s", ""))


@functools.lru_cache(maxsize=8192)
def noun_kinds(word: str) -> frozenset[int]:
    """The lexicographer files of every sense of `word` and of the lemmas it may inflect (empty if
    WordNet does not know it). A person and a group of people count as one kind."""
    kinds, irregular = _table().kinds, _table().irregular
    w = word.lower().replace(" ", "_")
    lemmas = {w, *irregular.get(w, ())}
    lemmas |= {w[: -len(end)] + base for end, base in _SUFFIXES if w.endswith(end) and len(w) > len(end) + 1}
    files = frozenset().union(*(kinds.get(lemma, frozenset()) for lemma in lemmas))
    return frozenset(_NOUN_PERSON if f == _NOUN_GROUP else f for f in files)


# WordNet's lexicographer files for acts and events ("a stoppage", "the blast"), lexnames(5WN).
_ACT_OR_EVENT = frozenset({4, 11})


def names_an_event(word: str, only: bool = False) -> bool:
    """Whether some sense of a noun is an act or an event ("walkout", "explosion", "recount"); with
    `only`, and none is a person or a group ("minister" has a sense of the minister's work)."""
    kinds = noun_kinds(word)
    return bool(kinds & _ACT_OR_EVENT) and not (only and _NOUN_PERSON in kinds)


def different_kinds(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns name things of different kinds: both known to WordNet, and no sense
    of one shares a lexicographer file with a sense of the other ("fire engines" against "people")."""
    if not a or not b:
        return False
    ka, kb = noun_kinds(_head_word(a)), noun_kinds(_head_word(b))
    return bool(ka and kb and not ka & kb)


def _head_word(counted: str) -> str:
    """The noun a counted phrase ends in ("oil spill response vessels" -> "vessels")."""
    return counted.split()[-1]
