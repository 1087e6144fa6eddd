"""Named edit operations on a session, with undo and redo.

Every change a user makes goes through :class:`SessionEditor`. Each operation checks its input,
then records an :class:`Edit`: the values it replaced and the values it put in their place, each
at a path inside the session. Undo puts the old values back, redo the new ones. Listeners are
told which edit ran, so a view refreshes only what the edit touched.

Consecutive edits with the same merge key (typing a comment, say) become one undo step until
:meth:`SessionEditor.seal` is called (the UI calls it when the user leaves the field).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from .agreement import agreement_check
from .analysis import Analysis, analyse
from .base import Side
from .consolidation import propose, representatives_differ
from .kinds import RelationshipKind
from .session import (
    ActionItem,
    AgreementItem,
    Answer,
    AnsweringMode,
    CharterVersion,
    Importance,
    IndividualAnswers,
    LegalEffect,
    PartyAnswering,
    Representative,
    Resolution,
    Session,
    Signatory,
)
from .storage import fit_problems, plain_message
from .template import AnswerValue, AnswerValueError, Question, Questionnaire
from .timing import BoxKind, TimeBoxes


class EditError(ValueError):
    """An edit that cannot be made; the message says why in plain words."""


class _Absent:
    """Marks a dictionary key that is not there (before an insertion, after a removal)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()

PathKey = str | int
Path = tuple[PathKey, ...]


@dataclass(frozen=True)
class Change:
    path: Path
    old: Any
    new: Any


@dataclass
class Edit:
    """One undo step. ``action`` names the operation (e.g. ``"answer.comment"``)."""

    action: str
    changes: list[Change]
    merge_key: Hashable | None = None

    def touches(self, *prefix: PathKey) -> bool:
        """Whether any change lies at or below the path ``prefix``."""
        return any(change.path[: len(prefix)] == prefix for change in self.changes)


def _child(node: Any, key: PathKey) -> Any:
    if isinstance(node, BaseModel):
        return getattr(node, str(key))
    return node[key]


def get_at(root: Any, path: Path) -> Any:
    node = root
    for key in path[:-1]:
        node = _child(node, key)
    last = path[-1]
    if isinstance(node, dict):
        return node.get(last, ABSENT)
    return _child(node, last)


def set_at(root: Any, path: Path, value: Any) -> None:
    node = root
    for key in path[:-1]:
        node = _child(node, key)
    last = path[-1]
    if isinstance(node, BaseModel):
        setattr(node, str(last), value)
    elif isinstance(node, dict):
        if value is ABSENT:
            node.pop(last, None)
        else:
            node[last] = value
    else:
        node[last] = value


Listener = Callable[[Edit], None]
ANALYSED_PARTS = ("answers", "individual", "template", "parties")
"""The parts of a session the analysis reads (besides comments, which it does not)."""
WorkshopField = Literal["title", "date", "location", "facilitator"]
PartyField = Literal[
    "organisation", "label", "colour", "legal_name", "registration_number", "registered_address"
]
RepresentativeField = Literal["name", "role", "email"]
ActionItemField = Literal["what", "owner_party", "owner", "due", "status"]
SignatoryField = Literal["party", "name", "title", "organisation"]
ItemField = Literal["wording", "notes", "owner", "due"]


@dataclass
class SessionEditor:
    """The session being edited, its undo history and the views listening to it."""

    session: Session
    _done: list[Edit] = field(default_factory=list)
    _undone: list[Edit] = field(default_factory=list)
    _clean_at: int | None = 0
    _sealed: bool = True
    _listeners: list[Listener] = field(default_factory=list)
    _analysis: Analysis | None = None

    # --- history ---------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_action(self) -> str | None:
        return self._done[-1].action if self._done else None

    @property
    def redo_action(self) -> str | None:
        return self._undone[-1].action if self._undone else None

    @property
    def is_modified(self) -> bool:
        """Whether the session differs from the last saved (or opened) state."""
        return self._clean_at != len(self._done)

    def mark_unsaved(self) -> None:
        """The session differs from its file although nothing was edited here (a recovered copy)."""
        self._clean_at = None

    def mark_saved(self) -> None:
        self._clean_at = len(self._done)
        self._sealed = True

    def keep_pack_key(self, key: str) -> bool:
        """Give the session the secret that seals its answer packs, if it has none yet.

        Packs made with it must merge however the session is edited, so it is no edit to undo;
        the session differs from its file until it is saved. Returns whether it was given.
        """
        if self.session.pack_key:
            return False
        self.session.pack_key = key
        self.mark_unsaved()
        return True

    def _check_pack_allows(self, changes: list[Change]) -> None:
        """An answer pack is for one party to answer in: nothing else in it may change."""
        side = self.session.pack_for
        if side is None:
            return
        representative = self.session.pack_for_representative
        allowed: Path = (
            ("answers", side)
            if representative is None
            else ("individual", side, "by_representative", representative)
        )
        if any(change.path[: len(allowed)] != allowed for change in changes):
            if representative is not None:
                raise EditError("This answer pack is for one representative's answers only.")
            raise EditError(
                f"This answer pack is for Party {side}'s answers only; the rest is changed in "
                "the full session."
            )

    def seal(self) -> None:
        """End the current run of mergeable edits: the next edit starts a new undo step."""
        self._sealed = True

    def undo(self) -> None:
        if not self._done:
            return
        edit = self._done.pop()
        for change in reversed(edit.changes):
            set_at(self.session, change.path, change.old)
        self._undone.append(edit)
        self._sealed = True
        self._notify(edit)

    def redo(self) -> None:
        if not self._undone:
            return
        edit = self._undone.pop()
        for change in edit.changes:
            set_at(self.session, change.path, change.new)
        self._done.append(edit)
        self._sealed = True
        self._notify(edit)

    def apply(self, edit: Edit) -> bool:
        """Make the edit and record it; returns False if it changed nothing."""
        changes = [change for change in edit.changes if change.old != change.new]
        if not changes:
            return False
        self._check_pack_allows(changes)
        applied: list[Change] = []
        try:
            for change in changes:
                set_at(self.session, change.path, change.new)
                applied.append(change)
        except ValidationError as error:
            for change in reversed(applied):
                set_at(self.session, change.path, change.old)
            raise EditError(_first_message(error)) from None
        too_big = fit_problems(self.session)
        if too_big:
            for change in reversed(applied):
                set_at(self.session, change.path, change.old)
            raise EditError(
                f"This change would make the session too large to open again: {too_big[0]}."
            )
        changes.extend(self._back_to_draft_if_unsettled(changes))
        edit = Edit(edit.action, changes, edit.merge_key)
        if self._undone:
            self._undone.clear()
            if self._clean_at is not None and self._clean_at > len(self._done):
                self._clean_at = None  # the saved state can no longer be reached by undo/redo
        if self._can_merge_with_top(edit):
            self._merge_into_top(edit)
        else:
            self._done.append(edit)
            self._sealed = edit.merge_key is None
        self._notify(edit)
        return True

    def _back_to_draft_if_unsettled(self, changes: list[Change]) -> list[Change]:
        """An agreed session whose answers or agreement change so that "agreed" no longer
        holds (something needs settling again, the definition is emptied, a signatory goes)
        becomes a draft again, in the same undo step."""
        status_path = ("agreement", "status")
        if self.session.agreement.status != "agreed" or any(c.path == status_path for c in changes):
            return []
        if any(change.path[0] in ANALYSED_PARTS for change in changes):
            self._analysis = None  # the changes are made but not yet announced
        if agreement_check(self.session, self.analysis()).ready:
            return []
        set_at(self.session, status_path, "draft")
        return [Change(status_path, "agreed", "draft")]

    def _can_merge_with_top(self, edit: Edit) -> bool:
        return (
            not self._sealed
            and edit.merge_key is not None
            and bool(self._done)
            and self._done[-1].merge_key == edit.merge_key
            and self._clean_at != len(self._done)
        )

    def _merge_into_top(self, edit: Edit) -> None:
        top = self._done[-1]
        merged = {change.path: change for change in top.changes}
        for change in edit.changes:
            earlier = merged.get(change.path)
            merged[change.path] = Change(
                change.path, earlier.old if earlier else change.old, change.new
            )
        remaining = [change for change in merged.values() if change.old != change.new]
        if remaining:
            self._done[-1] = Edit(top.action, remaining, top.merge_key)
        else:
            self._done.pop()  # typed and deleted again: nothing left to undo
            self._sealed = True

    def _notify(self, edit: Edit) -> None:
        if edit.action != "answer.comment" and any(edit.touches(part) for part in ANALYSED_PARTS):
            self._analysis = None  # before the listeners, who may ask for the new one
        for listener in list(self._listeners):
            listener(edit)

    def analysis(self) -> Analysis:
        """The analysis of the session as it is now, worked out again only after edits that
        change it (answers other than comments, the questionnaire, the parties' names)."""
        if self._analysis is None:
            self._analysis = analyse(self.session)
        return self._analysis

    def _replace(
        self, action: str, path: Path, new: Any, merge_key: Hashable | None = None
    ) -> bool:
        return self.apply(Edit(action, [Change(path, get_at(self.session, path), new)], merge_key))

    # --- workshop and parties ----------------------------------------------------------------

    def set_workshop(self, name: WorkshopField, value: str | date | None) -> bool:
        _check_choice(name, WorkshopField, "workshop field")
        return self._replace(
            f"workshop.{name}", ("workshop", name), value, merge_key=("workshop", name)
        )

    def set_party(self, side: Side, name: PartyField, value: str) -> bool:
        _check_choice(name, PartyField, "party field")
        return self._replace(
            f"party.{name}", ("parties", side, name), value, merge_key=("party", side, name)
        )

    def add_representative(self, side: Side, representative: Representative | None = None) -> int:
        """Add a representative at the end of the party's list; returns its row."""
        current = self.session.party(side).representatives
        new = [*current, representative or Representative()]
        self._replace("party.representatives", ("parties", side, "representatives"), new)
        return len(new) - 1

    def remove_representative(self, side: Side, row: int) -> bool:
        """Remove a representative, and with them their individual answers (one undo step)."""
        current = self.session.party(side).representatives
        _check_row(row, current, "representative")
        new = current[:row] + current[row + 1 :]
        removed = current[row].id
        answers_path: Path = ("individual", side, "by_representative", removed)
        answering = self.session.answering.representatives
        now_answering = {key: value for key, value in answering.items() if value != removed}
        return self.apply(
            Edit(
                "party.representatives",
                [
                    Change(answers_path, get_at(self.session, answers_path), ABSENT),
                    Change(("answering", "representatives"), answering, now_answering),
                    Change(("parties", side, "representatives"), current, new),
                ],
            )
        )

    def set_party_answering(self, side: Side, answering: PartyAnswering) -> bool:
        """Whether the party answers as one or each representative answers individually.

        The party's own answers stay as they are either way: they are what is compared.
        """
        _check_choice(answering, PartyAnswering, "way of answering")
        return self._replace("party.answering", ("parties", side, "answering"), answering)

    def set_party_anonymous(self, side: Side, anonymous: bool) -> bool:
        """Whether the party's individual answers are shown without the representatives' names."""
        return self._replace("party.anonymous", ("parties", side, "anonymous"), bool(anonymous))

    def set_representative(
        self, side: Side, row: int, name: RepresentativeField, value: str
    ) -> bool:
        _check_choice(name, RepresentativeField, "representative field")
        current = self.session.party(side).representatives
        _check_row(row, current, "representative")
        new = _updated(current[row], **{name: value})
        return self._replace(
            "party.representative",
            ("parties", side, "representatives", row),
            new,
            merge_key=("representative", side, row, name),
        )

    def change_template(self, template: Questionnaire) -> bool:
        """Use another questionnaire: the answers and agreed items belong to the old one."""
        session = self.session
        empty_answers = session.answers.model_copy(update={"A": {}, "B": {}})
        empty_individual = IndividualAnswers()
        cleared_agreement = session.agreement.model_copy(update={"items": {}, "status": "draft"})
        cleared_answering = session.answering.model_copy(update={"revealed": []})
        cleared_boxes = TimeBoxes(available=session.time_boxes.available)
        return self.apply(
            Edit(
                "template",
                [
                    Change(("answers",), session.answers, empty_answers),
                    Change(("individual",), session.individual, empty_individual),
                    Change(("agreement",), session.agreement, cleared_agreement),
                    Change(("answering",), session.answering, cleared_answering),
                    Change(("time_boxes",), session.time_boxes, cleared_boxes),
                    Change(("template",), session.template, template),
                ],
            )
        )

    # --- time boxes ---------------------------------------------------------------------------

    def set_time_box(self, kind: BoxKind, key: str, minutes: int | None) -> bool:
        """Give a section or an agenda item (by its question's id) a time box; None removes it."""
        _check_choice(kind, BoxKind, "kind of time box")
        template = self.session.template
        if kind == "section" and key not in {section.id for section in template.sections}:
            raise EditError(f'There is no section "{key}" in this questionnaire.')
        if kind == "item" and not template.has_question(key):
            raise EditError(f'There is no question "{key}" in this questionnaire.')
        if minutes is not None and not 1 <= minutes <= 600:
            raise EditError("A time box lasts from 1 to 600 minutes.")
        field_name = "sections" if kind == "section" else "items"
        new = dict(getattr(self.session.time_boxes, field_name))
        if minutes is None:
            new.pop(key, None)
        else:
            new[key] = minutes
        return self._replace("time.box", ("time_boxes", field_name), new, ("time.box", kind, key))

    def set_time_available(self, minutes: int | None) -> bool:
        if minutes is not None and not 1 <= minutes <= 600:
            raise EditError("The time available is from 1 to 600 minutes.")
        return self._replace(
            "time.available", ("time_boxes", "available"), minutes, "time.available"
        )

    def apply_time_plan(self, plan: TimeBoxes) -> bool:
        """Replace every time box with a plan (see timing.plan_time_boxes)."""
        return self._replace("time.plan", ("time_boxes",), plan)

    # --- answers -----------------------------------------------------------------------------

    # Each of these sets the party's answer or, given ``representative`` (an id), that
    # representative's individual answer.

    def set_answer(
        self,
        side: Side,
        question_id: str,
        value: AnswerValue | None,
        representative: str | None = None,
    ) -> bool:
        """Set (or, with ``None``, clear) a party's answer to a question."""
        checked = None if value is None else _checked(self._question(question_id), value)
        return self._update_answer("answer.value", side, question_id, representative, value=checked)

    def set_not_sure(
        self, side: Side, question_id: str, not_sure: bool, representative: str | None = None
    ) -> bool:
        question = self._question(question_id)
        if not_sure and not question.allow_not_sure:
            raise EditError(f'Question "{question_id}" does not allow "not sure".')
        return self._update_answer(
            "answer.not_sure", side, question_id, representative, not_sure=not_sure
        )

    def set_importance(
        self,
        side: Side,
        question_id: str,
        importance: Importance,
        representative: str | None = None,
    ) -> bool:
        self._question(question_id)
        _check_choice(importance, Importance, "importance")
        return self._update_answer(
            "answer.importance", side, question_id, representative, importance=importance
        )

    def set_comment(
        self, side: Side, question_id: str, comment: str, representative: str | None = None
    ) -> bool:
        self._question(question_id)
        return self._update_answer(
            "answer.comment",
            side,
            question_id,
            representative,
            merge_key=("comment", side, representative, question_id),
            comment=comment,
        )

    def _update_answer(
        self,
        action: str,
        side: Side,
        question_id: str,
        representative: str | None,
        merge_key: Hashable | None = None,
        **update: Any,
    ) -> bool:
        self._check_not_packed_away(side, representative)
        if representative is None:
            current = self.session.answer(side, question_id)
            new = _updated(current, **update)
            return self._replace(
                action,
                ("answers", side, question_id),
                ABSENT if new.is_empty else new,
                merge_key,
            )
        self._check_representative(side, representative)
        held = self.session.representative_answers(side, representative)
        new = _updated(held.get(question_id) or Answer(), **update)
        changed = {key: answer for key, answer in held.items() if key != question_id}
        if not new.is_empty:
            changed[question_id] = new
        path: Path = ("individual", side, "by_representative", representative)
        return self._replace(
            f"{action}.individual", path, changed if changed else ABSENT, merge_key
        )

    def _check_representative(self, side: Side, representative: str) -> None:
        try:
            self.session.party(side).representative(representative)
        except KeyError:
            raise EditError(f"Party {side} has no such representative.") from None

    def _check_not_packed_away(self, side: Side, representative: str | None = None) -> None:
        pack_for = self.session.pack_for
        if pack_for is not None and side != pack_for:
            raise EditError(f"This answer pack is for Party {pack_for} only.")
        for_representative = self.session.pack_for_representative
        if for_representative is not None and representative != for_representative:
            raise EditError("This answer pack is for one representative's answers only.")

    def settle(self, side: Side, question_id: str, answer: Answer) -> bool:
        """The party settles its answer to a question from its representatives' answers:
        the proposal as it stands, or the answer the party changed it to (one undo step)."""
        question = self._question(question_id)
        self._check_not_packed_away(side)
        if answer.value is not None:
            answer = answer.model_copy(update={"value": _checked(question, answer.value)})
        if answer.not_sure and not question.allow_not_sure:
            raise EditError(f'Question "{question_id}" does not allow "not sure".')
        answer_path: Path = ("answers", side, question_id)
        settled_path: Path = ("individual", side, "settled")
        settled = self.session.individual_of(side).settled
        return self.apply(
            Edit(
                "answer.settle",
                [
                    Change(
                        answer_path,
                        get_at(self.session, answer_path),
                        ABSENT if answer.is_empty else answer,
                    ),
                    Change(
                        settled_path,
                        settled,
                        settled if question_id in settled else [*settled, question_id],
                    ),
                ],
            )
        )

    def settle_where_agreed(self, side: Side) -> int:
        """Take the proposal as the party's answer on every question on which its
        representatives agree and which it has not settled yet (one undo step); returns how
        many questions that settled."""
        self._check_not_packed_away(side)
        session = self.session
        held = [
            session.representative_answers(side, representative.id)
            for representative in session.party(side).representatives
        ]
        settled = session.individual_of(side).settled
        changes: list[Change] = []
        taken: list[str] = []
        for question in session.template.questions():
            given = [answers.get(question.id) or Answer() for answers in held]
            proposal = propose(question, given)
            if question.id in settled or proposal.is_empty or representatives_differ(given):
                continue
            current = session.answer(side, question.id)
            new = proposal.model_copy(update={"comment": current.comment})
            path: Path = ("answers", side, question.id)
            changes.append(Change(path, get_at(session, path), new))
            taken.append(question.id)
        if not taken:
            return 0
        changes.append(Change(("individual", side, "settled"), settled, [*settled, *taken]))
        self.apply(Edit("answer.settle_agreed", changes))
        return len(taken)

    def _question(self, question_id: str) -> Question:
        if not self.session.template.has_question(question_id):
            raise EditError(f'There is no question "{question_id}" in this questionnaire.')
        return self.session.template.question(question_id)

    # --- answering mode ----------------------------------------------------------------------

    def set_answer_mode(self, mode: AnsweringMode) -> bool:
        _check_choice(mode, AnsweringMode, "answering mode")
        return self._replace("answering.mode", ("answering", "mode"), mode)

    def set_answering_party(self, side: Side) -> bool:
        _check_choice(side, Side, "party")
        return self._replace("answering.current", ("answering", "current"), side)

    def set_answering_representative(self, side: Side, representative: str | None) -> bool:
        """Who of the party's representatives answers now; None: the party settles its own
        answers."""
        current = self.session.answering.representatives
        new = {key: value for key, value in current.items() if key != side}
        if representative is not None:
            self._check_representative(side, representative)
            new[side] = representative
        return self._replace(
            "answering.representative", ("answering", "representatives"), dict(sorted(new.items()))
        )

    def reveal_section(self, section_id: str) -> bool:
        try:
            self.session.template.section(section_id)
        except KeyError:
            raise EditError(f'There is no section "{section_id}" in this questionnaire.') from None
        revealed = self.session.answering.revealed
        if section_id in revealed:
            return False
        return self._replace("answering.reveal", ("answering", "revealed"), [*revealed, section_id])

    # --- agreement ---------------------------------------------------------------------------

    def resolve(
        self,
        question_id: str,
        resolution: Resolution | None,
        *,
        value: AnswerValue | None = None,
        wording: str | None = None,
    ) -> bool:
        """Record how an item was resolved; ``None`` takes the resolution back."""
        question = self._question(question_id)
        _check_choice(resolution, Resolution | None, "resolution")
        checked = None if value is None else _checked(question, value)
        current = self.session.agreement.items.get(question_id) or AgreementItem()
        update: dict[str, Any] = {"resolution": resolution, "value": checked}
        if wording is not None:
            update["wording"] = wording
        return self._set_item("agreement.resolve", question_id, _updated(current, **update))

    def settle_items(self, decisions: Sequence[tuple[str, Resolution, AnswerValue]]) -> bool:
        """Settle several items in one undo step, each with its own one agreed value.

        Each decision is (question, how it was settled, the agreed value): adopting Party A's
        or Party B's answer, or an agreed position (such as the share both accept in a split).
        Nothing changes unless every decision is sound.
        """
        changes: list[Change] = []
        for question_id, resolution, value in decisions:
            question = self._question(question_id)
            if resolution not in ("adopt_a", "adopt_b", "agreed"):
                raise EditError(f'Question "{question_id}" cannot be settled by "{resolution}".')
            checked = _checked(question, value)
            current = self.session.agreement.items.get(question_id) or AgreementItem()
            settled = _updated(current, resolution=resolution, value=checked)
            path: Path = ("agreement", "items", question_id)
            changes.append(
                Change(path, self.session.agreement.items.get(question_id, ABSENT), settled)
            )
        return self.apply(Edit("agreement.settle", changes))

    def park(self, question_id: str, owner: str, due: date | None) -> bool:
        """Leave an item open, with who takes it forward and by when."""
        self._question(question_id)
        current = self.session.agreement.items.get(question_id) or AgreementItem()
        parked = _updated(current, resolution="parked", value=None, owner=owner, due=due)
        return self._set_item("agreement.park", question_id, parked)

    def reopen(self, question_id: str) -> bool:
        """Put a question back on the table; the session becomes a draft again."""
        self._question(question_id)
        current = self.session.agreement.items.get(question_id) or AgreementItem()
        reopened = _updated(current, resolution=None, value=None, reopened=True)
        return self._set_item("agreement.reopen", question_id, reopened)

    def set_item_notes(self, question_id: str, notes: str) -> bool:
        return self.set_item_field(question_id, "notes", notes)

    def set_item_field(self, question_id: str, name: ItemField, value: str | date | None) -> bool:
        """Edit an item's wording, notes, owner or due date (typing is one undo step)."""
        _check_choice(name, ItemField, "agreement item field")
        self._question(question_id)
        current = self.session.agreement.items.get(question_id) or AgreementItem()
        return self._set_item(
            f"agreement.{name}",
            question_id,
            _updated(current, **{name: value}),
            merge_key=(name, question_id),
        )

    def _set_item(
        self,
        action: str,
        question_id: str,
        item: AgreementItem,
        merge_key: Hashable | None = None,
    ) -> bool:
        change = Change(
            ("agreement", "items", question_id),
            self.session.agreement.items.get(question_id, ABSENT),
            ABSENT if item == AgreementItem() else item,
        )
        return self.apply(Edit(action, [change], merge_key))

    def set_definition(self, text: str) -> bool:
        return self._replace(
            "agreement.definition", ("agreement", "definition"), text, merge_key="definition"
        )

    def set_agreed_kind(self, kind: RelationshipKind | None) -> bool:
        if kind is not None:
            kind = RelationshipKind(kind)
        return self._replace("agreement.kind", ("agreement", "agreed_kind"), kind)

    def set_legal_effect(self, effect: LegalEffect) -> bool:
        _check_choice(effect, LegalEffect, "legal effect")
        return self._replace("agreement.legal_effect", ("agreement", "legal_effect"), effect)

    def set_effective_date(self, day: date | None) -> bool:
        return self._replace(
            "agreement.effective_date", ("agreement", "effective_date"), day, merge_key="effective"
        )

    def set_status(self, status: Literal["draft", "agreed"]) -> bool:
        """Mark the session agreed (only once all that "agreed" needs is there) or back to draft."""
        _check_choice(status, Literal["draft", "agreed"], "status")
        if status == "agreed":
            missing = agreement_check(self.session, self.analysis()).missing
            if missing:
                raise EditError("The session cannot be marked agreed yet: " + " ".join(missing))
        return self._replace("agreement.status", ("agreement", "status"), status)

    def record_charter(self, version: CharterVersion) -> bool:
        """Remember a new version of the charter just exported, after the earlier ones."""
        new = [*self.session.agreement.charters, version]
        return self._replace("agreement.charter", ("agreement", "charters"), new)

    def add_action_item(self, item: ActionItem | None = None) -> int:
        current = self.session.agreement.action_items
        new = [*current, item or ActionItem()]
        self._replace("agreement.action_items", ("agreement", "action_items"), new)
        return len(new) - 1

    def remove_action_item(self, row: int) -> bool:
        current = self.session.agreement.action_items
        _check_row(row, current, "action item")
        new = current[:row] + current[row + 1 :]
        return self._replace("agreement.action_items", ("agreement", "action_items"), new)

    def set_action_item(self, row: int, name: ActionItemField, value: Any) -> bool:
        _check_choice(name, ActionItemField, "action item field")
        current = self.session.agreement.action_items
        _check_row(row, current, "action item")
        return self._replace(
            "agreement.action_item",
            ("agreement", "action_items", row),
            _updated(current[row], **{name: value}),
            merge_key=("action_item", row, name),
        )

    def add_signatory(self, signatory: Signatory) -> int:
        current = self.session.agreement.signatories
        new = [*current, signatory]
        self._replace("agreement.signatories", ("agreement", "signatories"), new)
        return len(new) - 1

    def remove_signatory(self, row: int) -> bool:
        current = self.session.agreement.signatories
        _check_row(row, current, "signatory")
        new = current[:row] + current[row + 1 :]
        return self._replace("agreement.signatories", ("agreement", "signatories"), new)

    def set_signatory(self, row: int, name: SignatoryField, value: str) -> bool:
        _check_choice(name, SignatoryField, "signatory field")
        current = self.session.agreement.signatories
        _check_row(row, current, "signatory")
        return self._replace(
            "agreement.signatory",
            ("agreement", "signatories", row),
            _updated(current[row], **{name: value}),
            merge_key=("signatory", row, name),
        )


ModelT = TypeVar("ModelT", bound=BaseModel)


def _updated(model: ModelT, **update: Any) -> ModelT:
    """A validated copy of ``model`` with fields replaced; a bad value raises EditError."""
    try:
        return type(model).model_validate({**model.model_dump(), **update})
    except ValidationError as error:
        raise EditError(_first_message(error)) from None


def _checked(question: Question, value: object) -> AnswerValue:
    try:
        return question.check_value(value)
    except AnswerValueError as error:
        raise EditError(str(error)) from None


def _first_message(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = plain_message(first)
    return f"{where}: {message}" if where else message


def _check_choice(value: object, choices: Any, what: str) -> None:
    allowed = _literal_values(choices)
    if value not in allowed:
        raise EditError(f"{value!r} is not a valid {what} (expected one of {allowed}).")


def _literal_values(annotation: Any) -> list[Any]:
    values: list[Any] = []
    for arg in get_args(annotation):
        if arg is type(None):
            values.append(None)
        else:
            values.extend(_literal_values(arg) if get_args(arg) else [arg])
    return values


def _check_row(row: int, rows: Sequence[object], what: str) -> None:
    if not 0 <= row < len(rows):
        raise EditError(f"There is no {what} in row {row + 1}.")
