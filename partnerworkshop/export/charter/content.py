"""The charter's content: everything it prints, computed once from a session, as plain values.

:func:`charter_content` analyses the answers once and gathers every text the charter prints
(the parties and their legal details, the legal effect, the status, the agreed positions as
statements, the shares, the readings, the open issues, the action items, the signatories, the
appendices) into one frozen :class:`CharterContent`. The PDF layout draws only this value and
never reads the session; another format can be drawn from it just the same.

Texts are plain strings exactly as printed (no markup); a :class:`Text` says how a paragraph is
set: ``plain``, ``strong``, ``small``, or ``placeholder`` for what stands in for something not
there yet ("No definition has been agreed yet."), which the PDF sets in italics. A text may hold
line breaks (``\\n``); both formats print it through :func:`printed_lines`.

The charter's identity follows what it prints: :attr:`CharterContent.identity` holds the
SHA-256 of everything printed apart from the identity itself (``content``). An export that
prints exactly what the last exported version printed keeps that version, its document id and
its time; any change gives the next version, whose "Changes since version N" lists what changed,
entry by entry (:attr:`Identity.record` keeps the entries in the session file).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ... import __version__
from ...model.agreement import agreement_check
from ...model.analysis import Analysis, analyse
from ...model.base import SIDES, Side
from ...model.fingerprint import canonical_json, fingerprint
from ...model.kinds import RelationshipKind
from ...model.positions import ADOPTED_SIDE, AgreedPosition, Reached, agreed_positions
from ...model.session import (
    MAX_CHARTER_VERSION,
    Answer,
    CharterVersion,
    LegalEffect,
    PrintedEntry,
    Session,
    Signatory,
    now,
)
from ...model.template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)

DEFAULT_CONFIDENTIALITY = "Confidential"
Paper = Literal["A4", "Letter"]
Status = Literal["draft", "agreed"]
Emphasis = Literal["plain", "strong", "small", "placeholder"]

# The principles in section 1 are the agreed positions on how the parties will work together:
# the questions on governance, equity and transparency (the partnering principles and the law
# of actively managed combinations the questionnaire draws on), found by section or question id.
PRINCIPLE_TOPICS = ("governance", "equity", "transparency")

# Section 4 shows how the questions at the top of the discussion agenda were resolved.
LARGEST_DIVERGENCES = 10

SECTION_TITLES: dict[str, str] = {
    "1": "The shared definition",
    "2": "Agreed positions",
    "3": "Shares",
    "4": "Where we started",
    "5": "Open issues and action items",
    "6": "Signatures",
    "A": "The parties' original answers",
    "B": "The questionnaire",
}
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

LEGAL_EFFECTS: dict[LegalEffect, str] = {
    "shared_understanding": (
        "This charter records the shared understanding the parties reached in the workshop. It "
        "is not legally binding and creates no legal obligations. Any binding commitment "
        "between the parties will be made only in definitive agreements that they negotiate "
        "and sign separately."
    ),
    "intent_to_negotiate": (
        "This charter records the basis on which the parties intend to negotiate definitive "
        "agreements. It is not legally binding and creates no legal obligations, including no "
        "obligation to conclude those agreements; only definitive agreements signed by both "
        "parties will bind them."
    ),
    "binding": (
        "The parties intend this charter to be legally binding on them from its effective "
        "date, as an agreement on the positions it records. Matters it lists as parked or open "
        "are not agreed and do not bind them."
    ),
}
"""What the charter says of its legal effect, for each choice the facilitator can make."""

LEGAL_ADVICE = (
    "Because this charter is meant to bind the parties, each party should take legal advice "
    "before signing it."
)
PARTS_OF_THE_CHARTER = (
    "The charter consists of this cover and sections 1 to 6. {extra}The appendices are "
    "attached for information only and do not form part of the charter."
)


_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")
_BLANK_START = re.compile(r"\A(?:[ \t]*\n)+")
_BLANK_END = re.compile(r"(?:\n[ \t]*)+\Z")


def printed_lines(text: str) -> str:
    """A text as the charter prints it: every line kept, but a run of empty lines printed as one
    empty line, and none before the first line or after the last (pages of nothing say
    nothing, and would only make the charter slow to make and long to read)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        return text
    text = _BLANK_LINES.sub("\n\n", text)
    return _BLANK_END.sub("", _BLANK_START.sub("", text))


@dataclass(frozen=True)
class CharterOptions:
    """What the facilitator chooses at export: the marking, the paper, and optional parts."""

    confidentiality: str = DEFAULT_CONFIDENTIALITY
    paper: Paper = "A4"
    include_comments: bool = False
    """Whether Appendix A prints the parties' comments (they are often internal)."""


# --- the value -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """One paragraph as printed, and how it is set."""

    words: str
    emphasis: Emphasis = "plain"

    @property
    def placeholder(self) -> bool:
        return self.emphasis == "placeholder"


Cell = tuple[Text, ...]


@dataclass(frozen=True)
class Heading:
    number: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.number}  {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Fact:
    """A labelled line of a facts table (the cover's details, the questionnaire's)."""

    label: str
    value: str
    strong: bool = False


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    email: str


@dataclass(frozen=True)
class PartyContent:
    side: Side
    heading: str
    """"Party A" or "Party B"."""
    name: str
    """What sentences call the party: its short label, its organisation, or "Party A"."""
    organisation: str
    legal_name: str
    """The name the party signs under: its legal name, else its organisation."""
    referred_to_as: str
    legal_details: tuple[Fact, ...]
    colour: str
    representatives: tuple[Person, ...]
    no_representatives: str


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    parties: tuple[PartyContent, PartyContent]
    facts: tuple[Fact, ...]
    record_facts: tuple[Fact, ...]
    """The charter version, document id and export time (the identity, printed)."""
    fingerprint_title: str
    fingerprint: str
    fingerprint_note: str
    contents_title: str


@dataclass(frozen=True)
class LegalFraming:
    title: str
    effect: LegalEffect
    statement: str
    advice: str
    """The advice to take legal advice, for a binding charter; empty otherwise."""
    effective: str
    parts: str


@dataclass(frozen=True)
class Change:
    kind: Literal["added", "changed", "removed"]
    label: str
    before: str
    after: str

    @property
    def summary(self) -> str:
        return {"added": "Added", "changed": "Changed", "removed": "Removed"}[self.kind]


@dataclass(frozen=True)
class Changes:
    heading: Heading
    since: int
    lead: str
    columns: tuple[str, str, str]
    changes: tuple[Change, ...]
    note: Text | None
    """Said instead of (or besides) the list when it cannot be complete."""


@dataclass(frozen=True)
class PositionRow:
    reference: str
    question_id: str
    statement: Text
    how: str
    note: str
    agreed: bool
    reached: Reached


@dataclass(frozen=True)
class PositionGroup:
    heading: Heading
    rows: tuple[PositionRow, ...]


@dataclass(frozen=True)
class SharedDefinition:
    heading: Heading
    definition_title: str
    definition: Text
    kind_title: str
    kind: Text
    principles_title: str
    principles_lead: str
    principles: tuple[PositionRow, ...]
    principles_note: Text | None


@dataclass(frozen=True)
class AgreedPositions:
    heading: Heading
    lead: str
    columns: tuple[str, str, str]
    groups: tuple[PositionGroup, ...]


@dataclass(frozen=True)
class ShareRow:
    reference: str
    topic: str
    statement: Text
    share_a: int | None
    """Party A's agreed share in percent, when the split is agreed."""
    answers: tuple[str, ...]
    """Where each party stands, when the split is not agreed."""
    how: str


@dataclass(frozen=True)
class Shares:
    heading: Heading
    lead: str
    columns: tuple[str, str, str]
    rows: tuple[ShareRow, ...]
    empty: Text | None


@dataclass(frozen=True)
class ReadingBar:
    kind: str
    share_a: float
    share_b: float


@dataclass(frozen=True)
class GapBar:
    section: str
    gap: float | None


@dataclass(frozen=True)
class DivergenceRow:
    question: str
    started: tuple[str, str]
    gap: str
    how: str
    position: Text | None


@dataclass(frozen=True)
class WhereWeStarted:
    heading: Heading
    lead: str
    alignment_title: str
    alignment: Text
    alignment_figure: float | None
    reading_title: str
    headline: str
    reading_note: str
    readings: tuple[ReadingBar, ...]
    gaps_title: str
    gaps_note: str
    gaps: tuple[GapBar, ...]
    divergences_heading: Heading
    divergences_lead: str
    divergence_columns: tuple[str, str, str, str]
    divergences: tuple[DivergenceRow, ...]
    no_divergence: Text | None


@dataclass(frozen=True)
class ParkedRow:
    reference: str
    question: str
    owner: Text
    due: Text
    notes: str


@dataclass(frozen=True)
class OpenRow:
    question: str
    answers: tuple[Text, Text]


@dataclass(frozen=True)
class ActionRow:
    what: Text
    owner: Cell
    due: Text
    status: str


@dataclass(frozen=True)
class OpenIssues:
    heading: Heading
    parked_heading: Heading
    parked_columns: tuple[str, str, str, str]
    parked: tuple[ParkedRow, ...]
    no_parked: Text
    open_heading: Heading
    open_lead: str
    open_columns: tuple[str, str, str]
    still_open: tuple[OpenRow, ...]
    no_open: Text
    actions_heading: Heading
    action_columns: tuple[str, str, str, str]
    actions: tuple[ActionRow, ...]
    no_actions: Text


@dataclass(frozen=True)
class SignatoryContent:
    name: str
    details: tuple[str, ...]
    """The signatory's title and organisation, each on its line, when given."""
    authority: str
    field: str
    """The name of the signatory's signature field: unique in the charter."""
    description: str
    """What the signature field is, in words ("Signature of ...")."""


@dataclass(frozen=True)
class SignatureColumn:
    heading: str
    signatories: tuple[SignatoryContent, ...]
    missing: str
    """Said in the column when the party has no signatory."""


@dataclass(frozen=True)
class Signatures:
    heading: Heading
    lead: str
    columns: tuple[SignatureColumn, SignatureColumn]
    empty: Text | None
    signature_label: str
    date_label: str


@dataclass(frozen=True)
class AnswerCell:
    answer: Text
    importance: str
    comment: str


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answers: tuple[AnswerCell, AnswerCell]


@dataclass(frozen=True)
class AnswerGroup:
    heading: Heading
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class OriginalAnswers:
    heading: Heading
    lead: str
    consolidated: tuple[str, ...]
    """For a party whose representatives answered individually, from how many its answers
    were consolidated: a count only, never who said what."""
    columns: tuple[str, str, str]
    groups: tuple[AnswerGroup, ...]


@dataclass(frozen=True)
class QuestionEntry:
    reference: str
    prompt: str
    offered: str
    """What kind of answer was asked for, in a sentence."""
    choices: tuple[str, ...]
    """The options, points or shares on offer, one per line."""


@dataclass(frozen=True)
class QuestionGroup:
    heading: Heading
    questions: tuple[QuestionEntry, ...]


@dataclass(frozen=True)
class SourceEntry:
    citation: str
    note: str


@dataclass(frozen=True)
class QuestionnaireAnnex:
    heading: Heading
    facts: tuple[Fact, ...]
    description: str
    questions_lead: str
    groups: tuple[QuestionGroup, ...]
    sources_title: str
    sources: tuple[SourceEntry, ...]


@dataclass(frozen=True)
class PageFurniture:
    """What every page prints besides its content."""

    title: str
    parties: str
    marking: str
    status_mark: str
    """The status in a word in the header of a draft ("DRAFT"); empty once agreed."""
    footer: str
    page_label: str
    """With ``{page}`` and ``{pages}`` to fill in."""


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    creator: str


@dataclass(frozen=True)
class Identity:
    document_id: str
    version: int
    fingerprint: str
    """The fingerprint of the agreed content (see :mod:`partnerworkshop.model.fingerprint`)."""
    content: str
    """The SHA-256 of everything the charter prints apart from its identity."""
    exported: dt.datetime
    new_version: bool
    """Whether this content was not exported before, so the version is new."""
    record: CharterVersion
    """What the session records of this version (store it when ``new_version``)."""


@dataclass(frozen=True)
class CharterContent:
    identity: Identity
    status: Status
    """As checked: "agreed" only when the session is marked agreed and all that needs is there."""
    claimed_agreed: bool
    """Marked agreed although it is not: the charter is a draft all the same."""
    not_yet_agreed: tuple[str, ...]
    """What "agreed" still needs, in sentences."""
    options: CharterOptions
    parties: tuple[PartyContent, PartyContent]
    cover: Cover
    legal: LegalFraming
    changes: Changes | None
    """From version 2 on: what changed since the previous version."""
    definition: SharedDefinition
    positions: AgreedPositions
    shares: Shares
    started: WhereWeStarted
    open_issues: OpenIssues
    signatures: Signatures
    answers: OriginalAnswers
    questionnaire: QuestionnaireAnnex
    page: PageFurniture
    metadata: Metadata

    @property
    def draft(self) -> bool:
        return self.status == "draft"

    @property
    def document_id(self) -> str:
        return self.identity.document_id

    @property
    def version(self) -> int:
        return self.identity.version

    def headings(self) -> list[Heading]:
        """The main headings in print order: the charter's contents."""
        main = [
            self.definition.heading,
            self.positions.heading,
            self.shares.heading,
            self.started.heading,
            self.open_issues.heading,
            self.signatures.heading,
            self.answers.heading,
            self.questionnaire.heading,
        ]
        return ([self.changes.heading] if self.changes else []) + main

    def texts(self) -> Iterator[str]:
        """Every string the charter prints (and a few it keeps as data), for the font check."""
        yield from _strings(dataclasses.asdict(self))


# --- words -----------------------------------------------------------------------------------


def long_date(day: dt.date | None) -> str:
    if day is None:
        return "no date"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_and_time(moment: dt.datetime) -> str:
    moment = moment.astimezone(dt.UTC)
    return f"{long_date(moment.date())}, {moment:%H:%M} UTC"


def count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def document_id(session: Session, version: int) -> str:
    """The charter's identifier: the session's first eight hex digits and the version."""
    return f"CH-{session.id.hex[:8].upper()}-{version:03d}"


def export_time() -> dt.datetime:
    """Now, or the moment ``SOURCE_DATE_EPOCH`` names (for reproducible files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return now()


def is_principle(position: AgreedPosition) -> bool:
    topic = position.question.id.split(".", 1)[0]
    return position.section.id in PRINCIPLE_TOPICS or topic in PRINCIPLE_TOPICS


def asks_about_principles(session: Session) -> bool:
    return any(
        section.id in PRINCIPLE_TOPICS or question.id.split(".", 1)[0] in PRINCIPLE_TOPICS
        for section in session.template.sections
        for question in section.questions
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Words:
    """The session's facts in the charter's words: names, answers, positions."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.names = {side: session.party(side).display_name(side) for side in SIDES}

    def split(self, share_a: int) -> str:
        return f"{self.names['A']} {share_a}%, {self.names['B']} {100 - share_a}%"

    def described(self, question: Question, value: AnswerValue) -> str:
        """An answer in words; a split names both parties' shares, a ranking numbers its items."""
        if isinstance(question, SplitQuestion) and isinstance(value, int):
            return self.split(value)
        if isinstance(question, RankingQuestion) and isinstance(value, list):
            return "\n".join(
                f"{rank}. {question.option(option_id).label}"
                for rank, option_id in enumerate(value, 1)
            )
        return question.describe_value(value)

    def answer(self, question: Question, answer: Answer) -> Text:
        """A party's answer in words, marked when the party is unsure or gave none."""
        if answer.value is None:
            return Text("Not sure" if answer.not_sure else "No answer", "placeholder")
        described = self.described(question, answer.value)
        return Text(f"{described} (not sure)" if answer.not_sure else described)

    def how_reached(self, position: AgreedPosition) -> str:
        reached = position.reached
        if reached in ADOPTED_SIDE:
            return f"Adopted from {self.names[ADOPTED_SIDE[reached]]}'s answer"
        return {
            "agreed": "New position agreed",
            "carried_over": "Carried over: both parties gave this answer",
            "parked": "Parked (see section 5)",
            "open": "Not yet agreed (see section 5)",
        }[reached]

    def statement(self, position: AgreedPosition) -> Text:
        """The agreed position as its statement, or why there is none yet."""
        if position.reached == "parked":
            return Text("No agreed position yet: parked.", "placeholder")
        if not position.is_agreed:
            return Text("No agreed position yet.", "placeholder")
        return Text(position.statement)


# --- the parts -------------------------------------------------------------------------------


def _party(session: Session, side: Side, words: _Words) -> PartyContent:
    party = session.party(side)
    details = tuple(
        Fact(label, value)
        for label, value in (
            ("Legal name", party.legal_name),
            ("Registration number", party.registration_number),
            ("Registered address", party.registered_address),
        )
        if value.strip()
    )
    referred = (
        f"referred to as “{party.label}”"
        if party.label and party.label != party.organisation
        else ""
    )
    return PartyContent(
        side=side,
        heading=f"Party {side}",
        name=words.names[side],
        organisation=party.organisation or f"Party {side}",
        legal_name=party.signing_name(side),
        referred_to_as=referred,
        legal_details=details,
        colour=party.colour,
        representatives=tuple(
            Person(person.name or "Unnamed representative", person.role, person.email)
            for person in party.representatives
        ),
        no_representatives="No representatives named.",
    )


def _cover(session: Session, parties: tuple[PartyContent, PartyContent], status: Status) -> Cover:
    workshop = session.workshop
    template = session.template
    place = ", ".join(part for part in (long_date(workshop.date), workshop.location) if part)
    return Cover(
        title="Partnership charter",
        subtitle=workshop.title,
        parties=parties,
        facts=(
            Fact("Facilitator", workshop.facilitator or "not named"),
            Fact("Workshop", place),
            Fact(
                "Questionnaire",
                f"{template.title} ({template.id}, version {template.version})",
            ),
            Fact(
                "Status",
                "Draft: not yet agreed" if status == "draft" else "Agreed by both parties",
                strong=True,
            ),
        ),
        record_facts=(),
        fingerprint_title="Fingerprint of the agreed content (SHA-256)",
        fingerprint="",
        fingerprint_note=(
            "To check that a session file holds exactly what this charter records, run "
            "partnerworkshop fingerprint FILE: it prints this same value when the agreed "
            "content is the same. Every page carries the document id and the start of the "
            "fingerprint."
        ),
        contents_title="Contents",
    )


def _legal(session: Session, parties: tuple[PartyContent, PartyContent]) -> LegalFraming:
    agreement = session.agreement
    effect = agreement.legal_effect
    effective = (
        f"This charter takes effect on {long_date(agreement.effective_date)}."
        if agreement.effective_date
        else "This charter takes effect on the date on which the last of its signatories signs it."
    )
    return LegalFraming(
        title="Legal effect",
        effect=effect,
        statement=LEGAL_EFFECTS[effect],
        advice=LEGAL_ADVICE if effect == "binding" else "",
        effective=effective,
        parts=PARTS_OF_THE_CHARTER.format(extra=""),
    )


def _position_rows(
    positions: list[AgreedPosition], references: dict[str, str], words: _Words
) -> tuple[PositionRow, ...]:
    return tuple(
        PositionRow(
            reference=references[position.question.id],
            question_id=position.question.id,
            statement=words.statement(position),
            how=words.how_reached(position),
            note=f"Note: {position.notes}" if position.notes else "",
            agreed=position.is_agreed,
            reached=position.reached,
        )
        for position in positions
    )


def _shared_definition(
    session: Session, positions: list[AgreedPosition], references: dict[str, str], words: _Words
) -> SharedDefinition:
    agreement = session.agreement
    definition = (
        Text(agreement.definition)
        if agreement.definition.strip()
        else Text("No definition has been agreed yet.", "placeholder")
    )
    kind = (
        Text(f"The parties agree that their relationship is a {agreement.agreed_kind.label}.")
        if agreement.agreed_kind is not None
        else Text(
            "The parties have not yet agreed which kind of relationship this is.", "placeholder"
        )
    )
    principles = [p for p in positions if is_principle(p) and p.is_agreed]
    note: Text | None = None
    if not asks_about_principles(session):
        note = Text(
            "This questionnaire asks no questions about governance, equity or transparency; "
            "every agreed position is in section 2.",
            "placeholder",
        )
    elif not principles:
        note = Text(
            "No principles are agreed yet: the questions on governance, equity and transparency "
            "are still open.",
            "placeholder",
        )
    return SharedDefinition(
        heading=Heading("1", SECTION_TITLES["1"]),
        definition_title="The agreed definition",
        definition=definition,
        kind_title="The kind of relationship",
        kind=kind,
        principles_title="Principles",
        principles_lead=(
            "How the parties will work together: their agreed positions on governance, equity "
            "and transparency."
            if principles
            else ""
        ),
        principles=_position_rows(principles, references, words),
        principles_note=note,
    )


def _agreed_positions(
    session: Session, positions: list[AgreedPosition], references: dict[str, str], words: _Words
) -> AgreedPositions:
    groups = []
    for number, section in enumerate(session.template.sections, 1):
        in_section = [p for p in positions if p.section is section]
        groups.append(
            PositionGroup(
                Heading(f"2.{number}", section.title),
                _position_rows(in_section, references, words),
            )
        )
    return AgreedPositions(
        heading=Heading("2", SECTION_TITLES["2"]),
        lead=(
            "Every question of the questionnaire, section by section, with the position the "
            "parties agreed and how they reached it: by adopting one party's answer, by agreeing "
            "a new position, or by carrying over the answer both gave. "
            "Parked and open questions are listed again in section 5. The number of each "
            "position is that of its question in Appendix B."
        ),
        columns=("No.", "Agreed position", "How it was reached"),
        groups=tuple(groups),
    )


def _shares(
    session: Session, positions: list[AgreedPosition], references: dict[str, str], words: _Words
) -> Shares:
    rows = []
    for position in positions:
        question = position.question
        if not isinstance(question, SplitQuestion):
            continue
        agreed = position.is_agreed and isinstance(position.value, int)
        answers: list[str] = []
        if not agreed:
            for side in SIDES:
                value = session.answer(side, question.id).value
                if isinstance(value, int):
                    answers.append(f"{words.names[side]}'s answer: {words.split(value)}")
        rows.append(
            ShareRow(
                reference=references[question.id],
                topic=_capitalised(question.topic),
                statement=(
                    words.statement(position)
                    if position.is_agreed
                    else Text(
                        "Parked." if position.reached == "parked" else "Not yet agreed.",
                        "placeholder",
                    )
                ),
                share_a=position.value if agreed and isinstance(position.value, int) else None,
                answers=tuple(answers),
                how=words.how_reached(position),
            )
        )
    return Shares(
        heading=Heading("3", SECTION_TITLES["3"]),
        lead=(
            "How the parties share costs, responsibilities, risks and rewards. Each bar shows "
            f"the share carried by {words.names['A']} (solid, from the left) and by "
            f"{words.names['B']} (hatched, from the right)."
            if rows
            else ""
        ),
        columns=("What is shared", "Agreed split", "How it was reached"),
        rows=tuple(rows),
        empty=None
        if rows
        else Text("This questionnaire has no questions on shares.", "placeholder"),
    )


def _share(shares: dict[RelationshipKind, float] | None, kind: RelationshipKind) -> float:
    return 0.0 if shares is None else shares.get(kind, 0.0)


def _where_we_started(
    session: Session, analysis: Analysis, positions: list[AgreedPosition], words: _Words
) -> WhereWeStarted:
    counts = analysis.status_counts()
    if analysis.alignment is None:
        alignment = Text(
            "No question was answered by both parties, so there is no figure.", "placeholder"
        )
    else:
        alignment = Text(
            f"{analysis.alignment:.0f} out of 100, over the "
            f"{count(analysis.scored, 'question')} both parties answered with a value that can "
            "be compared (100: the same answers throughout). Of all "
            f"{count(len(analysis.questions), 'question')}, the parties agreed on "
            f"{counts['agree']}, were close on {counts['close']}, apart on {counts['apart']}; "
            f"{counts['open']} could not be compared (free text, unanswered or not sure)."
        )
    readings = analysis.readings
    bars: tuple[ReadingBar, ...] = ()
    if all(readings[side].shares is not None for side in SIDES):
        bars = tuple(
            ReadingBar(
                _capitalised(kind.label),
                _share(readings["A"].shares, kind),
                _share(readings["B"].shares, kind),
            )
            for kind in RelationshipKind
        )
    by_id = {position.question.id: position for position in positions}
    largest = analysis.agenda[:LARGEST_DIVERGENCES]
    rows = []
    for item in largest:
        position = by_id[item.question_id]
        question = position.question
        rows.append(
            DivergenceRow(
                question=question.prompt,
                started=(
                    f"{words.names['A']}: "
                    + words.answer(question, session.answer("A", question.id)).words,
                    f"{words.names['B']}: "
                    + words.answer(question, session.answer("B", question.id)).words,
                ),
                gap="open" if item.gap is None else f"{item.gap:.2f}",
                how=words.how_reached(position),
                position=words.statement(position) if position.is_agreed else None,
            )
        )
    return WhereWeStarted(
        heading=Heading("4", SECTION_TITLES["4"]),
        lead=(
            "How far apart the parties' answers were before they agreed anything. These figures "
            "describe the answers given in the workshop, not the agreement."
        ),
        alignment_title="Alignment before agreement",
        alignment=alignment,
        alignment_figure=analysis.alignment,
        reading_title="The kind of relationship each party described",
        headline=analysis.headline.text,
        reading_note=(
            "Each party's answers carry signals toward six kinds of relationship; the bars show "
            "each kind's share of the party's reading."
            if bars
            else ""
        ),
        readings=bars,
        gaps_title="The gap in each section",
        gaps_note=(
            "From 0 (the same answers) to 1 (answers as far apart as the questions allow), "
            "weighted by how important the parties said each question was."
        ),
        gaps=tuple(GapBar(section.title, section.gap) for section in analysis.sections),
        divergences_heading=Heading("4.1", "The largest divergences and how they were resolved"),
        divergences_lead=(
            f"The {count(len(largest), 'question')} at the top of the discussion agenda (the "
            "widest gaps on the questions that mattered most), where each party started and "
            "where the question stands now."
            if largest
            else ""
        ),
        divergence_columns=("Question", "Where the parties started", "Gap", "How it was resolved"),
        divergences=tuple(rows),
        no_divergence=None
        if rows
        else Text("The parties' answers did not diverge.", "placeholder"),
    )


UNNAMED_TIME = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
ACTION_STATUSES = {"open": "Open", "in_progress": "In progress", "done": "Done"}


def _open_issues(
    session: Session, positions: list[AgreedPosition], references: dict[str, str], words: _Words
) -> OpenIssues:
    parked = tuple(
        ParkedRow(
            reference=references[p.question.id],
            question=p.question.prompt,
            owner=Text(p.owner) if p.owner else Text("no owner yet", "placeholder"),
            due=Text(long_date(p.due)) if p.due else Text("no date", "placeholder"),
            notes=p.notes,
        )
        for p in positions
        if p.reached == "parked"
    )
    still_open = tuple(
        OpenRow(
            question=p.question.prompt,
            answers=(
                words.answer(p.question, session.answer("A", p.question.id)),
                words.answer(p.question, session.answer("B", p.question.id)),
            ),
        )
        for p in positions
        if p.reached == "open"
    )
    actions = []
    for item in session.agreement.action_items:
        owner: list[Text] = []
        if item.owner_party is not None:
            owner.append(Text(words.names[item.owner_party], "strong"))
        if item.owner:
            owner.append(Text(item.owner))
        actions.append(
            ActionRow(
                what=Text(item.what) if item.what else Text("(not described)"),
                owner=tuple(owner) or (Text("no owner yet", "placeholder"),),
                due=Text(long_date(item.due)) if item.due else Text("no date", "placeholder"),
                status=ACTION_STATUSES[item.status],
            )
        )
    return OpenIssues(
        heading=Heading("5", SECTION_TITLES["5"]),
        parked_heading=Heading("5.1", "Parked items"),
        parked_columns=("Question", "Owner", "Due", "Notes"),
        parked=parked,
        no_parked=Text("No item is parked.", "placeholder"),
        open_heading=Heading("5.2", "Open questions"),
        open_lead=(
            "Questions the parties have neither agreed nor parked, with where each party stands."
        ),
        open_columns=("Question", words.names["A"], words.names["B"]),
        still_open=still_open,
        no_open=Text("No question is open.", "placeholder"),
        actions_heading=Heading("5.3", "Action items"),
        action_columns=("Action", "Owner", "Due", "Status"),
        actions=tuple(actions),
        no_actions=Text("No action items were recorded.", "placeholder"),
    )


def field_names(signatories: Iterable[Signatory]) -> list[str]:
    """Each signatory's signature field name: the name, made unique, without the full stops
    that would make it a field hierarchy; an unnamed signatory is "Signatory N"."""
    names: list[str] = []
    for number, signatory in enumerate(signatories, 1):
        base = " ".join(signatory.name.replace(".", " ").split()) or f"Signatory {number}"
        name, again = base, 1
        while name in names:
            again += 1
            name = f"{base} ({again})"
        names.append(name)
    return names


def _signatures(
    session: Session, parties: tuple[PartyContent, PartyContent], version: int, identifier: str
) -> Signatures:
    signatories = session.agreement.signatories
    fields = field_names(signatories)
    columns = []
    for party in parties:
        people = []
        for signatory, field in zip(signatories, fields, strict=True):
            if signatory.party != party.side:
                continue
            organisation = signatory.organisation or session.party(party.side).organisation
            described = [signatory.name, signatory.title, organisation]
            people.append(
                SignatoryContent(
                    name=signatory.name or "Name to be completed",
                    details=tuple(
                        line for line in (signatory.title, signatory.organisation) if line
                    ),
                    authority=f"Authorised to sign for {party.legal_name}",
                    field=field,
                    description="Signature of "
                    + (", ".join(part for part in described if part) or field),
                )
            )
        columns.append(
            SignatureColumn(
                heading=party.legal_name,
                signatories=tuple(people),
                missing=f"No signatory named yet for {party.name}.",
            )
        )
    return Signatures(
        heading=Heading("6", SECTION_TITLES["6"]),
        lead=(
            "Signed on behalf of the parties by their authorised signatories, as the record of "
            f"what the parties agreed (document {identifier}, charter version {version})."
        ),
        columns=(columns[0], columns[1]),
        empty=(
            None
            if signatories
            else Text(
                "The signatories are still to be named. This charter cannot be signed until "
                "they are.",
                "placeholder",
            )
        ),
        signature_label="Signature",
        date_label="Date",
    )


IMPORTANCE_WORDS = {"low": "low", "normal": "normal", "high": "high"}


def _original_answers(
    session: Session, analysis: Analysis, options: CharterOptions, words: _Words
) -> OriginalAnswers:
    groups = []
    for number, section in enumerate(session.template.sections, 1):
        rows = []
        for question in section.questions:
            cells = []
            for side in SIDES:
                answer = session.answer(side, question.id)
                comment = answer.comment if options.include_comments else ""
                cells.append(
                    AnswerCell(
                        words.answer(question, answer),
                        f"Importance: {IMPORTANCE_WORDS[answer.importance]}",
                        f"Comment: {comment}" if comment else "",
                    )
                )
            rows.append(AnswerRow(question.prompt, (cells[0], cells[1])))
        groups.append(AnswerGroup(Heading(f"A.{number}", section.title), tuple(rows)))
    with_comments = (
        "with how important the question was to it and its comments"
        if options.include_comments
        else "with how important the question was to it (their comments are left out)"
    )
    consolidated = []
    for side in SIDES:
        inside = analysis.inside[side]
        if inside is not None and inside.answered_by:
            people = count(inside.answered_by, "representative")
            consolidated.append(f"{words.names[side]}'s answers were consolidated from {people}.")
    return OriginalAnswers(
        heading=Heading("Appendix A", SECTION_TITLES["A"]),
        lead=f"Each party's answers as given in the workshop, {with_comments}.",
        consolidated=tuple(consolidated),
        columns=("Question", words.names["A"], words.names["B"]),
        groups=tuple(groups),
    )


def _offered(question: Question) -> tuple[str, tuple[str, ...]]:
    """What a question asked for, and the choices it offered, in words."""
    if isinstance(question, ScaleQuestion):
        return (
            f"A point on a scale from {question.minimum} to {question.maximum}:",
            tuple(
                f"{point.value}: {point.label}"
                + (f" ({point.description})" if point.description else "")
                for point in question.points
            ),
        )
    if isinstance(question, SplitQuestion):
        return (
            f"A split of {question.topic} between the parties, in whole percent: Party A's "
            "share from 0 to 100, Party B carrying the rest.",
            (),
        )
    if isinstance(question, TextQuestion):
        return ("An answer in the party's own words.", ())
    choices = tuple(
        option.label + (f": {option.description}" if option.description else "")
        for option in question.options
    )
    if isinstance(question, SingleChoiceQuestion):
        return ("One of:", choices)
    if isinstance(question, MultipleChoiceQuestion):
        limit = f" (at most {question.max_choices})" if question.max_choices else ""
        return (f"Any of{limit}:", choices)
    return ("These, ranked in order:", choices)


def _questionnaire(session: Session, references: dict[str, str]) -> QuestionnaireAnnex:
    template = session.template
    groups = tuple(
        QuestionGroup(
            Heading(f"B.{number}", section.title),
            tuple(
                QuestionEntry(references[question.id], question.prompt, *_offered(question))
                for question in section.questions
            ),
        )
        for number, section in enumerate(template.sections, 1)
    )
    return QuestionnaireAnnex(
        heading=Heading("Appendix B", SECTION_TITLES["B"]),
        facts=(
            Fact("Title", template.title),
            Fact("Identifier", template.id),
            Fact("Version", template.version),
            Fact("Language", template.language),
            Fact("Questions", f"{template.question_count} in {len(template.sections)} sections"),
        ),
        description=template.description,
        questions_lead=(
            "Every question as the parties saw it, with what each answer was chosen from. The "
            "number of a question is also that of its agreed position in section 2."
        ),
        groups=groups,
        sources_title="Sources" if template.sources else "",
        sources=tuple(SourceEntry(source.citation, source.note) for source in template.sources),
    )


def _references(session: Session) -> dict[str, str]:
    """Each question's number: its section's and its own place in it, as in "3.2"."""
    return {
        question.id: f"{section_number}.{question_number}"
        for section_number, section in enumerate(session.template.sections, 1)
        for question_number, question in enumerate(section.questions, 1)
    }


def _metadata(session: Session, identifier: str, agreed_fingerprint: str) -> Metadata:
    organisations = [session.party(side).organisation for side in SIDES]
    both = " and ".join(
        name or f"Party {side}" for name, side in zip(organisations, SIDES, strict=True)
    )
    return Metadata(
        title=f"Partnership charter: {session.workshop.title or both}",
        author=session.workshop.facilitator,
        subject=f"Partnership charter between {both}",
        keywords=(
            "partnership charter",
            *(name for name in organisations if name),
            identifier,
            f"fingerprint {agreed_fingerprint}",
        ),
        creator=f"partnerworkshop {__version__}",
    )


# --- identity and changes --------------------------------------------------------------------


COVER_FACT_LABELS = {
    "Facilitator": "The facilitator",
    "Workshop": "The workshop's date and place",
    "Questionnaire": "The questionnaire",
    "Status": "The status",
}


def printed_entries(content: CharterContent) -> dict[str, PrintedEntry]:
    """What the charter prints, entry by entry, each named in words, for the list of changes."""
    entries: dict[str, PrintedEntry] = {}

    def add(key: str, label: str, text: str) -> None:
        entries[key] = PrintedEntry(label=label, text=text)

    cover = content.cover
    add("title", "The workshop's title", cover.subtitle)
    for fact in cover.facts:
        add(
            f"cover.{fact.label.lower()}", COVER_FACT_LABELS.get(fact.label, fact.label), fact.value
        )
    for party in content.parties:
        add(
            f"party.{party.side}.organisation", f"{party.heading}: organisation", party.organisation
        )
        add(f"party.{party.side}.label", f"{party.heading}: short name", party.referred_to_as)
        add(f"party.{party.side}.legal_name", f"{party.heading}: legal name", party.legal_name)
        for fact in party.legal_details:
            if fact.label != "Legal name":
                add(
                    f"party.{party.side}.{fact.label.lower()}",
                    f"{party.heading}: {fact.label.lower()}",
                    fact.value,
                )
        add(
            f"party.{party.side}.representatives",
            f"{party.heading}: representatives",
            "\n".join(
                ", ".join(p for p in (person.name, person.role, person.email) if p)
                for person in party.representatives
            ),
        )
    legal = content.legal
    add("legal.effect", "The legal effect", legal.statement)
    add("legal.effective", "The effective date", legal.effective)
    add("definition", "The agreed definition", content.definition.definition.words)
    add("kind", "The kind of relationship", content.definition.kind.words)
    for group in content.positions.groups:
        for row in group.rows:
            text = "\n".join(part for part in (row.statement.words, row.how, row.note) if part)
            label = f"Agreed position {row.reference} ({group.heading.title})"
            add(f"position.{row.question_id}", label, text if row.agreed else "")
    issues = content.open_issues
    for parked in issues.parked:
        add(
            f"parked.{parked.reference}",
            f"Parked item {parked.reference}",
            "\n".join((parked.owner.words, parked.due.words, parked.notes)),
        )
    for number, action in enumerate(issues.actions, 1):
        add(
            f"action.{number}",
            f"Action item {number}",
            "\n".join(
                (
                    action.what.words,
                    *(t.words for t in action.owner),
                    action.due.words,
                    action.status,
                )
            ),
        )
    for column, party in zip(content.signatures.columns, content.parties, strict=True):
        for number, signatory in enumerate(column.signatories, 1):
            add(
                f"signatory.{party.side}.{number}",
                f"Signatory {number} for {party.name}",
                "\n".join((signatory.name, *signatory.details)),
            )
    add("marking", "The confidentiality marking", content.page.marking)
    add(
        "comments",
        "The parties' comments in Appendix A",
        "included" if content.options.include_comments else "left out",
    )
    for key, label, part in (
        ("started", "Section 4, where we started", content.started),
        ("answers", "Appendix A, the parties' original answers", content.answers),
        ("questionnaire", "Appendix B, the questionnaire", content.questionnaire),
    ):
        add(f"digest.{key}", label, _digest(part))
    return {
        key: entry for key, entry in entries.items() if entry.text or key.startswith("position.")
    }


def _digest(part: Any) -> str:
    """The SHA-256 of a part of the charter (a dataclass of plain values)."""
    return hashlib.sha256(canonical_json(dataclasses.asdict(part))).hexdigest()


def content_digest(content: CharterContent) -> str:
    """The SHA-256 of everything the charter says apart from its identity.

    The options count through what they print (the marking, the comments); the paper size and
    the parties' colours change how the charter looks, not what it says.
    """
    printed = {
        name: value
        for name, value in dataclasses.asdict(content).items()
        if name not in ("identity", "options")
    }
    return hashlib.sha256(canonical_json(_without_colours(printed))).hexdigest()


def _without_colours(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _without_colours(value) for key, value in node.items() if key != "colour"}
    if isinstance(node, list | tuple):
        return [_without_colours(value) for value in node]
    return node


def changes_between(
    before: dict[str, PrintedEntry], after: dict[str, PrintedEntry]
) -> tuple[Change, ...]:
    """What changed from one version's printed entries to the next, in the order printed."""
    changes: list[Change] = []
    for key in [*after, *(key for key in before if key not in after)]:
        old = before.get(key)
        new = after.get(key)
        old_text = old.text if old else ""
        new_text = new.text if new else ""
        if old_text == new_text:
            continue
        label = new.label if new is not None else old.label if old is not None else key
        if key.startswith("digest."):
            changes.append(Change("changed", label, "", ""))
        elif not old_text:
            changes.append(Change("added", label, "", new_text))
        elif not new_text:
            changes.append(Change("removed", label, old_text, ""))
        else:
            changes.append(Change("changed", label, old_text, new_text))
    return tuple(changes)


def _changes(previous: CharterVersion, entries: dict[str, PrintedEntry]) -> Changes:
    since = previous.version
    listed = changes_between(previous.printed, entries) if previous.printed else ()
    note: Text | None = None
    if not previous.printed:
        note = Text(
            f"Version {since} was exported by an earlier release of the app, which did not "
            "keep a record of what it printed, so its changes cannot be listed here.",
            "placeholder",
        )
    elif not listed:
        note = Text(
            f"The parties' content is as in version {since}; only the charter's standard wording "
            "changed.",
            "placeholder",
        )
    return Changes(
        heading=Heading("", f"Changes since version {since}"),
        since=since,
        lead=(
            f"What this version prints differently from version {since}, exported on "
            f"{date_and_time(previous.exported) if previous.exported else 'an unknown date'}. "
            "This list is given for information only and does not form part of the charter."
        ),
        columns=("What", "Before", "Now"),
        changes=listed,
        note=note,
    )


# --- the whole -------------------------------------------------------------------------------


def charter_content(
    session: Session,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
) -> CharterContent:
    """Everything the charter prints, for an export made at ``at`` (default: now)."""
    options = options or CharterOptions()
    analysis = analyse(session)
    positions = agreed_positions(session)
    words = _Words(session)
    references = _references(session)
    check = agreement_check(session, analysis)
    status: Status = check.status
    parties = (_party(session, "A", words), _party(session, "B", words))
    agreed_fingerprint = fingerprint(session, analysis)
    marking = options.confidentiality.strip()

    def assemble(identity: Identity, changes: Changes | None) -> CharterContent:
        version, identifier = identity.version, identity.document_id
        cover = _cover(session, parties, status)
        if version:
            cover = dataclasses.replace(
                cover,
                record_facts=(
                    Fact("Charter version", str(version)),
                    Fact("Document id", identifier),
                    Fact("Exported", date_and_time(identity.exported)),
                ),
                fingerprint=agreed_fingerprint,
            )
        legal = _legal(session, parties)
        if changes is not None:
            legal = dataclasses.replace(
                legal,
                parts=PARTS_OF_THE_CHARTER.format(
                    extra=f"The list of changes since version {changes.since} is given for "
                    "information only. "
                ),
            )
        short = f"{agreed_fingerprint[:16]}…{agreed_fingerprint[-4:]}"
        return CharterContent(
            identity=identity,
            status=status,
            claimed_agreed=check.claimed_wrongly,
            not_yet_agreed=check.missing,
            options=options,
            parties=parties,
            cover=cover,
            legal=legal,
            changes=changes,
            definition=_shared_definition(session, positions, references, words),
            positions=_agreed_positions(session, positions, references, words),
            shares=_shares(session, positions, references, words),
            started=_where_we_started(session, analysis, positions, words),
            open_issues=_open_issues(session, positions, references, words),
            signatures=_signatures(session, parties, version, identifier),
            answers=_original_answers(session, analysis, options, words),
            questionnaire=_questionnaire(session, references),
            page=PageFurniture(
                title="Partnership charter",
                parties=f"{words.names['A']} and {words.names['B']}",
                marking=marking,
                status_mark="DRAFT" if status == "draft" else "",
                footer=(
                    f"Document {identifier}  ·  version {version}  ·  fingerprint {short}"
                    if version
                    else ""
                ),
                page_label="Page {page} of {pages}",
            ),
            metadata=_metadata(session, identifier, agreed_fingerprint),
        )

    # What the charter prints apart from its identity decides the identity: the content is
    # first assembled without one (version 0, no document id), then with the one it decides.
    unnamed = Identity(
        document_id="",
        version=0,
        fingerprint=agreed_fingerprint,
        content="",
        exported=UNNAMED_TIME,
        new_version=True,
        record=CharterVersion(version=1),
    )
    bare = assemble(unnamed, None)
    digest = content_digest(bare)
    entries = printed_entries(bare)
    last = session.agreement.last_charter
    if last is not None and last.content == digest:
        record, new_version = last, False
    else:
        record = CharterVersion(
            # At the very last version number, a changed charter keeps that number.
            version=min((last.version if last else 0) + 1, MAX_CHARTER_VERSION),
            fingerprint=agreed_fingerprint,
            content=digest,
            exported=at or export_time(),
            printed=entries,
        )
        new_version = True
    assert record.exported is not None
    identity = Identity(
        document_id=document_id(session, record.version),
        version=record.version,
        fingerprint=agreed_fingerprint,
        content=digest,
        exported=record.exported,
        new_version=new_version,
        record=record,
    )
    previous = _previous(session, record)
    return assemble(identity, _changes(previous, entries) if previous else None)


def _previous(session: Session, record: CharterVersion) -> CharterVersion | None:
    """The version before ``record``, the one its changes are listed against."""
    earlier = [
        version for version in session.agreement.charters if version.version < record.version
    ]
    return earlier[-1] if earlier else None


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _strings(value)
