"""What a charter exported now would hold, and what the facilitator may want to fix first.

The summary is read off the charter's content (:mod:`.content`), so the Export step says exactly
what the charter prints. This module does not import reportlab: the layout code loads it only
when a charter is made.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ...model.base import SIDES, Side
from ...model.positions import agreed_positions
from ...model.session import CharterVersion, Session
from ...model.template import short_text
from .content import (
    LARGEST_DIVERGENCES,
    CharterContent,
    CharterOptions,
    charter_content,
    count,
)

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
    "binding",
    "missing_characters",
]
OptionalPartKind = Literal["comments", "changes"]


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
class OptionalPart:
    """A part the charter prints only in some cases, and whether this one does."""

    kind: OptionalPartKind
    included: bool


@dataclass(frozen=True)
class CharterSummary:
    status: Literal["draft", "agreed"]
    record: CharterVersion
    """The version an export now would be (new, or the last one, unchanged)."""
    new_version: bool
    """Whether what the charter prints changed since the last export, so the version grows."""
    document_id: str
    parts: list[CharterPart]
    optional_parts: list[OptionalPart]
    warnings: list[CharterWarning]

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def fingerprint(self) -> str:
        return self.record.fingerprint


_plural = count


def _parts(content: CharterContent) -> list[CharterPart]:
    rows = [row for group in content.positions.groups for row in group.rows]
    reached = Counter(row.reached for row in rows)
    agreed = sum(1 for row in rows if row.agreed)
    name_a, name_b = (party.name for party in content.parties)
    section_1 = content.definition
    definition = (
        "no definition yet" if section_1.definition.placeholder else "the agreed definition"
    )
    kind = (
        "no agreed kind yet"
        if section_1.kind.placeholder
        else section_1.kind.words.removeprefix(
            "The parties agree that their relationship is a "
        ).removesuffix(".")
    )
    splits = content.shares.rows
    started = content.started
    columns = content.signatures.columns
    signatories = [len(column.signatories) for column in columns]
    parts = []
    if content.changes is not None:
        parts.append(
            CharterPart(
                "Changes",
                content.changes.heading.title,
                _plural(len(content.changes.changes), "change"),
            )
        )
    parts += [
        CharterPart(
            "1",
            section_1.heading.title,
            f"{definition}; kind of relationship: {kind}; "
            f"{_plural(len(section_1.principles), 'principle')}",
        ),
        CharterPart(
            "2",
            content.positions.heading.title,
            f"{agreed} of {_plural(len(rows), 'question')} agreed "
            f"({reached['adopt_a']} from {name_a}, {reached['adopt_b']} from {name_b}, "
            f"{reached['agreed']} new positions, {reached['carried_over']} carried over), "
            f"{reached['parked']} parked, {reached['open']} open",
        ),
        CharterPart(
            "3",
            content.shares.heading.title,
            f"{sum(1 for row in splits if row.share_a is not None)} of "
            f"{_plural(len(splits), 'split')} agreed",
        ),
        CharterPart(
            "4",
            started.heading.title,
            (
                "no alignment figure yet"
                if started.alignment_figure is None
                else f"alignment {started.alignment_figure:.0f} out of 100 before agreement"
            )
            + "; each party's reading; the "
            + _plural(min(len(started.divergences), LARGEST_DIVERGENCES), "largest divergence")
            + " and how they were resolved",
        ),
        CharterPart(
            "5",
            content.open_issues.heading.title,
            f"{_plural(reached['parked'], 'parked item')}, "
            f"{_plural(reached['open'], 'open question')}, "
            f"{_plural(len(content.open_issues.actions), 'action item')}",
        ),
        CharterPart(
            "6",
            content.signatures.heading.title,
            (
                f"{_plural(sum(signatories), 'signatory', 'signatories')} "
                f"({signatories[0]} for {name_a}, {signatories[1]} for {name_b})"
                if sum(signatories)
                else "signatories still to be named"
            ),
        ),
        CharterPart(
            "Appendix",
            f"{content.answers.heading.title}; {content.questionnaire.heading.title.lower()}",
            f"both parties' answers to {_plural(len(rows), 'question')}, with importance"
            + (" and comments" if content.options.include_comments else " (comments left out)")
            + "; every question of the questionnaire with the answers it offered",
        ),
    ]
    return parts


def _warnings(session: Session, content: CharterContent) -> list[CharterWarning]:
    agreement = session.agreement
    warnings: list[CharterWarning] = []
    open_count = sum(
        1 for group in content.positions.groups for row in group.rows if row.reached == "open"
    )

    def warn(kind: WarningKind, message: str) -> None:
        warnings.append(CharterWarning(kind, message))

    if content.claimed_agreed:
        warn(
            "marked_agreed_without_grounds",
            "The session is marked agreed, but it is not: "
            + " ".join(content.not_yet_agreed)
            + " The charter is a draft, marked DRAFT on every page.",
        )
    elif content.status == "draft":
        warn("draft", "The session is still a draft: every page of the charter is marked DRAFT.")
    open_questions = _plural(open_count, "question is", "questions are")
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
    for position in agreed_positions(session):
        prompt = short_text(position.question.prompt, 120)
        if position.open_reason == "adopted_unanswered":
            adopted: Side = (
                "A" if agreement.items[position.question.id].resolution == "adopt_a" else "B"
            )
            warn(
                "adopted_answer_missing",
                f'The question "{prompt}" adopts the answer of '
                f"{session.party(adopted).display_name(adopted)}, which has not answered it.",
            )
        if position.open_reason in ("no_value", "no_wording"):
            warn(
                "agreed_position_empty",
                f'The question "{prompt}" is marked as an agreed position but is not settled. '
                f"{position.missing}",
            )
        if position.reached == "parked" and (not position.owner.strip() or position.due is None):
            warn(
                "parked_without_owner",
                f'The parked question "{prompt}" has no '
                f"{'owner' if not position.owner.strip() else 'due date'}.",
            )
    for row, action in enumerate(agreement.action_items, 1):
        lacking = [
            what
            for what, missing in (
                ("description", not action.what.strip()),
                ("owner", action.owner_party is None and not action.owner.strip()),
                ("due date", action.due is None),
            )
            if missing
        ]
        if lacking:
            warn("action_item_incomplete", f"Action item {row} has no {' and no '.join(lacking)}.")
    if content.legal.advice:
        warn("binding", f"The charter is to be legally binding. {content.legal.advice}")
    missing = _missing_characters(session, content)
    if missing:
        warn("missing_characters", _missing_characters_message(missing))
    return warnings


def _missing_characters(session: Session, content: CharterContent) -> dict[str, str]:
    """Each character no charter font can draw, with where it first appears."""
    from ..fonts import fonts_for

    texts = list(content.texts())
    fonts = fonts_for(texts)
    missing = fonts.missing(texts)
    found: dict[str, str] = {}
    for place, text in printed_texts(session, content.options):
        for character in text:
            if character in missing:
                found.setdefault(character, place)
    return {character: found.get(character, "the charter") for character in missing}


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


def summarise(session: Session, content: CharterContent) -> CharterSummary:
    """What the charter made of ``content`` holds, and what may be worth settling first."""
    identity = content.identity
    return CharterSummary(
        status=content.status,
        record=identity.record,
        new_version=identity.new_version,
        document_id=identity.document_id,
        parts=_parts(content),
        optional_parts=[
            OptionalPart("comments", content.options.include_comments),
            OptionalPart("changes", content.changes is not None),
        ],
        warnings=_warnings(session, content),
    )


def charter_summary(
    session: Session,
    options: CharterOptions | None = None,
    *,
    at: dt.datetime | None = None,
) -> CharterSummary:
    """What a charter exported now would contain, and what the facilitator may want to fix."""
    return summarise(session, charter_content(session, options, at=at))
