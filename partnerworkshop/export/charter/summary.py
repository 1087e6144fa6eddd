"""What a charter exported now would hold, and what the facilitator may want to fix first.

This module does not import reportlab: the layout code loads it only when a charter is made.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ...model.agreement import AgreementCheck, agreement_check
from ...model.analysis import analyse
from ...model.base import SIDES
from ...model.fingerprint import next_charter_record
from ...model.positions import AgreedPosition, agreed_positions
from ...model.session import CharterRecord, Session, now
from ...model.template import short_text

DEFAULT_CONFIDENTIALITY = "Confidential"
Paper = Literal["A4", "Letter"]

# The principles in section 1 are the agreed positions on how the parties will work together:
# the questions on governance, equity and transparency (the partnering principles and the law
# of actively managed combinations the questionnaire draws on), found by section or question id.
PRINCIPLE_TOPICS = ("governance", "equity", "transparency")

# Section 4 shows how the questions at the top of the discussion agenda were resolved.
LARGEST_DIVERGENCES = 10

WarningKind = Literal[
    "draft",
    "marked_agreed_without_grounds",
    "open_questions",
    "no_definition",
    "no_agreed_kind",
    "no_signatories",
    "party_without_signatory",
    "unnamed_signatory",
    "adopted_answer_missing",
    "agreed_position_empty",
    "parked_without_owner",
    "action_item_incomplete",
    "missing_characters",
]


@dataclass(frozen=True)
class CharterOptions:
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    paper: Paper = "A4"


@dataclass(frozen=True)
class CharterWarning:
    """Something the facilitator may want to settle before the charter goes to the lawyers."""

    kind: WarningKind
    message: str


@dataclass(frozen=True)
class CharterPart:
    """One part of the charter and, in a sentence, what it will hold."""

    number: str
    title: str
    summary: str


@dataclass(frozen=True)
class CharterSummary:
    status: Literal["draft", "agreed"]
    record: CharterRecord
    """The charter record an export now would write (version, fingerprint, time)."""
    new_version: bool
    """Whether the agreed content changed since the last export, so the version grows."""
    document_id: str
    parts: list[CharterPart]
    warnings: list[CharterWarning]

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def fingerprint(self) -> str:
        return self.record.fingerprint


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


def document_id(session: Session, version: int) -> str:
    """The charter's identifier: the session's first eight hex digits and the version."""
    return f"CH-{session.id.hex[:8].upper()}-{version:03d}"


def principle_positions(positions: list[AgreedPosition]) -> list[AgreedPosition]:
    return [position for position in positions if is_principle(position)]


def is_principle(position: AgreedPosition) -> bool:
    topic = position.question.id.split(".", 1)[0]
    return position.section.id in PRINCIPLE_TOPICS or topic in PRINCIPLE_TOPICS


def asks_about_principles(session: Session) -> bool:
    return any(
        section.id in PRINCIPLE_TOPICS or question.id.split(".", 1)[0] in PRINCIPLE_TOPICS
        for section in session.template.sections
        for question in section.questions
    )


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _parts(session: Session, positions: list[AgreedPosition]) -> list[CharterPart]:
    agreement = session.agreement
    analysis = analyse(session)
    reached = Counter(position.reached for position in positions)
    agreed = sum(1 for position in positions if position.is_agreed)
    name_a = session.parties.A.display_name("A")
    name_b = session.parties.B.display_name("B")

    definition = "the agreed definition" if agreement.definition.strip() else "no definition yet"
    kind = agreement.agreed_kind.label if agreement.agreed_kind else "no agreed kind yet"
    principles = sum(1 for p in principle_positions(positions) if p.is_agreed)
    splits = [p for p in positions if p.question.kind == "split"]
    signatories = Counter(signatory.party for signatory in agreement.signatories)
    return [
        CharterPart(
            "1",
            SECTION_TITLES["1"],
            f"{definition}; kind of relationship: {kind}; {_plural(principles, 'principle')}",
        ),
        CharterPart(
            "2",
            SECTION_TITLES["2"],
            f"{agreed} of {_plural(len(positions), 'question')} agreed "
            f"({reached['adopt_a']} from {name_a}, {reached['adopt_b']} from {name_b}, "
            f"{reached['agreed']} new positions, {reached['carried_over']} carried over), "
            f"{reached['parked']} parked, {reached['open']} open",
        ),
        CharterPart(
            "3",
            SECTION_TITLES["3"],
            f"{sum(1 for p in splits if p.is_agreed)} of {_plural(len(splits), 'split')} agreed",
        ),
        CharterPart(
            "4",
            SECTION_TITLES["4"],
            (
                "no alignment figure yet"
                if analysis.alignment is None
                else f"alignment {analysis.alignment:.0f} out of 100 before agreement"
            )
            + "; each party's reading; the "
            + _plural(min(len(analysis.agenda), LARGEST_DIVERGENCES), "largest divergence")
            + " and how they were resolved",
        ),
        CharterPart(
            "5",
            SECTION_TITLES["5"],
            f"{_plural(reached['parked'], 'parked item')}, "
            f"{_plural(reached['open'], 'open question')}, "
            f"{_plural(len(agreement.action_items), 'action item')}",
        ),
        CharterPart(
            "6",
            SECTION_TITLES["6"],
            (
                f"{_plural(len(agreement.signatories), 'signatory', 'signatories')} "
                f"({signatories['A']} for {name_a}, {signatories['B']} for {name_b})"
                if agreement.signatories
                else "signatories still to be named"
            ),
        ),
        CharterPart(
            "Appendix",
            f"{SECTION_TITLES['A']}; {SECTION_TITLES['B'].lower()}",
            f"both parties' answers to {_plural(len(positions), 'question')}, with importance "
            f'and comments; the questionnaire "{session.template.title}", '
            f"version {session.template.version}",
        ),
    ]


def _warnings(
    session: Session,
    positions: list[AgreedPosition],
    check: AgreementCheck,
    options: CharterOptions,
) -> list[CharterWarning]:
    agreement = session.agreement
    warnings: list[CharterWarning] = []
    open_count = sum(1 for position in positions if position.reached == "open")

    def warn(kind: WarningKind, message: str) -> None:
        warnings.append(CharterWarning(kind, message))

    if agreement.status == "draft":
        warn("draft", "The session is still a draft: every page of the charter is marked DRAFT.")
    open_questions = _plural(open_count, "question is", "questions are")
    if agreement.status == "agreed" and open_count:
        warn(
            "marked_agreed_without_grounds",
            f"The session is marked agreed, but {open_questions} neither agreed nor parked.",
        )
    if open_count:
        warn(
            "open_questions",
            f"{open_questions} neither agreed nor parked; the charter lists them as open "
            "in section 5.",
        )
    if not agreement.definition.strip():
        warn("no_definition", "There is no agreed definition yet; section 1 says so.")
    if agreement.agreed_kind is None:
        warn(
            "no_agreed_kind", "The parties have not yet agreed which kind of relationship this is."
        )
    if not agreement.signatories:
        warn("no_signatories", "No signatories are named yet; section 6 says they are to be named.")
    else:
        for side in SIDES:
            if not any(signatory.party == side for signatory in agreement.signatories):
                warn(
                    "party_without_signatory",
                    f"{session.party(side).display_name(side)} has no signatory yet.",
                )
        for row, signatory in enumerate(agreement.signatories, 1):
            if not signatory.name.strip():
                warn("unnamed_signatory", f"Signatory {row} has no name.")
    for position in positions:
        if position.open_reason == "adopted_unanswered":
            adopted = agreement.items[position.question.id].resolution
            side = "A" if adopted == "adopt_a" else "B"
            warn(
                "adopted_answer_missing",
                f'The question "{short_text(position.question.prompt, 120)}" adopts the answer of '
                f"{session.party(side).display_name(side)}, which has not answered it.",
            )
        if position.open_reason in ("no_value", "no_wording"):
            warn(
                "agreed_position_empty",
                f'The question "{short_text(position.question.prompt, 120)}" is marked as an '
                f"agreed position but is not settled. {position.missing}",
            )
        if position.reached == "parked" and (not position.owner.strip() or position.due is None):
            warn(
                "parked_without_owner",
                f'The parked question "{short_text(position.question.prompt, 120)}" has no '
                f"{'owner' if not position.owner.strip() else 'due date'}.",
            )
    for row, item in enumerate(agreement.action_items, 1):
        lacking = [
            what
            for what, missing in (
                ("description", not item.what.strip()),
                ("owner", item.owner_party is None and not item.owner.strip()),
                ("due date", item.due is None),
            )
            if missing
        ]
        if lacking:
            warn("action_item_incomplete", f"Action item {row} has no {' and no '.join(lacking)}.")
    missing = _missing_characters(session, options)
    if missing:
        warn("missing_characters", _missing_characters_message(missing))
    return warnings


def _missing_characters(session: Session, options: CharterOptions) -> dict[str, str]:
    """Each character no charter font can draw, with where it first appears."""
    from ..fonts import fonts_for

    texts = list(printed_texts(session, options))
    fonts = fonts_for(text for _, text in texts)
    found: dict[str, str] = {}
    for place, text in texts:
        for character in fonts.missing([text]):
            found.setdefault(character, place)
    return found


def _missing_characters_message(missing: dict[str, str]) -> str:
    from ..fonts import CJK_INSTALL_HINT

    shown = list(missing.items())[:10]
    listed = ", ".join(f'"{character}" (U+{ord(character):04X})' for character, _ in shown)
    more = f" and {len(missing) - len(shown)} more" if len(missing) > len(shown) else ""
    first_place = shown[0][1]
    east_asian = any(_is_east_asian(character) for character in missing)
    remedy = CJK_INSTALL_HINT if east_asian else "change the text or leave those characters out"
    return (
        f"The charter's fonts cannot draw {_plural(len(missing), 'character')}: {listed}{more} "
        f"(first in {first_place}). They would print as empty boxes: {remedy}."
    )


def _is_east_asian(character: str) -> bool:
    name = unicodedata.name(character, "")
    return any(script in name for script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO"))


_SKIPPED_FIELDS = {"id", "format", "colour", "help", "kind", "email"}


def printed_texts(session: Session, options: CharterOptions) -> Iterator[tuple[str, str]]:
    """Every piece of text the charter may print, with where it comes from in plain words."""
    yield "the confidentiality marking", options.confidentiality
    data = session.model_dump(
        mode="json", include={"workshop", "parties", "template", "answers", "agreement"}
    )
    for path, text in _strings(data, ()):
        yield _place(path), text


def _strings(node: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in _SKIPPED_FIELDS:
                yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))


def _place(path: tuple[str | int, ...]) -> str:
    head = path[0]
    if head == "workshop":
        return "the workshop details"
    if head == "parties":
        return f"Party {path[1]}'s details"
    if head == "template":
        return "the questionnaire"
    if head == "answers":
        return f'Party {path[1]}\'s answer to question "{path[2]}"'
    part = path[1] if len(path) > 1 else ""
    if part == "items":
        return f'the agreement on question "{path[2]}"'
    if part == "action_items":
        return f"action item {int(path[2]) + 1}"
    if part == "signatories":
        return f"signatory {int(path[2]) + 1}"
    return "the agreed definition"


def charter_summary(
    session: Session,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
) -> CharterSummary:
    """What a charter exported now would contain, and what the facilitator may want to fix."""
    options = options or CharterOptions()
    positions = agreed_positions(session)
    check = agreement_check(session)
    record = next_charter_record(session, at or now())
    return CharterSummary(
        status=check.status,
        record=record,
        new_version=record != session.agreement.charter,
        document_id=document_id(session, record.version),
        parts=_parts(session, positions),
        warnings=_warnings(session, positions, check, options),
    )
