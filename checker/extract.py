"""Read a Document into Claims: figures, dates and statements, each with speaker and stance."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace

import checker.nlp  # noqa: F401  # first: spaCy is imported there without torch
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from checker.attribution import (QUANTIFIERS, SpeakerBook, according_to, clause_stance, is_speech_verb, reaches,
                                 subject_phrase)
from checker.dates import (PERIOD_NOUNS, Dateline, FoundDate, date_months, find_dateline, find_dates, find_times,
                           names_day_of_speaking, resolve_weekday)
from checker.lexicon import Lexicon, StanceLexicon
from checker.attributes import AttributeSlot, attribute_slots, disowned_side, own_modality
from checker.ingest import markdown_table_cells
from checker.models import Attribute, Claim, DateValue, Document, Quantity, Speaker
from checker.quantities import FoundQuantity, find_quantities, find_zero_figures
from checker.segment import passages
from checker.wordnet import names_an_event, tells_or_perceives

_CLAUSE_DEPS = {"ccomp", "conj", "advcl", "parataxis", "relcl", "acl"}
_FRAME_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "aux", "auxpass", "neg", "prep", "npadvmod", "advmod",
               "punct", "prt", "agent", "cc", "mark", "attr", "oprd"}
_TIME_WORDS = re.compile(
    r"\b(?:before|after|since|until|prior to|ahead of|ago|earlier|previous|previously|last|initially|"
    rf"at first|first(?:\s+{PERIOD_NOUNS})?|originally|later|now|currently|still|during)\b",
    re.I,
)
_DENOMINATOR_BEFORE = re.compile(r"\b(?:out\s+of|of\s+(?:the|its|their|all))\s*$", re.I)
# "the 120-seat chamber", "a 27-mile route": a figure joined to a noun describes the size of what follows.
_SIZE_OF_NOUN = re.compile(r"-[a-z]+\b", re.I)
_NEGATOR_IN_FIGURE = re.compile(r"\b(?:not|never)\b|n't\b", re.I)
_INFORMATION_VERBS = {"report", "put", "estimate", "confirm", "announce", "record", "register", "cite"}
_SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
_BACKGROUND_MARKS = {"after", "before", "when", "until", "since", "once", "as", "if", "unless", "because", "so"}
# "That figure" points back to a figure; "the number of people waiting" names its own.
_FIGURE_ANAPHOR = re.compile(r"\b(?:that|this|the)\s+(?:figure|number)\b(?!\s+of\b)", re.I)
_INCLUSIVE = re.compile(r"\b(?:including|included|includes|include|among them|of whom|of which)\b\s*(?:both\s+)?(?P<set>[^.;,\n]*)", re.I)
_ADDITIVE = re.compile(r"(?:^\s*[\w\s-]{0,30}?\band\s+(?=[\d$€£])|\b(?:plus(?:\s+a\s+further)?|along with|in addition to|"
                       r"on top of|as well as|together with|a further|and another|besides)\b\s*)(?P<set>[^.;]*)", re.I)
# "8,500 homes in Glenmoor alone", "1,100 jobs directly at the airport", "the crossing alone carried":
# the figure covers a narrower set than it could; "across all routes", "in total": the widest.
_RESTRICTIVE = re.compile(r"\b(?:alone|only|solely|directly|excluding|excludes?|excluded|not counting|not including|except)\b", re.I)
_TOTAL = re.compile(r"\b(?:across all|in all|in total|altogether|all told|overall|combined|all (?:of )?(?:its|the|our))\b", re.I)
_BASELINE = re.compile(r"\b(?:up|down)\s+from\b|\bcompared\s+with\b|\bfrom\s+(?=[\d$€£])"
                       r"|\b(?:from|than|on|over)\s+(?:a|the)\s+(?:year|month|week|quarter)\s+(?:earlier|before|ago)\b"
                       r"|\b(?:from|than|on|over)\s+the\s+(?:previous|prior|same)\s+(?:year|month|week|quarter|period)\b", re.I)
# "including six children", "six of them children", "two ... were among the dead": a part of a figure.
_SUBSET_BEFORE = re.compile(r"\b(?:including|included|includes|include|among them|of whom|of which|among)\s+"
                            r"(?:some\s+|at least\s+|about\s+)?$", re.I)
# "a further 310,000", "another 410,000": a figure counted on top of another, not inside it.
_ADDED_BEFORE = re.compile(r"\b(?:a further|another|an additional|an extra)\s+(?:some\s+|about\s+)?$", re.I)
_SUBSET_AFTER = re.compile(r"\s+(?:of\s+(?:them|whom|which|the\s+\w+)\b|(?:\w+\s+){0,3}(?:were|was)\s+among\b)", re.I)
# A figure counting a change, not a total: "300 extra troops", "160 fewer seats".
_INCREMENT_WORDS = {"extra", "additional", "further", "more", "new", "another", "fewer", "less"}
_EARLIER_FIGURE = re.compile(r"\b(?:down|up)\s+from\s*$|\bfrom\s*$|\bcompared\s+with\s*$|\bagainst\s*$", re.I)


@dataclass
class _Clause:
    head: Token
    tokens: list[Token]
    start: int  # char offsets in the passage doc
    end: int
    speaker: Speaker | None
    stance: str
    denier: Speaker | None = None
    extra: dict[str, object] = field(default_factory=dict)
    # Every token of the clause, also those cut off from its span by an attribution in between.
    whole: list[Token] = field(default_factory=list)
    # The whole sentence, kept only to credit a figure no clause holds to the sentence's speaker.
    figures_only: bool = False
    _ids: set[int] | None = field(default=None, repr=False)

    def tokens_within(self, start: int, end: int) -> list[Token]:
        """The clause's tokens that start within [start, end) (passage offsets), found without
        reading the whole clause: a clause may hold thousands of tokens and as many dates."""
        if self._ids is None:
            self._ids = {t.i for t in self.tokens}
        span = self.head.doc.char_span(start, end, alignment_mode="expand")
        return [t for t in span or () if t.i in self._ids and start <= t.idx < end]


@dataclass
class _Frame:
    verb: Token
    speaker: Speaker | None
    tokens: set[int]
    denial: bool
    hedge: bool
    # "Troops killed 12 militants, an army spokesman said": the frame hangs below what it frames.
    frames_head: int | None = None
    # Who speaks ("two people familiar with the talks"): a figure there describes the source.
    speaker_tokens: frozenset[int] = frozenset()


class ClaimExtractor:
    """Extract claims from documents with a spaCy pipeline and the lexicon in `rules/lexicon`."""

    # A warm process keeps parsed passages by text: a re-read of an edited draft parses only the
    # passages that changed (a parse depends on its passage alone; speakers are carried across
    # passages after parsing). Off for one-shot checks, where it would only hold memory.
    PARSE_CACHE_PASSAGES = 4096

    def __init__(self, nlp: Language, lexicon: Lexicon, keep_parses: bool = False) -> None:
        self.nlp = nlp
        self.lex = lexicon
        self._parsed: dict[str, SpacyDoc] | None = {} if keep_parses else None

    def keeping_parses(self) -> "ClaimExtractor":
        """The same extractor, keeping parsed passages between documents and calls."""
        return ClaimExtractor(self.nlp, self.lex, keep_parses=True)

    def _parse(self, texts: list[str]) -> list[SpacyDoc]:
        if self._parsed is None:
            return list(self.nlp.pipe(texts))
        missing = list(dict.fromkeys(t for t in texts if t not in self._parsed))
        if len(self._parsed) + len(missing) > self.PARSE_CACHE_PASSAGES:
            self._parsed.clear()
        self._parsed.update(zip(missing, self.nlp.pipe(missing)))
        return [self._parsed[t] for t in texts]

    def extract(self, doc: Document) -> list[Claim]:
        """Return every claim in `doc`, in text order."""
        text = doc.analysis_text
        dateline = find_dateline(text)
        text = _blank(text, dateline.prefixes)
        spans = passages(text)
        book = SpeakerBook()
        claims: list[Claim] = []
        last_figure: Claim | None = None
        for (p_start, _), parsed in zip(spans, self._parse([text[s:e] for s, e in spans])):
            found = self._passage_claims(doc, parsed, p_start, book, dateline)
            for claim in found:
                if (claim.kind == "statement" and last_figure is not None
                        and _FIGURE_ANAPHOR.search(text[claim.sentence_start:claim.end])):
                    claim = _link_figure_anaphor(claim, last_figure)
                elif claim.kind == "statement" and claim.scope_relation and claim.quantity is None:
                    claim = _link_named_figure(claim, found)
                if claim.kind == "numeric":
                    last_figure = claim
                claims.append(claim)
        if doc.markdown:
            claims = sorted(claims + self._table_claims(doc, dateline), key=lambda c: (c.start, c.end))
        issuer = statement_issuer(text)
        if issuer is not None:
            # A press release or statement says in its own voice what its issuer says: the issuer is
            # named as its speaker, though it remains the document's voice (no speaker key) to compare.
            claims = [c if c.speaker is not None or c.headline else c.model_copy(update={"speaker": issuer})
                      for c in claims]
        return _number_by_kind(_superseded_by_updates(_dedupe(claims)))

    def _table_claims(self, doc: Document, dateline: Dateline) -> list[Claim]:
        """The figures in a Markdown table's cells, each said of its row and column ("| Social
        Democrats | 24% |" under "Polling average"), at the time the column names ("2022 result")."""
        claims = []
        for cell in markdown_table_cells(doc.text):
            said_of = f"{cell.row} {cell.column}".strip()
            dates = find_dates(cell.column, dateline)
            line_start = doc.text.rfind("\n", 0, cell.start) + 1
            line_end = doc.text.find("\n", cell.end)
            cell_text = doc.text[cell.start:cell.end]
            skip = [(d.start, d.end) for d in find_dates(cell_text, dateline)] + find_times(cell_text)
            for fig in find_quantities(cell_text, self.lex.quantities, skip):
                start, end = cell.start + fig.start, cell.start + fig.end
                claims.append(self._claim(
                    kind="numeric", start=start, end=end, doc=doc, speaker=None, stance="asserted",
                    quantity=fig.quantity, content=said_of, subject=said_of, table_row=cell.row,
                    measure=self.lex.measures.measure_of(said_of, 0, fig.quantity.unit),
                    time_frame=_time_frame(cell.column), when=dates[0].value if dates else None,
                    sentence_start=line_start, sentence_end=line_end if line_end >= 0 else len(doc.text)))
        return claims

    # -- passages and sentences -------------------------------------------------------------

    def _passage_claims(self, doc: Document, parsed: SpacyDoc, base: int, book: SpeakerBook,
                        dateline: Dateline) -> list[Claim]:
        sentences = list(parsed.sents)
        clauses_by_sentence = [self._clauses(s, book) for s in sentences]
        _carry_quote_speakers(parsed, sentences, clauses_by_sentence)
        claims: list[Claim] = []
        previous: SpacySpan | None = None
        for sentence, clauses in zip(sentences, clauses_by_sentence):
            claims += self._sentence_claims(doc, sentence, clauses, base, dateline, previous)
            previous = sentence
        return claims

    def _frames(self, sentence: SpacySpan, book: SpeakerBook) -> list[_Frame]:
        frames: list[_Frame] = []
        for token in sentence:
            if not is_speech_verb(token, self.lex.stance):
                continue
            content = ([c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
                       or _denied_objects(token, self.lex) or _reported_objects(token, self.lex)
                       or _stray_complements(token))
            subj = _trailing_speaker(sentence, token) or subject_phrase(token) or _stranded_speaker(sentence, token)
            # "The dam held, officials told reporters": a speech verb after what it tells. One that a
            # speech verb reports ("residents said they had warned officials") is what was said.
            trailing = (not content and token.dep_ in ("ccomp", "parataxis", "conj") and token.head.i < token.i
                        and not (token.dep_ == "ccomp" and is_speech_verb(token.head, self.lex.stance)))
            if subj is None or (not content and token.dep_ not in ("ROOT", "advcl") and not trailing):
                continue
            if subj.root.lower_ in self.lex.stance.negators or subj.text.lower() in self.lex.stance.negators:
                continue  # "nobody said anything for ten seconds" tells what no one said; no one is its source
            if len(subj) == 1 and subj.root.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                # "Meranda Petroleum, which said ...": the relative pronoun stands for the noun it hangs on
                subj = sentence.doc[token.head.left_edge.i:token.head.i + 1]
            subj = _statement_author(subj)
            speaker = book.resolve(subj)
            content_ids = {t.i for c in content for t in c.subtree}
            tokens = {token.i} | {t.i for t in subj}
            for child in token.children:
                if child.dep_ in _FRAME_DEPS and child.i not in content_ids:
                    tokens |= {t.i for t in child.subtree if t.i not in content_ids}
            denial = token.lemma_.lower() in self.lex.stance.denial_verbs
            inverted = None
            if not content and token.dep_ in ("ccomp", "parataxis", "conj", "advcl") and token.head.i < token.i:
                inverted = token.head.i
            frames.append(_Frame(token, speaker, tokens, denial, False, inverted, frozenset(t.i for t in subj)))
        for token in sentence:
            if token.lemma_.lower() in self.lex.stance.hedge_verbs and token.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in token.children):
                subj = subject_phrase(token)
                tokens = {token.i} | ({t.i for t in subj} if subj is not None else set())
                tokens |= {c.i for c in token.children if c.dep_ in ("mark", "aux", "punct")}
                frames.append(_Frame(token, None, tokens, False, True))
        return frames

    def _clauses(self, sentence: SpacySpan, book: SpeakerBook) -> list[_Clause]:
        frames = self._frames(sentence, book)
        frame_tokens = set().union(*(f.tokens for f in frames)) if frames else set()
        by_verb = {f.verb.i: f for f in frames}
        acc = according_to(sentence, self.lex.attributes.publication_verbs)
        acc_speaker = book.resolve(acc[0]) if acc else None
        if acc:
            frame_tokens |= set(range(*acc[1]))
        heads = _clause_heads(sentence, frame_tokens, by_verb)
        clauses: list[_Clause] = []
        speakers = set().union(*(f.speaker_tokens for f in frames))
        if acc:
            speakers |= set(range(*acc[1]))
        sentence_tokens = [t for t in sentence if not t.is_space and t.i not in speakers]
        if sentence_tokens:
            frame = next((f for f in frames if f.speaker is not None), None)
            speaker = frame.speaker if frame is not None else acc_speaker
            clauses.append(_Clause(sentence.root, sentence_tokens, sentence.start_char, sentence.end_char, speaker,
                                   "asserted", whole=sentence_tokens, figures_only=True))
        head_ids = {h.i for h in heads}
        for head in heads:
            whole = [t for t in _own_subtree(head, head_ids) if t.i not in frame_tokens and not t.is_space]
            tokens = _trim_tokens(whole, head, frame_tokens)
            if not tokens:
                continue
            frame, hedge = _governing_frame(head, by_verb)
            speaker = frame.speaker if frame is not None else None
            if speaker is None and acc_speaker is not None:
                speaker = acc_speaker
            stance = clause_stance(tokens, head, self.lex.stance, set())
            extra: dict[str, object] = {}
            if frame is not None and frame.denial:
                stance = "denied"
                extra = _denial_parts(frame.verb, tokens, book)
            elif hedge and stance == "asserted":
                stance = "hedged"
            denier = frame.speaker if frame is not None and frame.denial else None
            clauses.append(_Clause(head, tokens, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text),
                                   speaker, stance, denier=denier, extra=extra, whole=whole))
        for frame in frames:
            act = _act_of_speaker(frame)
            if act:
                # "the UN has declared famine in two districts": what the speaker did is a claim too
                clauses.append(_Clause(frame.verb, act, act[0].idx, act[-1].idx + len(act[-1].text), frame.speaker,
                                       clause_stance(act, frame.verb, self.lex.stance, set()),
                                       extra={"statement_only": True}, whole=act))
        book.note_main_subject(sentence)
        return clauses

    # -- claims -----------------------------------------------------------------------------

    def _sentence_claims(self, doc: Document, sentence: SpacySpan, clauses: list[_Clause], base: int,
                         dateline: Dateline, previous: SpacySpan | None) -> list[Claim]:
        s_text = sentence.text
        s0 = sentence.start_char
        if _QUESTION.match(s_text.strip()):
            return []  # a question asserts nothing
        times = find_times(s_text)
        dates = find_dates(s_text, dateline)
        date_spans = [(d.start, d.end) for d in dates] + times
        figures = [f for f in find_quantities(s_text, self.lex.quantities, date_spans)
                   if not _is_label(sentence, s0 + f.start, s0 + f.end)
                   and not _is_ordinal(sentence, s0 + f.start, s0 + f.end)
                   and not _is_list_number(sentence.doc.text, s0 + f.start, s0 + f.end)]
        figures = sorted(figures + find_zero_figures(s_text, self.lex.quantities, self.lex.measures,
                                                     date_spans + [(f.start, f.end) for f in figures]),
                         key=lambda f: f.start)
        claims: list[Claim] = []
        claimed: set[int] = set()
        stamps = _stamps(doc, sentence, dates, base)
        whole_sentence = [c for c in clauses if c.figures_only]
        clauses = [c for c in clauses if not c.figures_only]
        for clause in clauses:
            if _is_boilerplate(clause, self.lex):
                claimed |= {f.start for f in figures if clause.start - s0 <= f.start < clause.end - s0}
                continue
            c0, c1 = clause.start - s0, clause.end - s0
            content = _content_text(clause, self.lex)
            common = self._common(doc, clause, base, s0, sentence, content, previous)
            named = next((d for d in dates if c0 <= d.start and d.end <= c1), None)
            if named is not None:
                common.update(_when(named, dateline, common["modality"] == "planned"))
            if _is_predication(clause.head) and sum(1 for t in clause.tokens if not t.is_punct) >= 3:
                claims += self._statements(doc, clause, base, common)
            if clause.extra.get("statement_only"):
                continue  # its figures, dates and values are read in the clause of its object
            in_clause = [f for f in figures if f.start < c1 and c0 < f.end and f.start >= c0 - 12]
            claimed |= {f.start for f in in_clause}
            breaks = _attribution_starts(clause, self.lex) if in_clause else []
            embedded = _embedded_clauses(clause)
            background = _background_clauses(clause)
            for i, fig in enumerate(in_clause):
                own = _embedded_clause_of(embedded, s0 + fig.start)
                fig_common = (_presupposed(common, background, s0 + fig.start) if own is None else
                              dict(common, **_embedded_clause_reading(own), stance=_embedded_stance(own, common)))
                within = None if own is None else (own.left_edge.idx, own.right_edge.idx + len(own.right_edge.text))
                claims.append(self._numeric(doc, sentence, clause, fig, in_clause, i, base, fig_common, within, breaks))
            for found in dates:
                if c0 <= found.start and found.end <= c1 and found.start not in stamps:
                    claims.append(self._date(doc, clause, found, base, s0, dateline,
                                             _presupposed(common, background, s0 + found.start)))
            # "slowed decline by 37%, according to results ..., and published in The Lancet": values
            # cut off from the clause's span by the attribution still belong to it
            claims += self._attributes(doc, clause.whole or clause.tokens, base, common, embedded, background)
            if clause.stance in ("denied", "negated"):
                speaker = clause.speaker
                who = f"{speaker.name} {speaker.organisation or ''}" if speaker else ""
                slot = disowned_side(clause.head, who, self.lex.attributes)
                if slot is not None:
                    claims.append(self._attribute_claim(doc, slot, base, common))
        # A figure in who speaks ("two people familiar with the talks said") is not a claim.
        open_chars = {i - s0 for c in whole_sentence for t in c.tokens for i in range(t.idx, t.idx + len(t.text))}
        stray = [f for f in figures if f.start not in claimed and f.start in open_chars]
        if stray:
            claims += self._stray_figures(doc, sentence, clauses or whole_sentence, stray, base, previous)
        return claims

    def _stray_figures(self, doc: Document, sentence: SpacySpan, clauses: list[_Clause],
                       stray: list[FoundQuantity], base: int, previous: SpacySpan | None) -> list[Claim]:
        """A figure the clauses miss is still a claim: when the parser hangs it on the attribution
        ("said in a statement that ..., worth more than $4 million") or makes it the verb's object
        ("said 88 percent of members ... backed strikes"), it is credited to the nearest clause in its
        sentence, or to the sentence's speaker when there is no clause."""
        if not clauses:
            return []
        s0 = sentence.start_char
        by_host: dict[int, list[FoundQuantity]] = {}
        for fig in stray:
            host = min(range(len(clauses)),
                       key=lambda k: max(clauses[k].start - s0 - fig.end, fig.start - (clauses[k].end - s0), 0))
            by_host.setdefault(host, []).append(fig)
        claims: list[Claim] = []
        for host, figs in by_host.items():
            # One clause for all the figures a clause hosts, each bounded by its neighbours as figures in
            # a clause are: a line listing thousands of figures is read once, not once per figure.
            figs.sort(key=lambda f: f.start)
            clause = replace(clauses[host], start=min(clauses[host].start, s0 + figs[0].start),
                             end=max(clauses[host].end, s0 + max(f.end for f in figs)))
            common = self._common(doc, clause, base, s0, sentence, _content_text(clause, self.lex), previous)
            claims += [self._numeric(doc, sentence, clause, fig, figs, n, base, common) for n, fig in enumerate(figs)]
        return claims

    def _attributes(self, doc: Document, tokens: list[Token], base: int, common: dict[str, object],
                    embedded: list[Token], background: list[Token]) -> list[Claim]:
        claims = []
        for slot in attribute_slots(tokens, self.lex.attributes):
            own = _embedded_clause_of(embedded, slot.start)
            slot_common = (_presupposed(common, background, slot.start) if own is None else
                           dict(common, stance=_embedded_stance(own, common), predicate=own.lemma_.lower()))
            claims.append(self._attribute_claim(doc, slot, base, slot_common))
        return claims

    def _attribute_claim(self, doc: Document, slot: AttributeSlot, base: int, common: dict[str, object]) -> Claim:
        value = Attribute(cls=slot.cls, value=slot.value, frame=slot.frame, anchor=slot.anchor, act=slot.act)
        fields = dict(common, content=f"{slot.anchor} {slot.frame}".strip(), subject=slot.anchor)
        if slot.modality is not None:
            fields["modality"] = slot.modality
        return self._claim(kind="statement", start=base + slot.start, end=base + slot.end, doc=doc,
                           attribute=value, **fields)

    def _common(self, doc: Document, clause: _Clause, base: int, s0: int, sentence: SpacySpan, content: str,
                previous: SpacySpan | None) -> dict[str, object]:
        speaker = clause.speaker
        subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        shared = subj is None and clause.head.dep_ == "conj" and clause.head.head.pos_ in ("VERB", "AUX")
        if shared:  # "the material was contained and did not enter the river": the first verb's subject is the second's
            subj = next((c for c in clause.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "expl":  # "There were no casualties": what there is
            subj = next((c for c in clause.head.children if c.dep_ in ("attr", "dobj")), subj)
        subject = doc.analysis_text[base + subj.left_edge.idx: base + subj.right_edge.idx + len(subj.right_edge.text)] if subj is not None else ""
        if shared and subject:
            content = f"{subject} {content}"
        if subj is not None and subj.lower_ in _SPEAKER_PRONOUNS and speaker is not None and clause.head.i > subj.i:
            subject = speaker.name  # "the company said it would cut jobs": "it" is the company
        elif subj is not None and subj.lower_ in QUANTIFIERS and not any(c.dep_ == "prep" for c in subj.children):
            antecedent = _quantified_antecedent(previous, sentence, subj)
            if antecedent:
                subject = f"{subject} {antecedent}"
        modality = _modality(clause, self.lex)
        return {
            "speaker": speaker,
            "stance": clause.stance,
            "content": content,
            "subject": subject.strip(),
            "predicate": _predicate(clause.head, self.lex.stance.planned_markers),
            "sentence_start": base + sentence.start_char,
            "sentence_end": base + sentence.end_char,
            "modality": modality,
            "updated": _marked_update(clause, self.lex),
            "time_frame": _time_frame("".join(t.text_with_ws for t in clause.tokens)) or _when_antecedent(clause.head),
        }

    def _claim(self, *, kind: str, start: int, end: int, doc: Document, speaker: Speaker | None,
               **fields: object) -> Claim:
        text = doc.text[start:end]
        fields.setdefault("quoted", _in_quotation(doc.text, int(fields.get("sentence_start", start)), start))  # type: ignore[call-overload]
        fields.setdefault("headline", start < _headline_end(doc.analysis_text))
        suffix = "attribute" if fields.get("attribute") is not None else kind
        return Claim(id=f"{doc.path}:{start}-{end}:{suffix}", document=doc.path, start=start, end=end, text=text,
                     kind=kind, speaker=speaker.name if speaker else None,
                     speaker_key=speaker.key if speaker else None,
                     organisation=speaker.organisation if speaker else None, **fields)

    def _statements(self, doc: Document, clause: _Clause, base: int, common: dict[str, object]) -> list[Claim]:
        """One claim per clause; a denial gives two: the denial, and the denied claim credited to its maker."""
        if clause.stance != "denied" or "denial_span" not in clause.extra:
            coverage = _coverage(clause)
            if coverage is not None:
                common = dict(common, scope_relation=coverage[0], scope_set=coverage[1])
            return [self._claim(kind="statement", start=base + clause.start, end=base + clause.end, doc=doc, **common)]
        d0, d1 = clause.extra["denial_span"]  # type: ignore[misc]
        denial = self._claim(kind="statement", start=base + d0, end=base + d1, doc=doc, **common)
        asserter = clause.extra.get("asserter")
        if asserter is None or d1 > clause.start:
            return [denial]
        fields = dict(common, speaker=asserter, stance="reported")
        # NOTE: the denial spans the denying words; the denied claim spans what was denied.
        denied = self._claim(kind="statement", start=base + clause.start, end=base + clause.end, doc=doc, **fields)
        return [denial.model_copy(update={"denies": denied.id}), denied]

    def _numeric(self, doc: Document, sentence: SpacySpan, clause: _Clause, fig: FoundQuantity,
                 siblings: list[FoundQuantity], index: int, base: int, common: dict[str, object],
                 within: tuple[int, int] | None = None, breaks: list[int] | None = None) -> Claim:
        """A figure's claim; `within`, the characters of the clause of its own it stands in, if any,
        which hold the words that time it ("who arrived in July 2023 on a two-year deal, was told on
        Monday": July 2023, not Monday); `breaks`, where attributions set inside the clause start
        (`_attribution_starts`), past which nothing bounds the figure."""
        s0 = sentence.start_char
        text = _doc_text(sentence.doc)[s0:sentence.end_char]
        counted, counted_end = _counted_thing(sentence, s0 + fig.start, s0 + fig.end)
        end = max(s0 + fig.end, counted_end) if counted else s0 + fig.end
        qty = fig.quantity.model_copy(update={"counted": counted})
        if fig.score:
            qty = qty.model_copy(update={"unit": "score", "counted": fig.score})
        window_start = siblings[index - 1].end if index > 0 else clause.start - s0
        window_end = siblings[index + 1].start if index + 1 < len(siblings) else clause.end - s0
        if within is not None:
            window_start, window_end = max(window_start, within[0] - s0), min(window_end, within[1] - s0)
        local = text[window_start:window_end]
        # "61.2 percent, up from the previous election": what follows "up from" is the baseline.
        baseline = _BASELINE.search(local, max(0, fig.end - window_start))
        if baseline:
            local = local[:baseline.start()]
        fields = dict(common)
        before = text[max(0, fig.start - 20):fig.start]
        earlier = _EARLIER_FIGURE.search(before)
        if earlier:
            # "96,000 visits last year, down from 130,000 in 2019": the earlier figure's time follows its marker
            local = text[max(window_start, max(0, fig.start - 20) + earlier.start()):window_end]
        frame = _time_frame(local) or _when_antecedent(clause.head)
        if earlier:
            frame = "earlier" + (f" {frame}" if frame else "")
        fields["time_frame"] = frame
        later = bisect.bisect_left(breaks or [], s0 + fig.end)
        scope_end = breaks[later] if breaks and later < len(breaks) else clause.end
        scope = _scope(text[fig.end:scope_end - s0],
                       text[max(clause.start - s0, fig.start - 30):fig.start])
        before_fig = text[max(0, fig.start - 25):fig.start]
        subset_before = bool(_SUBSET_BEFORE.search(before_fig))
        # "5 percent of the national vote" is a share of a whole, not part of another figure
        share = qty.unit == "percent"
        if subset_before or (_SUBSET_AFTER.match(text[fig.end:fig.end + 25]) and not share):
            fields["modality"] = "part"
            if not scope and subset_before:
                scope = ("inclusive", counted or "", 0)  # "a figure that includes 310,000 citizens abroad"
        elif counted and counted.split()[0].lower() in _INCREMENT_WORDS:
            fields["modality"] = "part"  # "300 extra troops": an addition, not a total
        elif not scope and _ADDED_BEFORE.search(before_fig):
            scope = ("additive", counted or "", 0)
        if scope:
            fields["scope_relation"], fields["scope_set"] = scope[:2]
            # The bounds are part of what the source claims: "EUR 2.4 billion, including the export cable".
            end = max(end, s0 + fig.end + scope[2])
        fields["subject"] = _measure(sentence, s0 + fig.start, s0 + fig.end, counted, self.lex.stance)
        holder = _figure_holder(sentence, s0 + fig.start, s0 + fig.end)
        if holder is not None:
            fields["holder"], fields["holder_label"] = holder
        fields["whole"] = bool(_DENOMINATOR_BEFORE.search(before_fig) or _SIZE_OF_NOUN.match(text, fig.end))
        if _DENOMINATOR_BEFORE.search(before_fig):
            # "Eleven were treated for injuries, out of 38 people on board": the whole is measured by its own words
            fields["measure"] = self.lex.measures.measure_of(local[fig.start - window_start:], 0, qty.unit)
        else:
            fields["measure"] = self.lex.measures.measure_of(local, fig.start - window_start, qty.unit)
        fields["updated"] = bool(common["updated"]) and _figure_updated(local, fig.start - window_start, self.lex)
        if fields["stance"] == "negated" and (qty.high == 0 or _NEGATOR_IN_FIGURE.search(qty.text)):
            # "nobody was injured" asserts a count of zero, "does not exceed 30,000" a bound: the "not" is the figure's
            fields["stance"] = "asserted"
        return self._claim(kind="numeric", start=base + s0 + fig.start, end=base + end, doc=doc, quantity=qty, **fields)

    def _date(self, doc: Document, clause: _Clause, found: FoundDate, base: int, s0: int, dateline: Dateline,
              common: dict[str, object]) -> Claim:
        fields = dict(common)
        verb = _date_verb(clause, s0 + found.start, s0 + found.end)
        own = own_modality(verb) if verb is not None else None
        if own is not None:
            fields["modality"] = own  # "the satellite, launched on Monday, will ...": launched is past
        value = resolve_weekday(found.value, dateline, fields["modality"] == "planned")
        if fields["modality"] == "actual" and _after_filing(value, dateline):
            fields["modality"] = "planned"  # "opens its doors in spring 2026", told in 2025: what is to come
        start, end = base + s0 + found.start, base + s0 + found.end
        if names_day_of_speaking(found.value.text) and _in_quotation(doc.text, base + s0, start):
            # "Tonight we put a spacecraft on the Moon": the night the words were spoken, which a
            # quotation's dateline need not be
            value = DateValue(text=value.text, part_of_day=value.part_of_day, time_of_day=value.time_of_day)
        prefix = doc.analysis_text[max(0, start - 4):start]
        if prefix.lower()[-3:] == "on " and (len(prefix) < 4 or not prefix[0].isalnum()):
            start -= 3  # "on Monday", not the end of "the Moon tonight"
        event, event_head = _event_of(clause, s0 + found.start, s0 + found.end)
        if event_head:
            fields["predicate"] = event_head
        if event:
            fields["content"] = event
            # "its original Sunday date" marks that date, not every date in the clause, as superseded.
            revised = any(m in event.lower() for m in self.lex.stance.revised_markers)
            if revised or fields["modality"] == "revised":
                fields["modality"] = "revised" if revised else "actual"
        return self._claim(kind="date", start=start, end=end, doc=doc, date=value, **fields)


# -- helpers --------------------------------------------------------------------------------

# A first line that stands alone and ends without a sentence's punctuation, or a Markdown heading.
_HEADLINE = re.compile(r"\A\s*(?:#{1,6}\s+[^\n]*|[^\n]*[^\s.!?:;\"”’'])[ \t]*\n[ \t]*\n")


_HEADLINE_SEARCH = 2000  # characters

# A question: after a transcript's "NAME:" label (capitals) or a name called by, it opens with a wh-word or
# an auxiliary ("How many homes are affected?", "QUESTION (Nordic Broadcasting): Has any money come
# in?"), and ends with a question mark. "...many of you have asked: what was approved?" is a statement.
_QUESTION = re.compile(
    r"^(?:(?-i:[A-Z][A-Z .'’-]*)(?:\s*\([^)\n]*\))?:\s*)?(?:(?:and|but|so|well|(?-i:[A-Z][a-z]+)),\s+|(?:and|but|so)\s+)?"
    r"(?:who|whom|what|when|where|why|how|which|whose|is|are|was|were|do|does|did|has|have|had|can|could|"
    r"will|would|should|shall|may|might|must)\b[^\n]*\?[\"”’']?$", re.I | re.S)


# A line that begins a list item: "- Phase 1: 2027" says when something happens, however terse.
_LIST_ITEM = re.compile(r"\s*(?:[-*+\u2022]|\d{1,2}[.)])\s")


def _stamps(doc: Document, sentence: SpacySpan, dates: list[FoundDate], base: int) -> set[int]:
    """Where (in the sentence) the dates start that stand on a line of their own that no finite verb
    tells of: a dateline, a byline or a live update's timestamp ("Issued: Saturday 7 June 2025,
    09:00", "## 19:40 - Amendments", "THE HARBOUR GAZETTE | Sunday 11 May 2025"). They date the text,
    not an event in it. A headline, a list item, a sentence and a line that a wrapped sentence runs
    on from are not such lines. Each line is read once, however many dates it holds."""
    text, s0 = _doc_text(sentence.doc), sentence.start_char
    by_line: dict[int, list[FoundDate]] = {}
    for found in dates:
        by_line.setdefault(text.rfind("\n", 0, s0 + found.start) + 1, []).append(found)
    stamps: set[int] = set()
    for line_start, on_line in by_line.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].rstrip()
        if not line or line[-1] in ".!?,;" or _LIST_ITEM.match(line) or text[line_end + 1:line_end + 2].islower():
            continue  # a sentence, a list item, or a line a wrapped sentence runs on from
        if base + line_start < _headline_end(doc.analysis_text):
            continue
        inside = {i for f in on_line for i in range(s0 + f.start, s0 + f.end)}
        words = [t for t in sentence.doc.char_span(line_start, line_end, alignment_mode="expand") or ()
                 if t.idx not in inside]
        if not any("Fin" in t.morph.get("VerbForm") for t in words):
            stamps |= {f.start for f in on_line}
    return stamps


def _in_quotation(text: str, sentence_start: int, at: int) -> bool:
    """Whether `at` stands inside a direct quotation opened earlier in its sentence."""
    before = text[sentence_start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


@functools.lru_cache(maxsize=8)  # claims come document by document; a few documents' texts at most
def _headline_end(text: str) -> int:
    """Where the document's headline ends (0 when it has none). Only the opening is searched, so a
    long run of blanks (front matter blanked out) costs little."""
    m = _HEADLINE.match(text[:_HEADLINE_SEARCH])
    return len(m.group(0).rstrip()) if m else 0


def _blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Blank out `spans` of `text` (dateline prefixes), keeping every offset in place."""
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _is_predication(head: Token) -> bool:
    """A clause that says something: a verb, or a noun the parser hung a verb on ("the march set off")."""
    return head.pos_ in ("VERB", "AUX", "ADJ") or head.dep_ == "dobj" or (
        head.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in head.children))


def _trailing_speaker(sentence: SpacySpan, verb: Token) -> SpacySpan | None:
    """ "X has won the right to build the farm, the country's Maritime Energy Agency said": a finite
    speech verb the parser left without a subject, after a noun phrase that follows a comma. The
    phrase speaks; the subject of the clause the verb was hung on does not."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    words = _before_speech_verb(sentence, verb)
    if words is None or not 0 < len(words) <= 8 or any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in words) \
            or words[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    return words


def _stranded_speaker(sentence: SpacySpan, verb: Token) -> SpacySpan | None:
    """ "..., Omar Alloush of the Raqqa Civil Council had said": a name the parser hung elsewhere,
    standing between the last comma and the speech verb."""
    if verb.dep_ != "ROOT":
        return None
    words = _before_speech_verb(sentence, verb)
    people = [e for e in sentence.ents if e.label_ == "PERSON" and words is not None
              and words.start <= e.start and e.end <= words.end]
    return sentence.doc[people[-1].start:words.end] if people and words is not None else None


def _before_speech_verb(sentence: SpacySpan, verb: Token) -> SpacySpan | None:
    """The words between the last comma before a speech verb and the verb, less its auxiliaries
    ("had" in "..., Omar Alloush had said"); None when no comma comes before it."""
    comma = max((t.i for t in sentence if t.i < verb.i and t.text == ","), default=None)
    if comma is None:
        return None
    end = verb.i
    while end > comma + 1 and sentence.doc[end - 1].dep_ in ("aux", "auxpass", "neg"):
        end -= 1
    return sentence.doc[comma + 1:end]


def _statement_author(subj: SpacySpan) -> SpacySpan:
    """ "a statement by the SDF" names the SDF, not the statement."""
    if subj.root.lemma_.lower() in ("statement", "report", "communique", "release", "spokesman", "spokeswoman"):
        for child in subj.root.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "for"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and subj.root.lemma_.lower() in ("statement", "report", "communique", "release"):
                    return subj.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
    return subj


def _denied_objects(verb: Token, lex: Lexicon) -> list[Token]:
    """The clause a denial is aimed at: "denied (an earlier comment by X) that CLAUSE"."""
    if verb.lemma_.lower() not in lex.stance.denial_verbs:
        return []
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            found += [c for c in child.subtree if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX")][:1]
    return found


def _act_of_speaker(frame: _Frame) -> list[Token]:
    """A speech verb with a noun for its object and no clause ("declared famine", "confirmed the
    closure"), or a directive to someone ("told people to keep their windows shut"): the
    speaker's act is a claim too, read from its subject to its object. The frame stays, so figures
    under it keep their speaker."""
    verb = frame.verb
    if verb.dep_ != "ROOT" or frame.denial or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    inner = {t.i for c in verb.subtree if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    tokens = [t for t in verb.subtree if t.i not in inner and not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _reported_objects(verb: Token, lex: Lexicon) -> list[Token]:
    """ "Selo said 275 militants left": the parser makes the figure an object with a clause on it."""
    if verb.lemma_.lower() in lex.stance.denial_verbs:
        return []
    # "officials reported a turnout of 68 percent": with no clause, the object is what is reported.
    informs = verb.lemma_.lower() in _INFORMATION_VERBS
    return [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and (informs or any(
        g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" for g in c.children))]


def _stray_complements(verb: Token) -> list[Token]:
    """ "told analysts on a call that the company had no plans": the parser hangs the "that" clause
    on the nearest noun as a relative clause; a "that" which is not the clause's subject or object
    marks what was said."""
    found: list[Token] = []
    for t in verb.subtree:
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX") and t.i > verb.i and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            found.append(t)
    return found[:1]


def _clause_heads(sentence: SpacySpan, frame_tokens: set[int], frames: dict[int, _Frame]) -> list[Token]:
    heads: list[Token] = []
    for token in sentence:
        if token.i in frame_tokens or token.i in frames:
            continue
        if token.dep_ == "ROOT":
            heads.append(token)
        elif token.head.i in frames and token.dep_ in ("ccomp", "xcomp", "acl", "relcl", "dobj"):
            heads.append(token)
        elif token.dep_ in ("ccomp", "conj", "advcl", "parataxis") and token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children):
            if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in token.children):
                continue  # "after the convoy left": background to the claim, not a claim
            heads.append(token)
        elif token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "neg" for c in (*token.children, *token.head.children)) and any(
                c.dep_ == "cc" and token.head.i < c.i < token.i for c in token.head.children):
            # "was contained on site and did not enter the river", "should not prepare food and should
            # stay off work": the half with a negation of its own and the half without are two claims
            heads.append(token)
        elif token.dep_ in ("acl", "relcl") and (token.head.i in frame_tokens or any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_PRONOUNS for c in token.children)) \
                and token.pos_ in ("VERB", "AUX"):
            heads.append(token)
    return heads


def _own_subtree(head: Token, head_ids: set[int]) -> list[Token]:
    out: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.i not in head_ids)
    return sorted(out, key=lambda t: t.i)


def _trim_tokens(tokens: list[Token], head: Token, frame: set[int]) -> list[Token]:
    """Keep a clause one stretch of text: the run around its head, bridged over embedded
    clauses but not over attribution ("“A,” he said, “B”")."""
    runs: list[list[Token]] = []
    for t in tokens:
        gap = range(runs[-1][-1].i + 1, t.i) if runs else range(0)
        if runs and (len(gap) <= 3 or not any(i in frame for i in gap)):
            runs[-1].append(t)
        else:
            runs.append([t])
    tokens = next((r for r in runs if head in r), runs[0] if runs else [])
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("mark", "cc") or tokens[0].lower_ in ("that", "but", "and", "however")):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def _governing_frame(head: Token, frames: dict[int, _Frame]) -> tuple[_Frame | None, bool]:
    """Walk up from a clause head to the speech verb that frames it; note belief verbs passed.
    A clause cut off from the verb by a semicolon is not its content."""
    t = head
    hedge = False
    for _ in range(8):
        parent = t.head
        if parent.i == t.i:
            break
        frame = frames.get(parent.i)
        if frame is not None and t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            break  # "Corvell disputes much of this, and I have included its responses": a clause beside the frame
        if frame is not None and frame.hedge:
            hedge = True
        elif frame is not None:
            lo, hi = sorted((head.i, parent.i))
            if any(tok.text == ";" for tok in head.doc[lo:hi]):
                return None, hedge
            return frame, hedge
        t = parent
    trailing = next((f for f in frames.values() if f.frames_head == head.i), None)
    return trailing, hedge


def _denial_parts(verb: Token, content: list[Token], book: SpeakerBook) -> dict[str, object]:
    """Where the denial itself is written, and who made the denied claim ("a comment by X")."""
    content_ids = {t.i for t in content}
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        first, last = min(content, key=lambda t: t.i), max(content, key=lambda t: t.i)
        # the denied words may stand before the verb ("..., police denied")
        return {"denial_span": (min(verb.idx, first.idx), max(verb.idx + len(verb.text), last.idx + len(last.text)))}
    kept = [t for t in obj.subtree if t.i not in content_ids and not (t.dep_ == "mark" and t.lower_ == "that")]
    kept = [t for t in kept if t.i < min(content_ids, default=10**9)] or kept
    while len(kept) > 1 and (kept[-1].lower_ in ("that", "which", ",") or kept[-1].is_punct):
        kept = kept[:-1]
    end_tok = max(kept, key=lambda t: t.i)
    parts: dict[str, object] = {"denial_span": (verb.idx, end_tok.idx + len(end_tok.text))}
    by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
    pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if pobj is not None:
        parts["asserter"] = book.resolve(pobj.doc[pobj.left_edge.i:pobj.right_edge.i + 1])
    return parts


def _carry_quote_speakers(parsed: SpacyDoc, sentences: list[SpacySpan], clauses: list[list[_Clause]]) -> None:
    """Give sentences inside a multi-sentence quotation the speaker named where it closes or opens,
    and a quotation that opens the sentence after an attributed one ("A," said X. "B.") that speaker."""
    text = parsed.text
    regions = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    last: tuple[int, Speaker] | None = None  # the last sentence of the previous quotation, and its speaker
    for q0, q1 in regions:
        inside = [i for i, s in enumerate(sentences) if s.start_char < q1 and q0 < s.end_char]
        speaker = next((c.speaker for i in inside for c in clauses[i] if c.speaker is not None), None)
        if speaker is None and last is not None and inside and inside[0] == last[0] + 1 \
                and not text[sentences[inside[0]].start_char:q0].strip():
            speaker = last[1]
        last = (inside[-1], speaker) if inside and speaker is not None else None
        if speaker is None:
            continue
        for i in inside:
            for clause in clauses[i]:
                if clause.speaker is None:
                    clause.speaker = speaker


def _is_boilerplate(clause: _Clause, lex: Lexicon) -> bool:
    text = " ".join(t.lower_ for t in clause.tokens)
    return any(p in text for p in lex.stance.no_comment_phrases)


def _attribution_starts(clause: _Clause, lex: Lexicon) -> list[int]:
    """Where attributions set inside the clause's words start ("two crew members, he said, among
    them eight foreigners"), in order: what follows one bounds no figure before it."""
    if not clause.tokens:
        return []
    own = {t.i for t in clause.tokens}
    doc = clause.head.doc
    return [t.idx for t in doc[clause.tokens[0].i:clause.tokens[-1].i + 1]
            if t.i not in own and (is_speech_verb(t, lex.stance) or is_speech_verb(t.head, lex.stance))]


def _embedded_clauses(clause: _Clause) -> list[Token]:
    """The clauses of their own inside a larger clause, innermost first: a relative clause whose
    subject is the relative pronoun ("the demonstration, which was attended by around 2,500 people")
    or a participle with no subject of its own ("hit a crowded market, killing 23 civilians")."""
    found = []
    for token in clause.tokens:
        if token.i == clause.head.i:
            continue
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "relcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVE_PRONOUNS for c in token.children):
            found.append(token)
        elif token.pos_ == "VERB" and token.dep_ in ("advcl", "acl") and token.tag_ in ("VBG", "VBN") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
            found.append(token)
    return sorted(found, key=lambda t: t.right_edge.i - t.left_edge.i)


def _embedded_clause_of(embedded: list[Token], at: int) -> Token | None:
    """The innermost of `embedded` (`_embedded_clauses`) whose words hold the character at `at`."""
    return next((v for v in embedded
                 if v.left_edge.idx <= at < v.right_edge.idx + len(v.right_edge.text)), None)


# Marks of an adverbial clause that the sentence takes as given, whatever it says of its main verb
# ("had not heard from the boat since it set off from Kayar": it set off from Kayar); "if",
# "unless" and "until" clauses are not told as having happened.
_PRESUPPOSING_MARKS = _BACKGROUND_MARKS - {"if", "unless", "until", "so"}


def _background_clauses(clause: _Clause) -> list[Token]:
    """The adverbial clauses inside `clause` that its sentence presupposes, innermost first."""
    found = [t for t in clause.tokens if t.i != clause.head.i and t.dep_ == "advcl"
             and any(c.dep_ == "mark" and c.lower_ in _PRESUPPOSING_MARKS for c in t.children)]
    return sorted(found, key=lambda t: t.right_edge.i - t.left_edge.i)


def _presupposed(common: dict[str, object], background: list[Token], at: int) -> dict[str, object]:
    """`common`, with the stance of the presupposed clause that holds the character at `at`, if any."""
    own = _embedded_clause_of(background, at)
    return common if own is None else dict(common, stance=_embedded_stance(own, common))


def _embedded_stance(verb: Token, common: dict[str, object]) -> object:
    """A clause of its own is presupposed, not denied, by its sentence's negation ("the number of
    persons who have entered Dastan does not exceed 30,000": they entered); its own "not" negates it."""
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    return "asserted" if common["stance"] == "negated" else common["stance"]


def _embedded_clause_reading(verb: Token) -> dict[str, object]:
    """What a figure in such a clause is said of: the noun the clause hangs on, or the subject of the
    verb it hangs on (what did the killing), and its own verb."""
    words = [t for t in verb.subtree if not t.is_punct and t.lower_ not in _RELATIVE_PRONOUNS]
    if verb.dep_ == "advcl":
        doer = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        named = list(doer.subtree) if doer is not None else []
    else:
        named = [t for t in verb.head.subtree if t.i <= verb.head.i]
    subject = " ".join(t.text for t in named if not t.is_punct)
    return {"content": f"{subject} {' '.join(t.text for t in words)}", "subject": subject,
            "predicate": verb.lemma_.lower()}


# A document that says it is a statement or a release ("PRESS RELEASE", "Statement from Harbourside
# Police", "Official statement", "News release") in its first lines.
_ISSUED = re.compile(r"\b(?:press|news|media)\s+(?:release|statement)\b|\bstatement\b|\bfor immediate (?:release|use)\b", re.I)
_ISSUED_BY = re.compile(r"\b(?i:statement\s+(?:from|by|of)\s+(?:the\s+)?)(?P<name>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*)")
_HEADER_LINES = 4


def statement_issuer(text: str) -> str | None:
    """Who issued a press release or statement, from its header: the line in capitals above the
    word "statement" or "release" ("NORDFROST COLD STORAGE LTD"), or the name beside it or on the next
    line ("Press release | Havfrisk Energi | 13 November 2025", "Statement from Harbourside Police",
    "CALDER VALE DAIRIES - STATEMENT ON THE RIVER WEND"); None for a story. A header line is short
    and is no sentence: a lead that mentions "a statement" marks nothing."""
    lines = [ln.strip(" #*_\t") for ln in text.strip().splitlines() if ln.strip(" #*_\t-")][:_HEADER_LINES]
    if not lines or lines[0] == "---":
        return None  # front matter: its fields say who wrote it, if anyone
    marked = [i for i, ln in enumerate(lines) if _ISSUED.search(ln) and _is_header_line(ln)]
    if not marked:
        return None
    at = marked[0]
    by = _ISSUED_BY.search(lines[at])
    if by:
        return by.group("name").rstrip(".,")
    beside = _named_part(lines[at], capitals=not re.search(r"[|,]", lines[at]))
    if beside:
        return beside  # "CALDER VALE DAIRIES - STATEMENT ON ...", "Press release | Havfrisk Energi | 13 November 2025"
    above = lines[at - 1] if at > 0 else ""
    if above[:1].isupper() and _is_header_line(above) and not re.search(r"\d", above):
        return _name_case(above)  # "NORDFROST COLD STORAGE LTD" above "Statement on the incident ..."
    if at + 1 < len(lines) and "|" in lines[at + 1]:
        return _named_part(lines[at + 1], capitals=False)  # "# Statement on ..." above "National Teachers' Union | 13 August"
    return None


def _named_part(line: str, capitals: bool) -> str | None:
    """The part of a header line that names someone: not the word "statement", not a date or place
    line; with `capitals`, only a part in capitals."""
    for part in re.split(r"\s*(?:\||,|\s[-–—]\s)\s*", line):
        if part and not _ISSUED.search(part) and not re.search(r"\d", part) and part[:1].isupper() \
                and _is_header_line(part) and (part.isupper() or not capitals):
            return _name_case(part)
    return None


def _is_header_line(line: str) -> bool:
    return len(line.split()) <= 12 and not line.rstrip().endswith((".", ":", "?", "!"))


_LOWER_IN_NAMES = frozenset({"of", "and", "the", "for", "on", "in", "at", "to"})


def _name_case(name: str) -> str:
    """ "MINISTRY OF INDUSTRY" as "Ministry of Industry"; a name in mixed case as written."""
    if not name.isupper():
        return name
    words = name.split()
    return " ".join(w if w.startswith("(") else w.lower() if n and w.lower() in _LOWER_IN_NAMES else w.capitalize()
                    for n, w in enumerate(words))


def _content_text(clause: _Clause, lex: Lexicon) -> str:
    """The clause with negation, hedges and background clauses removed, for comparing what is claimed."""
    background = {d.i for t in clause.tokens if t.dep_ == "advcl" and t.i != clause.head.i and any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in t.children) for d in t.subtree}
    words = []
    for t in clause.tokens:
        if t.i in background:
            continue
        low = t.lower_
        if low in ("not", "n't", "never") or (t.dep_ == "neg"):
            continue
        if low in lex.stance.hedge_words and t.dep_ in ("aux", "advmod"):
            continue
        if low in ("no", "none") and t.dep_ == "det":
            continue
        if low in ("nobody", "none", "nothing", "no-one") and t.dep_ in ("nsubj", "nsubjpass"):
            # "nobody was injured" is about whether anyone was injured; "none of the money" about some of it
            words.append("some" if any(c.lower_ == "of" for c in t.children) else "someone")
            continue
        words.append(t.text)
    return " ".join(words)


def _modality(clause: _Clause, lex: Lexicon) -> str:
    """Is the clause a fact, a plan or forecast, a superseded figure, or an opinion?"""
    text = " " + " ".join(t.lower_ for t in clause.tokens) + " "
    head = clause.head
    if any(f" {m} " in text for m in lex.stance.revised_markers):
        return "revised"
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if (aux & {"will", "would", "'ll", "shall"} or head.lemma_.lower() in lex.stance.planned_verbs
            or _marks_the_clause(clause, lex.stance.planned_markers)):
        return "planned"
    if head.lemma_.lower() in lex.stance.opinion_verbs or aux & {"should", "must", "ought"}:
        return "opinion"  # "no member should lose their vote": what ought to be, not what was
    return "actual"


def _marks_the_clause(clause: _Clause, markers: list[str]) -> bool:
    """Whether one of `markers` ("plans to", "scheduled for") stands on the clause's own verb, not
    inside a noun phrase of it ("marched against the government's plan to raise the age": they
    marched; the plan is the government's)."""
    words = [t.lower_ for t in clause.tokens]
    for marker in markers:
        parts = marker.split()
        for n in range(len(words) - len(parts) + 1):
            if words[n:n + len(parts)] == parts and _on_the_verb(clause.tokens[n], clause.head):
                return True
    return False


def _on_the_verb(token: Token, head: Token) -> bool:
    return reaches(token, head, 8, lambda t: t.dep_ in ("pobj", "prep", "poss")
                   or (t.pos_ in ("NOUN", "PROPN") and t.i != token.i))


def _marked_update(clause: _Clause, lex: Lexicon) -> bool:
    """ "the figure was later raised to 24": the text itself marks a newer figure."""
    text = " " + " ".join(t.lower_ for t in clause.tokens) + " "
    return any(f" {m} " in text for m in lex.stance.update_markers)


def _figure_updated(local: str, at: int, lex: Lexicon) -> bool:
    """Which figure an update marker marks: "expanded to 70,000" marks the figure right after it,
    not the 62,000 before it; "later" marks any figure near it."""
    low = " " + local.lower() + " "
    for marker in lex.stance.update_markers:
        for m in re.finditer(rf"(?<=\W){re.escape(marker)}(?=\W)", low):
            if not marker.endswith(" to") or (m.end() <= at + 1 and not low[m.end():at + 1].strip()):
                return True
    return False


def _when_antecedent(head: Token) -> str | None:
    """ "Arrivals peaked on Tuesday, when 6,100 people crossed": a "when" clause on a time is at that time."""
    if head.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in head.children):
        return None
    return _time_frame("".join(t.text_with_ws for t in head.head.subtree if t.i < head.left_edge.i))


def _time_frame(text: str) -> str | None:
    """A short key for the time a passage refers to: its dates and time words."""
    marks = [m.group(0).lower() for m in _TIME_WORDS.finditer(text) if not _in_a_name(text, m.start())]
    for found in find_dates(text):
        marks.append(found.value.text.lower())
    for m in re.finditer(r"\b(?:before|after|since|until|prior to|ahead of)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}", text, re.I):
        marks.append(m.group(0).lower())
    marks = [re.sub(r"['’]s\b", "", m) for m in marks if m not in ("now", "still")]
    return " / ".join(dict.fromkeys(marks)) or None


def _in_a_name(text: str, at: int) -> bool:
    """A capitalised word after another word is part of a name or title ("Dravia First", "the Last
    Post"), not a time word."""
    return text[at].isupper() and bool(re.search(r"\w[\s-]+$", text[:at]))


def _after_filing(value: DateValue, filed: Dateline) -> bool:
    """A date that falls wholly after the day the story was filed (a later year, or a later month
    of its year)."""
    if filed.date is None or not filed.year_known or value.year is None:
        return False
    if value.year != filed.date.year:
        return value.year > filed.date.year
    months = date_months(value)
    return months is not None and min(months) > filed.date.month


def _when(named: FoundDate, filed: Dateline, future: bool) -> dict[str, object]:
    """The day a clause names, resolved against the dateline, and how many days before filing it falls."""
    value = resolve_weekday(named.value, filed, future)
    days = None
    if filed.date is not None and value.month is not None and value.day is not None:
        year = value.year or (filed.date.year if filed.year_known else None)
        try:
            days = (filed.date - dt.date(year, value.month, value.day)).days if year else None
        except ValueError:
            days = None
    return {"when": value, "days_before_filing": days}


def _scope(after: str, before: str = "") -> tuple[str, str, int] | None:
    """How a figure's set is bounded, from the words after it (and the few before it): including a
    part, adding one, only this set, or all of them; and where in `after` the bounding words end
    (0 when they stand before the figure)."""
    m = _INCLUSIVE.search(after[:80])
    if m and m.start() < 40:
        return "inclusive", m.group("set").strip(), m.start("set") + len(m.group("set").rstrip())
    m = _ADDITIVE.search(after[:80])
    if m and m.start() < 40:
        return "additive", m.group("set").strip(), m.start("set") + len(m.group("set").rstrip())
    for pattern, relation in ((_RESTRICTIVE, "restrictive"), (_TOTAL, "total")):
        m = pattern.search(after[:80])
        if m and m.start() < 40:
            return relation, m.group(0).lower(), m.end()
        m = pattern.search(before[-30:])
        if m:
            return relation, m.group(0).lower(), 0
    return None


_COVERAGE_VERBS = frozenset({"cover", "count", "include", "exclude", "calculate", "intend", "comprise", "apply"})


def _coverage(clause: _Clause) -> tuple[str, str] | None:
    """What a statement says a figure or a measure covers ("the pass rate counts only pupils sitting
    for the first time", "the figure covers both current and former customers"): how the set is
    bounded, and the set."""
    head = clause.head
    lemma = head.lemma_.lower()
    if lemma not in _COVERAGE_VERBS:
        return None
    after = _doc_text(head.doc)[head.idx + len(head.text):clause.end]
    before = _doc_text(head.doc)[clause.start:head.idx]
    found = _scope(after, before)
    if found is not None:
        return found[0], found[1] or after.strip()
    if lemma == "exclude":
        return "restrictive", after.strip()
    if lemma in ("include", "comprise") or re.match(r"\s*(?:both|all|every|each)\b", after, re.I) \
            or re.search(r"\band\b", after[:80]):  # "covers the needs of refugees and of the host communities"
        return "inclusive", after.strip()
    return None


def _doc_text(doc: SpacyDoc) -> str:
    """The parsed text. spaCy joins `doc.text` and `span.text` from the tokens on every call, so a
    sentence listing thousands of figures would be rejoined once per figure; it is joined once."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def _tokens_starting(sentence: SpacySpan, start: int, end: int | None = None) -> SpacySpan:
    """The sentence's tokens that start at or after character `start` (and before `end`), found by
    bisection: a sentence listing thousands of figures is read once, not once per figure."""
    doc = sentence.doc
    starts = doc.user_data.get("token_starts")
    if starts is None:
        starts = doc.user_data["token_starts"] = [t.idx for t in doc]
    first = bisect.bisect_left(starts, start, sentence.start, sentence.end)
    last = sentence.end if end is None else bisect.bisect_left(starts, end, first, sentence.end)
    return doc[first:last]


def _is_label(sentence: SpacySpan, start: int, end: int) -> bool:
    """ "Unit 2", "Flight 370", "Category 4": a number the parser hangs on the capitalised noun just
    before it names that thing; it is a label, not a count ("Unit 1" and "Unit 2" are not rivals)."""
    inside = _tokens_starting(sentence, start, end)
    if len(inside) != 1 or not inside[0].is_digit or inside[0].i == sentence.start:
        return False
    number, before = inside[0], inside[0].nbor(-1)
    # "the Unit 2 reactor": the parser may hang both on the noun after them
    named = number.head.i == before.i or (before.dep_ in ("compound", "nmod") and before.head.i == number.head.i)
    return named and number.dep_ in ("nummod", "appos", "compound") and before.is_title \
        and before.pos_ in ("NOUN", "PROPN")


# An item's or a section's number: "1. The Ministry ...", "## 2. Sampling", "**3. Risk.**", "4) ...".
_LIST_NUMBER_BEFORE = re.compile(r"[ \t#>*_-]*")
_LIST_NUMBER_AFTER = re.compile(r"[.)](?:\s|\*|$)")


def _is_list_number(text: str, start: int, end: int) -> bool:
    """A number that opens its line, with nothing before it but Markdown's marks and a full stop or
    a bracket after it, numbers an item; it counts nothing."""
    line_start = text.rfind("\n", 0, start) + 1
    return (text[start:end].isdigit() and len(text[start:end]) <= 3
            and _LIST_NUMBER_BEFORE.fullmatch(text, line_start, start) is not None
            and _LIST_NUMBER_AFTER.match(text, end) is not None)


def _is_ordinal(sentence: SpacySpan, start: int, end: int) -> bool:
    """ "a fourth consecutive term", "a third straight title": a word that reads as a fraction but
    that the parser takes for an adjective on the noun after it counts which one, not how much."""
    span = sentence.doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or () if t.is_alpha and t.lower_ not in ("a", "an")]
    return len(words) == 1 and words[0].tag_ == "JJ" and words[0].dep_ == "amod" and words[0].ent_type_ == "ORDINAL"


def _counted_thing(sentence: SpacySpan, start: int, end: int) -> tuple[str | None, int]:
    """Return the thing a figure counts ("Syrian militants", "per cent of voters") and where it ends."""
    doc = sentence.doc
    tokens = _tokens_starting(sentence, end)
    words: list[Token] = []
    i = 0
    while i < len(tokens) and tokens[i].text in ("”", "“", '"', "'", "’"):
        i += 1
    of_whole = False
    if i < len(tokens) and tokens[i].lower_ == "of" and i + 1 < len(tokens):
        i += 1
        # "six of them children": a part counts what the words after "of them" name
        while i < len(tokens) and tokens[i].lower_ in ("the", "its", "their", "all", "those", "these", "them", "whom"):
            i += 1
        # "43 of the 120 seats": a part counts what its whole counts; the whole is a figure of its own
        of_whole = i + 1 < len(tokens) and tokens[i].like_num
        if of_whole:
            i += 1
    if i == 0 and tokens and tokens[0].text == "-" and len(tokens) > 1:
        # "the 52,000-seat venue" counts seats: the word written onto the figure, not the venue
        joined = tokens[1]
        if joined.pos_ in ("NOUN", "ADJ", "PROPN") and joined.is_alpha:
            return joined.text, joined.idx + len(joined.text)
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.tag_ == "POS" and t.pos_ in ("NOUN", "PROPN"):
            words, i = [], i + 2  # "five of Castlemere's libraries" counts libraries, not Castlemere
            continue
        if t.pos_ == "NOUN" and t.dep_ == "npadvmod" and t.head.pos_ in ("VERB", "AUX") \
                and not any(start <= c.idx < end for c in t.children):
            words = []  # "an extra £118 next year": when the verb's act falls, not what is counted
            break
        participle = t.tag_ in ("VBN", "VBG", "VBD") and nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN")
        if t.pos_ in ("ADJ", "NOUN", "PROPN") or participle or (t.text == "-" and words) or t.dep_ == "compound":
            words.append(t)
            if t.pos_ == "NOUN" and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound"):
                break
            i += 1
            continue
        break
    nouns = [w for w in words if w.pos_ in ("NOUN", "PROPN")]
    if not nouns and i < len(tokens) and tokens[i].tag_ in ("VBN", "JJ") and tokens[i].lower_ not in _NOT_COUNTED and (
            i + 1 == len(tokens) or tokens[i + 1].pos_ in ("ADP", "PUNCT", "CCONJ")) and not _modifies_other_noun(tokens[i], start, end):
        lone = tokens[i]  # "more than 40 wounded": the participle names what is counted
        return lone.text, lone.idx + len(lone.text)
    if not nouns:
        head = _governing_noun(doc, start, end)
        return (head, end) if head else (None, end)
    last = words[words.index(nouns[-1])]
    kept = [w for w in words[:words.index(nouns[-1]) + 1]]
    return " ".join(w.text for w in kept), end if of_whole else last.idx + len(last.text)


def _modifies_other_noun(word: Token, start: int, end: int) -> bool:
    """ "a crowd of 61,240 packed into the stadium": the participle is a clause on the crowd, not what
    the figure counts (as "wounded" is in "40 wounded")."""
    return word.dep_ in ("acl", "relcl") and not start <= word.head.idx < end


def _quantified_antecedent(previous: SpacySpan | None, sentence: SpacySpan, subj: Token) -> str:
    """ "only a few may have remained": a few of what? The last quantified plural noun before it."""
    candidates = [t for t in (list(previous) if previous is not None else []) + list(sentence)
                  if t.i < subj.i and t.tag_ == "NNS"]
    quantified = [t for t in candidates if any(c.lower_ in QUANTIFIERS | {"other", "any", "remaining"} for c in t.children)]
    chosen = (quantified or candidates or [None])[-1]
    return chosen.text if chosen is not None else ""


def _date_top(clause: _Clause, start: int, end: int) -> Token | None:
    """The date's own top token, the one whose head lies outside it."""
    inside = clause.tokens_within(start, end)
    if not inside:
        return None
    t = inside[-1]
    while t.head.i != t.i and start <= t.head.idx < end:
        t = t.head
    return t


def _hung_on(t: Token) -> Token:
    """What a date hangs from: past its preposition ("collapsed (on June 5)") or its head."""
    return t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head


def _date_verb(clause: _Clause, start: int, end: int) -> Token | None:
    """The verb a date hangs from ("launched (on Monday)"), if it hangs from one."""
    t = _date_top(clause, start, end)
    anchor = _hung_on(t) if t is not None else None
    return anchor if anchor is not None and anchor.pos_ in ("VERB", "AUX") else None


def _event_of(clause: _Clause, start: int, end: int) -> tuple[str, str]:
    """The event a date is attached to, and its head in lemmas: "The tunnel collapsed (on June 5)"
    (collapse), "the rockfall (on June 6)" (rockfall), "saw its first starlight" (see starlight)."""
    t = _date_top(clause, start, end)
    if t is None:
        return "", ""
    anchor = _hung_on(t)
    prep = t.head if t.dep_ == "pobj" else None
    before = t.doc[prep.i - 1] if prep is not None and prep.i > 0 else None
    if anchor.pos_ in ("VERB", "AUX") and before is not None and before.pos_ == "NOUN" and before.dep_ == "pobj" \
            and before.head.lower_ in _BACKGROUND_MARKS | {"following"}:
        anchor = before  # "trapped since the rockfall on June 6": the date is the rockfall's
    if anchor.pos_ in ("NOUN", "PROPN"):
        # the left part of its subtree, which a projective parse keeps in one piece
        words = [w for w in anchor.doc[anchor.left_edge.i:anchor.i + 1] if not (start <= w.idx < end) and w.dep_ != "case"]
        noun = " ".join(w.text for w in words)
        acted_on = _verb_acting_on(anchor)
        # "saw its first starlight (on 14 September)": the event is the seeing, not the starlight
        if acted_on is None:
            return noun, anchor.lemma_.lower()
        return f"{_subject_and_verb(acted_on)} {noun}", f"{acted_on.lemma_} {anchor.lemma_}".lower()
    if anchor.pos_ not in ("VERB", "AUX"):
        return "", ""
    hung = anchor
    anchor = _cleft_clause(anchor)  # "It was 11 March when the commission declared the result"
    verb = anchor
    subject = None
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.head.i == verb.i:
            break
        verb = verb.head
    # the subject's words before the verb: a parse may hang a later apposition on it ("The walkout
    # began at 10 p.m. ..., the busiest of the port's berths")
    # and not what describes it ("The ship, which was carrying 236 people, hit rocks": the ship hit rocks)
    described = {t.i for c in subject.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree} \
        if subject is not None else set()
    words = [w.text for w in subject.subtree if (w.i < anchor.i or subject.i > anchor.i) and w.i not in described
             and not (w.is_punct and w.i > subject.i)] if subject is not None else []
    words.append(anchor.text)
    head = [anchor.lemma_.lower()]
    own = {t.i for t in clause.tokens} | ({t.i for t in anchor.subtree} if anchor is not hung else set())
    for child in anchor.children:
        particle = child.tag_ == "RP"  # "walked out": the parser may call the particle an adverb
        if (child.dep_ not in ("prt", "dobj", "attr", "prep") and not particle) \
                or any(start <= w.idx < end for w in child.subtree):
            continue
        if child.i not in own or child.lower_ in _BACKGROUND_MARKS:
            continue  # "according to the board", "before beginning to recede": not what happened
        # "peaked at 11.2 metres": what the event did is part of which event it is
        words += [w.text for w in child.subtree if w.dep_ not in ("relcl", "acl")][:6]
        if child.dep_ in ("prt", "dobj", "attr") or particle:
            head.append(child.lemma_.lower())
    if len(head) == 1 and subject is not None and subject.pos_ == "NOUN" and names_an_event(subject.lemma_, only=True):
        head.insert(0, subject.lemma_.lower())  # "the walkout began (at 10 p.m.)": the walkout's beginning
    return " ".join(words), " ".join(head)


def _verb_acting_on(noun: Token) -> Token | None:
    """The verb whose object a noun is ("saw (its first starlight)", "notified of (the first case)")."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "VERB" and prep.lower_ not in _BACKGROUND_MARKS:
        return prep.head
    return None


def _subject_and_verb(verb: Token) -> str:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = [w.text for w in subject.subtree] if subject is not None else []
    return " ".join(words + [verb.text])


def _cleft_clause(verb: Token) -> Token:
    """A cleft sentence's own clause: "It was on Friday (that the ship left)"."""
    if verb.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return verb
    return next((c for c in verb.children if c.dep_ in ("advcl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")), verb)


_NOT_COUNTED = {"compared", "according", "based", "due", "up", "down", "higher", "lower", "more", "less", "ago", "earlier", "later"}
_SKIP_IN_MEASURE = {"det", "prep", "punct", "aux", "auxpass", "neg", "advmod", "quantmod", "nummod", "cc", "mark"}


def _measure(sentence: SpacySpan, start: int, end: int, counted: str | None, lex: StanceLexicon) -> str:
    """What a figure measures: the counted thing and the words it hangs from.

    "Troops killed 12 militants" -> "militants kill troops"; "a turnout of 68 percent" -> "turnout";
    "more than 20,000 marched" -> "march"."""
    inside = _tokens_starting(sentence, start, end)
    if not inside:
        return counted or ""
    node = inside[-1]
    words: list[str] = [counted] if counted else []
    counted_words = set((counted or "").lower().split())
    for _ in range(5):
        head = node.head
        if head.i == node.i:
            break
        node = head
        if node.idx >= start and node.idx < end:
            continue
        if node.dep_ in _SKIP_IN_MEASURE or node.lower_ in counted_words:
            continue
        if node.pos_ == "AUX":
            # "five libraries are to close, the council said": the clause's verb is "close"; the
            # walk stops at its clause and does not take the verb that reports it
            done = next((c for c in node.children if c.dep_ in ("xcomp", "acomp") and c.pos_ in ("VERB", "ADJ")), None)
            if done is not None:
                words.append(done.lemma_.lower())
            else:  # "the death toll was 45": what the figure is given as
                words += _measured_subject(node, start, end, counted_words)
            break
        if is_speech_verb(node, lex):
            break  # who told the figure, not what it measures ("Officials told me a million cattle have died")
        if node.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
            words.append(node.lemma_.lower())
            if node.pos_ == "VERB":
                words += _measured_subject(node, start, end, counted_words)
                break
    return " ".join(words) or (counted or "")


# The links from a number up to the noun it counts ("510 heat deaths", "36 seats").
_FIGURE_TO_NOUN = frozenset({"nummod", "quantmod", "compound", "amod", "nmod"})


def _figure_holder(sentence: SpacySpan, start: int, end: int) -> tuple[str, str] | None:
    """Whose a figure is, where the parse names it: a possessive on what it counts ("Portugal's 510
    deaths"), "for" a name ("45.8 percent for Kask"), a name "with" it ("the Civic Union with 36"),
    or the subject of a verb whose object it is ("The Civic Union took 36 seats"; a participle takes
    its clause's subject: "topped the poll, winning 43 seats") unless the verb tells or perceives
    ("Police counted 3,000 marchers" says who counted, not whose they are). The holder is a proper
    name with an entity label, returned with that label."""
    numbers = [t for t in sentence if start <= t.idx < end and (t.like_num or t.pos_ == "NUM")]
    if not numbers:
        return None
    noun = numbers[-1]
    while noun.dep_ in _FIGURE_TO_NOUN and noun.head.pos_ in ("NOUN", "PROPN", "NUM"):
        noun = noun.head  # up to what the figure counts
    for child in noun.children:
        if child.dep_ == "poss":
            return _proper_name(child)
        if child.dep_ == "prep" and child.lower_ == "for":
            named = next((_proper_name(o) for o in child.children if o.dep_ == "pobj"), None)
            if named is not None:
                return named
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return _proper_name(noun.head.head)
    verb = noun.head if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") else None
    if verb is None or tells_or_perceives(verb.lemma_):
        return None
    while verb is not None:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return _proper_name(subject)
        verb = verb.head if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i else None
    return None


def _proper_name(token: Token) -> tuple[str, str] | None:
    """A proper noun with the proper nouns compounded onto it ("Civic Union"), and its entity label."""
    if token.pos_ != "PROPN" or not token.ent_type_:
        return None
    words = [w for w in token.children if w.pos_ == "PROPN" and w.dep_ in ("compound", "flat")] + [token]
    return " ".join(w.text for w in sorted(words, key=lambda w: w.i)), token.ent_type_


def _measured_subject(verb: Token, start: int, end: int, counted_words: set[str]) -> list[str]:
    """The verb's noun subject, outside the figure, as words of its measure, without what describes
    it ("Orlova, 47, a former mayor of Santen, took 45.8 percent": orlova)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not (start <= c.idx < end)
                 and c.lower_ not in counted_words), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return []
    aside = {t.i for c in subj.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return [" ".join(t.lower_ for t in subj.subtree if t.dep_ not in ("det", "punct") and t.i not in aside)]


def _governing_noun(doc: SpacyDoc, start: int, end: int) -> str | None:
    """ "a crowd of 41,237": the noun that the figure measures when none follows it."""
    before = [t for t in doc if t.idx + len(t.text) <= start][-3:]
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].pos_ == "NOUN":
        return before[-2].text
    return None


_FIGURE_NOUNS = frozenset({"figure", "number", "total", "tally", "estimate", "count"})


def _link_named_figure(claim: Claim, passage: list[Claim]) -> Claim:
    """A statement of what a figure covers that names the figure ("the 1.9 million figure covers
    both current and former customers") is about that figure."""
    named = next((c for c in passage if c.kind == "numeric" and c.quantity is not None
                  and claim.start <= c.start < claim.end and (c.quantity.counted or "").lower() in _FIGURE_NOUNS), None)
    return claim if named is None else claim.model_copy(update={"quantity": named.quantity})


def _link_figure_anaphor(claim: Claim, figure: Claim) -> Claim:
    """ "that figure included ...": the statement is about the last figure mentioned."""
    m = _INCLUSIVE.search(claim.text)
    update: dict[str, object] = {"quantity": figure.quantity, "subject": figure.subject}
    if m:
        update["scope_relation"] = "inclusive"
        update["scope_set"] = m.group("set").strip()
    return claim.model_copy(update=update)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: dict[tuple[str, int, int, str, str | None, bool], Claim] = {}
    for claim in claims:
        key = (claim.kind, claim.start, claim.end, claim.stance, claim.speaker_key, claim.attribute is None)
        seen.setdefault(key, claim)
    return sorted(seen.values(), key=lambda c: (c.start, c.end, c.kind))


def _superseded_by_updates(claims: list[Claim]) -> list[Claim]:
    """A running total: "the toll stood at 12 on Monday ... by Tuesday it had risen to 31". A figure
    the text marks as an update supersedes the figure of its unit just before it (in its sentence or
    the one before), which is then a revised figure; the update counts what that figure counted."""
    out = list(claims)
    for n, update in enumerate(out):
        if update.kind != "numeric" or not update.updated or update.quantity is None:
            continue
        same_sentence = itertools.takewhile(lambda c: c.sentence_start == update.sentence_start,
                                            itertools.islice(out, n + 1, None))
        if any(c.kind == "numeric" and c.start > update.start and (c.time_frame or "").startswith("earlier")
               for c in same_sentence):
            continue  # "profit rose to EUR 97 million from EUR 88 million": its own baseline is the earlier figure
        previous_sentence = max((c.sentence_start for c in out[:n] if c.sentence_end <= update.sentence_start),
                                default=None)
        earlier = next((k for k in range(n - 1, -1, -1)
                        if out[k].kind == "numeric" and out[k].quantity is not None and not out[k].updated
                        and out[k].sentence_start in (update.sentence_start, previous_sentence)
                        and out[k].quantity.unit == update.quantity.unit and out[k].modality == "actual"), None)
        if earlier is None:
            continue
        old = out[earlier]
        out[earlier] = old.model_copy(update={"modality": "revised"})
        if update.measure is None and old.measure is not None:
            out[n] = update.model_copy(update={"measure": old.measure})
    return out


def _number_by_kind(claims: list[Claim]) -> list[Claim]:
    """Give each claim its place among the document's claims of its kind (claims in text order)."""
    counts = Counter(c.kind for c in claims)
    seen: Counter[str] = Counter()
    numbered: list[Claim] = []
    for claim in claims:
        numbered.append(claim.model_copy(update={"place_in_document": seen[claim.kind],
                                                 "kind_in_document": counts[claim.kind]}))
        seen[claim.kind] += 1
    return numbered


def _predicate(head: Token, planned_markers: list[str]) -> str:
    """What the clause says its subject did or is: the verb, or where the verb links its subject to a
    state (the parse's adjectival complement) that state ("were still holed up": hole; "has remained
    open": open), which is what an opposite state contradicts. A verb that marks a plan hands over to
    the verb it plans ("plans to close the pool": close)."""
    planned = next((c for c in head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if planned is not None and f"{head.lower_} to" in planned_markers:
        return _predicate(planned, planned_markers)
    state = next((c for c in head.children if (c.dep_ == "acomp" and c.pos_ in ("ADJ", "VERB"))
                  or (c.dep_ == "oprd" and c.pos_ == "ADJ")), None)  # "was found dead": dead
    if state is None and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
        return "exist"  # "there were no casualties" says what there is, not what something is
    return (state if state is not None else head).lemma_.lower()


__all__ = ["ClaimExtractor", "Quantity"]
