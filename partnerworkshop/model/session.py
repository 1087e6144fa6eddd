"""A session: one workshop, one file.

It holds the workshop details, the two parties, its own copy of the questionnaire (so the file
means the same years later), both parties' answers and the record of what was agreed.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from .base import SIDES, Day, LongText, Model, Moment, ShortText, Side
from .kinds import RelationshipKind
from .template import AnswerValue, AnswerValueError, Questionnaire, short_text
from .timing import TimeBoxes

SESSION_FORMAT = "partnerworkshop-session"
SESSION_SCHEMA_VERSION = 2

Importance = Literal["low", "normal", "high"]
IMPORTANCE_WEIGHTS: dict[Importance, float] = {"low": 1.0, "normal": 2.0, "high": 3.0}
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _check_email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ValueError(f'"{value}" does not look like an e-mail address')
    return value


Email = Annotated[str, StringConstraints(max_length=320), AfterValidator(_check_email)]


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Workshop(Model):
    title: ShortText = ""
    date: Day | None = None
    location: ShortText = ""
    facilitator: ShortText = ""


RepresentativeId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8,32}$")]


def new_representative_id() -> str:
    return uuid.uuid4().hex[:12]


class Representative(Model):
    id: RepresentativeId = Field(
        default_factory=new_representative_id,
        description="Stays the same when the name changes; individual answers are kept by it.",
    )
    name: ShortText = ""
    role: ShortText = ""
    email: Email = ""


PartyAnswering = Literal["as_one", "individually"]
"""Whether a party gives one answer per question, or each representative answers on their own
and the party then settles its answer from theirs."""


class Party(Model):
    organisation: ShortText = ""
    label: Annotated[str, StringConstraints(max_length=40)] = ""
    colour: Colour
    representatives: list[Representative] = []
    legal_name: ShortText = Field(
        default="", description="The registered name, as in contracts; the organisation if empty."
    )
    registration_number: ShortText = ""
    registered_address: ShortText = ""

    def signing_name(self, side: Side) -> str:
        """The name the party signs under: its legal name, its organisation, or 'Party A'."""
        return self.legal_name or self.organisation or f"Party {side}"

    answering: PartyAnswering = "as_one"
    anonymous: bool = Field(
        default=False,
        description="Individual answers are shown without the representatives' names.",
    )

    @property
    def answers_individually(self) -> bool:
        return self.answering == "individually"

    def display_name(self, side: Side) -> str:
        """What to call the party in a sentence: its short label, its name, or 'Party A'."""
        return self.label or self.organisation or f"Party {side}"

    def representative(self, representative_id: str) -> Representative:
        """The representative with this id; raises KeyError if the party has none."""
        for representative in self.representatives:
            if representative.id == representative_id:
                return representative
        raise KeyError(representative_id)

    def respondents(self, side: Side) -> list[Respondent]:
        """The representatives in the order their individual answers are shown, each with what
        to call them there.

        That is their name, in the order of the list; when the party answers anonymously it is
        "Northwind, respondent 2", numbered in an order that has nothing to do with the list
        (by id), so that nobody can tell who is who from the list of representatives. A
        representative without a name is also called by their number.
        """
        shown = self.representatives
        if self.anonymous:
            shown = sorted(shown, key=lambda representative: representative.id)
        respondents: list[Respondent] = []
        for number, representative in enumerate(shown, start=1):
            named = bool(representative.name.strip()) and not self.anonymous
            respondents.append(
                Respondent(
                    representative.id,
                    number,
                    representative.name.strip() if named else None,
                    self.display_name(side),
                )
            )
        return respondents


@dataclass(frozen=True)
class Respondent:
    """A representative as shown next to their individual answers: by name, or by number."""

    representative_id: str
    number: int
    name: str | None
    """None when the party answers anonymously (or the representative has no name)."""
    party_name: str

    @property
    def label(self) -> str:
        """ "James Whitfield", or "Northwind, respondent 2"."""
        return self.name or f"{self.party_name}, respondent {self.number}"

    @property
    def short_label(self) -> str:
        """ "James Whitfield", or "respondent 2", for a sentence that names the party already."""
        return self.name or f"respondent {self.number}"


class Parties(Model):
    A: Party = Field(default_factory=lambda: Party(colour="#1F5F8B"))
    B: Party = Field(default_factory=lambda: Party(colour="#B5651D"))


class Answer(Model):
    value: AnswerValue | None = None
    importance: Importance = "normal"
    comment: LongText = ""
    not_sure: bool = False

    @property
    def is_empty(self) -> bool:
        return self == Answer()

    @property
    def is_answered(self) -> bool:
        """A value was given and the party is not unsure about it."""
        return self.value is not None and not self.not_sure


class PartyAnswers(Model):
    A: dict[str, Answer] = {}
    B: dict[str, Answer] = {}


class RepresentativesAnswers(Model):
    """One party's individual answers, for a party whose representatives answer on their own."""

    by_representative: dict[str, dict[str, Answer]] = Field(
        default={}, description="Each representative's answers (by their id), by question id."
    )
    settled: list[str] = Field(
        default=[],
        description="Questions on which the party has settled its answer from its "
        "representatives' answers.",
    )


class IndividualAnswers(Model):
    A: RepresentativesAnswers = Field(default_factory=RepresentativesAnswers)
    B: RepresentativesAnswers = Field(default_factory=RepresentativesAnswers)


AnsweringMode = Literal["side_by_side", "blind"]


class Answering(Model):
    """How the Answer step is run: side by side, or blind (one party at a time, then revealed)."""

    mode: AnsweringMode = "side_by_side"
    current: Side = "A"
    revealed: list[str] = Field(default=[], description="Sections revealed in blind mode.")
    representatives: dict[Side, RepresentativeId] = Field(
        default={},
        description="For a party whose representatives answer individually, the one answering "
        "now; none while the party settles its own answers.",
    )


Resolution = Literal["adopt_a", "adopt_b", "agreed", "parked"]


class AgreementItem(Model):
    """What the room decided about one question."""

    resolution: Resolution | None = None
    value: AnswerValue | None = Field(default=None, description="The agreed answer, if any.")
    wording: LongText = ""
    notes: LongText = ""
    owner: ShortText = Field(default="", description="Who takes a parked item forward.")
    due: Day | None = None
    reopened: bool = Field(
        default=False, description="Reopened for discussion although both parties agreed."
    )


class ActionItem(Model):
    id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8,32}$")] = Field(
        default_factory=lambda: uuid.uuid4().hex[:12]
    )
    what: LongText = ""
    owner_party: Side | None = None
    owner: ShortText = ""
    due: Day | None = None
    status: Literal["open", "in_progress", "done"] = "open"


class Signatory(Model):
    party: Side
    name: ShortText = ""
    title: ShortText = ""
    organisation: ShortText = ""


class PrintedEntry(Model):
    """One thing an exported charter printed, named in words, for the next version's changes."""

    label: LongText
    text: LongText = ""


# Far more exports than a partnership will ever make, and a number every page can print.
MAX_CHARTER_VERSION = 999_999


class CharterVersion(Model):
    """One exported version of the charter.

    ``content`` is the SHA-256 of everything the charter printed (its identity: an export that
    prints the same again keeps the version); ``fingerprint`` the agreed-content fingerprint;
    ``printed`` what it printed, entry by entry, so the next version can list what changed.
    Versions exported before the charter kept these have an empty ``content`` and ``printed``.
    """

    version: int = Field(ge=1, le=MAX_CHARTER_VERSION)
    fingerprint: str = ""
    content: str = ""
    exported: Moment | None = None
    printed: dict[str, PrintedEntry] = {}


LegalEffect = Literal["shared_understanding", "intent_to_negotiate", "binding"]


class Agreement(Model):
    status: Literal["draft", "agreed"] = "draft"
    items: dict[str, AgreementItem] = {}
    definition: LongText = ""
    agreed_kind: RelationshipKind | None = None
    action_items: list[ActionItem] = []
    signatories: list[Signatory] = []
    legal_effect: LegalEffect = "shared_understanding"
    effective_date: Day | None = Field(
        default=None, description="When the charter takes effect; on the last signature if unset."
    )
    charters: list[CharterVersion] = Field(
        default=[], description="Every exported version of the charter, oldest first."
    )

    @property
    def last_charter(self) -> CharterVersion | None:
        return self.charters[-1] if self.charters else None


class Session(Model):
    format: Literal["partnerworkshop-session"] = "partnerworkshop-session"
    schema_version: int = SESSION_SCHEMA_VERSION
    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    created: Moment = Field(default_factory=now)
    modified: Moment = Field(default_factory=now)
    workshop: Workshop = Field(default_factory=Workshop)
    parties: Parties = Field(default_factory=Parties)
    template: Questionnaire
    answering: Answering = Field(default_factory=Answering)
    answers: PartyAnswers = Field(default_factory=PartyAnswers)
    individual: IndividualAnswers = Field(default_factory=IndividualAnswers)
    agreement: Agreement = Field(default_factory=Agreement)
    pack_for: Side | None = Field(
        default=None,
        description="Set when this file is an answer pack: it holds only this party's answers.",
    )
    pack_for_representative: RepresentativeId | None = Field(
        default=None,
        description="Set when the answer pack is for one representative of the party: it holds "
        "only that representative's answers.",
    )
    pack_key: Annotated[str, StringConstraints(pattern=r"^(?:[0-9a-f]{64})?$")] = Field(
        default="",
        description="The full session's secret that seals its answer packs; never in a pack.",
    )
    pack_seal: Annotated[str, StringConstraints(pattern=r"^(?:[0-9a-f]{64})?$")] = Field(
        default="",
        description="In an answer pack: proof of its session, its party and its questionnaire.",
    )
    time_boxes: TimeBoxes = Field(
        default_factory=TimeBoxes,
        description="The time given to each section and agenda item (never printed).",
    )

    @model_validator(mode="after")
    def _answers_fit_the_questionnaire(self) -> Session:
        problems = self.problems()
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def problems(self) -> list[str]:
        """Everything in the answers and the agreement that does not fit the questionnaire."""
        problems: list[str] = []
        template = self.template
        for side in SIDES:
            for question_id, answer in self.answers_of(side).items():
                where = f"Party {side}'s answers"
                if not template.has_question(question_id):
                    problems.append(
                        f'{where}: there is no question "{short_text(question_id)}" '
                        "in the questionnaire"
                    )
                    continue
                question = template.question(question_id)
                if answer.value is not None:
                    try:
                        question.check_value(answer.value)
                    except AnswerValueError as error:
                        problems.append(f"{where}: {error}")
                if answer.not_sure and not question.allow_not_sure:
                    problems.append(f'{where}: question "{question_id}" does not allow "not sure"')
            if self.pack_for is not None and side != self.pack_for and self.answers_of(side):
                problems.append(
                    f"this answer pack is for Party {self.pack_for} "
                    f"but holds Party {side}'s answers"
                )
        problems.extend(self._individual_problems())
        for question_id, item in self.agreement.items.items():
            if not template.has_question(question_id):
                problems.append(
                    f'Agreement: there is no question "{short_text(question_id)}" '
                    "in the questionnaire"
                )
                continue
            if item.value is not None:
                try:
                    template.question(question_id).check_value(item.value)
                except AnswerValueError as error:
                    problems.append(f"Agreement: {error}")
        section_ids = {section.id for section in template.sections}
        problems.extend(
            f'Answering: there is no section "{short_text(section_id)}" to reveal'
            for section_id in self.answering.revealed
            if section_id not in section_ids
        )
        problems.extend(
            f'Time boxes: there is no section "{short_text(section_id)}"'
            for section_id in self.time_boxes.sections
            if section_id not in section_ids
        )
        problems.extend(
            f'Time boxes: there is no question "{short_text(question_id)}" for an agenda item'
            for question_id in self.time_boxes.items
            if not template.has_question(question_id)
        )
        return problems

    def _individual_problems(self) -> list[str]:
        """What does not fit in the representatives and their individual answers."""
        problems: list[str] = []
        template = self.template
        for side in SIDES:
            party = self.party(side)
            ids = [representative.id for representative in party.representatives]
            problems.extend(
                f'Party {side}: two representatives have the same id "{repeated}"'
                for repeated in sorted({i for i in ids if ids.count(i) > 1})
            )
            individual = self.individual_of(side)
            for representative_id, answers in individual.by_representative.items():
                where = f"Party {side}'s individual answers"
                if representative_id not in ids:
                    problems.append(
                        f'{where}: there is no representative with the id "'
                        f'{short_text(representative_id)}"'
                    )
                    continue
                for question_id, answer in answers.items():
                    if not template.has_question(question_id):
                        problems.append(
                            f'{where}: there is no question "{short_text(question_id)}" '
                            "in the questionnaire"
                        )
                        continue
                    question = template.question(question_id)
                    if answer.value is not None:
                        try:
                            question.check_value(answer.value)
                        except AnswerValueError as error:
                            problems.append(f"{where}: {error}")
                    if answer.not_sure and not question.allow_not_sure:
                        problems.append(
                            f'{where}: question "{question_id}" does not allow "not sure"'
                        )
            problems.extend(
                f'Party {side}: there is no question "{short_text(question_id)}" to settle'
                for question_id in individual.settled
                if not template.has_question(question_id)
            )
        for side, representative_id in self.answering.representatives.items():
            if representative_id not in [r.id for r in self.party(side).representatives]:
                problems.append(
                    f"Answering: Party {side} has no representative with the id "
                    f'"{representative_id}"'
                )
        problems.extend(self._representative_pack_problems())
        return problems

    def _representative_pack_problems(self) -> list[str]:
        """An answer pack for one representative holds that representative's answers alone."""
        wanted = self.pack_for_representative
        if wanted is None:
            return []
        side = self.pack_for
        if side is None:
            return ["an answer pack for one representative must also name the party"]
        problems: list[str] = []
        if wanted not in [representative.id for representative in self.party(side).representatives]:
            problems.append(f"this answer pack is for a representative Party {side} does not have")
        if self.answers_of(side):
            problems.append(
                f"this answer pack is for one representative but holds Party {side}'s answers"
            )
        for owner in SIDES:
            held = self.individual_of(owner).by_representative
            if any(
                answers and (owner != side or representative_id != wanted)
                for representative_id, answers in held.items()
            ):
                problems.append(
                    "this answer pack is for one representative but holds another "
                    "representative's answers"
                )
        return problems

    def party(self, side: Side) -> Party:
        party: Party = getattr(self.parties, side)
        return party

    def answers_of(self, side: Side) -> dict[str, Answer]:
        answers: dict[str, Answer] = getattr(self.answers, side)
        return answers

    def answer(self, side: Side, question_id: str) -> Answer:
        """The party's answer to the question; an empty answer if it has none yet."""
        return self.answers_of(side).get(question_id) or Answer()

    def individual_of(self, side: Side) -> RepresentativesAnswers:
        individual: RepresentativesAnswers = getattr(self.individual, side)
        return individual

    def representative_answers(self, side: Side, representative_id: str) -> dict[str, Answer]:
        """One representative's individual answers, by question id (empty if none yet)."""
        return self.individual_of(side).by_representative.get(representative_id, {})

    def representative_answer(self, side: Side, representative_id: str, question_id: str) -> Answer:
        return self.representative_answers(side, representative_id).get(question_id) or Answer()


def new_session(
    template: Questionnaire,
    *,
    title: str = "",
    organisation_a: str = "",
    organisation_b: str = "",
) -> Session:
    session = Session(
        template=template,
        workshop=Workshop(title=title, date=dt.date.today()),
        pack_key=secrets.token_hex(32),
    )
    session.parties.A.organisation = organisation_a
    session.parties.B.organisation = organisation_b
    return session
