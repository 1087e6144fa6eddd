"""One party's answers coming in from outside the room: from an answer sheet or an answer pack.

Both end the same way. Each incoming answer is compared with what the session holds for that
party: it is new (the session has no answer yet), unchanged (the same answer is there) or a
conflict (the session holds a different answer, importance, comment or "not sure"). A view shows
that plan before anything happens; applying it is one edit, so one undo takes it all back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import PartnerworkshopError
from .base import Side
from .edits import ABSENT, Change, Edit, set_at
from .session import Answer, Session
from .storage import fit_problems
from .template import AnswerValueError, Question, SplitQuestion, TextQuestion, short_text

# The UI names this action "imported answers" in its undo menu.
IMPORT_ACTION = "import"


class AnswersRefused(PartnerworkshopError):
    """Incoming answers that cannot be taken into the session, with every reason in plain words."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class IncomingAnswer:
    question_id: str
    current: Answer | None
    """What the session holds now; None when it holds nothing for this question."""
    incoming: Answer


@dataclass(frozen=True)
class AnswersPlan:
    """What taking one party's (or one representative's) incoming answers into the session
    would change."""

    side: Side
    new: list[IncomingAnswer]
    conflicts: list[IncomingAnswer]
    unchanged: list[IncomingAnswer]
    representative: str | None = None
    """The id of the representative whose individual answers come in; None for the party's."""
    held: Mapping[str, Answer] | None = None
    """The representative's individual answers the session holds now."""
    switches_to_individual: bool = False
    """The party answers as one so far: taking a representative's answers in makes it answer
    individually, and keeps its answers as they are as the party's answers."""

    @property
    def has_conflicts(self) -> bool:
        return bool(self.conflicts)

    def changes(self, *, replace: bool) -> list[Change]:
        """The new answers, and with ``replace`` also those that overwrite different ones."""
        taken = self.new + (self.conflicts if replace else [])
        if self.representative is None:
            return [
                Change(
                    ("answers", self.side, item.question_id),
                    ABSENT if item.current is None else item.current,
                    item.incoming,
                )
                for item in taken
            ]
        if not taken:
            return []
        held = dict(self.held or {})
        updated = {**held, **{item.question_id: item.incoming for item in taken}}
        changes = [
            Change(
                ("individual", self.side, "by_representative", self.representative),
                held or ABSENT,
                updated,
            )
        ]
        if self.switches_to_individual:
            changes.append(Change(("parties", self.side, "answering"), "as_one", "individually"))
        return changes

    def edit(self, *, replace: bool) -> Edit:
        """The changes as one undoable edit, for ``SessionEditor.apply``."""
        return Edit(IMPORT_ACTION, self.changes(replace=replace))


def plan_incoming(
    session: Session,
    side: Side,
    incoming: Mapping[str, Answer],
    representative: str | None = None,
) -> AnswersPlan:
    """Compare a party's incoming answers (or, given ``representative``, that representative's
    individual answers) with the session; raises AnswersRefused if any is bad.

    An incoming answer that says nothing at all (no value, no comment, normal importance) is left
    out: it leaves the session's answer as it is.
    """
    problems: list[str] = []
    if representative is not None:
        try:
            session.party(side).representative(representative)
        except KeyError:
            problems.append(f"Party {side} has no such representative in this session")
    if session.pack_for is not None and side != session.pack_for:
        problems.append(
            f"this session file is an answer pack for Party {session.pack_for}; "
            f"it cannot take Party {side}'s answers"
        )
    template = session.template
    checked: dict[str, Answer] = {}
    for question_id, answer in incoming.items():
        if not template.has_question(question_id):
            problems.append(f'there is no question "{question_id}" in the questionnaire')
            continue
        try:
            checked[question_id] = _checked(template.question(question_id), answer)
        except AnswerValueError as error:
            problems.append(str(error))
    if problems:
        raise AnswersRefused(problems)

    new: list[IncomingAnswer] = []
    conflicts: list[IncomingAnswer] = []
    unchanged: list[IncomingAnswer] = []
    held = (
        session.answers_of(side)
        if representative is None
        else session.representative_answers(side, representative)
    )
    for question in template.questions():
        taken = checked.get(question.id)
        if taken is None or taken.is_empty:
            continue
        current = held.get(question.id)
        item = IncomingAnswer(question.id, current, taken)
        if current is None or current.is_empty:
            new.append(item)
        elif current == taken:
            unchanged.append(item)
        else:
            conflicts.append(item)
    if representative is None:
        plan = AnswersPlan(side, new, conflicts, unchanged)
    else:
        plan = AnswersPlan(
            side,
            new,
            conflicts,
            unchanged,
            representative=representative,
            held=dict(held),
            switches_to_individual=not session.party(side).answers_individually,
        )
    _check_fits(session, plan)
    return plan


def _check_fits(session: Session, plan: AnswersPlan) -> None:
    """Refuse answers that would make the session too large to open again once saved."""
    taken = session.model_copy(deep=True)
    for change in plan.changes(replace=True):
        set_at(taken, change.path, change.new)
    problems = fit_problems(taken)
    if problems:
        raise AnswersRefused([f"with these answers, {problem}" for problem in problems])


def _checked(question: Question, answer: Answer) -> Answer:
    """A copy of the answer with its value checked and in the questionnaire's own order."""
    if answer.not_sure and not question.allow_not_sure:
        raise AnswerValueError(f'Question "{question.id}": "not sure" is not allowed')
    value = None if answer.value is None else question.check_value(answer.value)
    return answer.model_copy(update={"value": value})


# --- in words -----------------------------------------------------------------------------------


def describe_answer(
    session: Session,
    side: Side,
    question_id: str,
    answer: Answer | None,
    compared_with: Answer | None = None,
) -> str:
    """An answer in a few words, e.g. '4 (Agree), importance high, comment "We mean it"'.

    Given ``compared_with``, importance, "not sure" and comment are named only where they differ.
    """
    if answer is None or answer.is_empty:
        return "no answer"
    baseline = compared_with or Answer()

    def named(field: str) -> bool:
        return bool(getattr(answer, field) != getattr(baseline, field))

    question = session.template.question(question_id)
    parts = [_describe_value(session, side, question, answer)]
    if named("importance"):
        parts.append(f"importance {answer.importance}")
    if named("not_sure"):
        parts.append("not sure" if answer.not_sure else "sure")
    if named("comment"):
        parts.append(
            f'comment "{short_text(answer.comment, 40)}"' if answer.comment else "no comment"
        )
    return ", ".join(parts)


def _describe_value(session: Session, side: Side, question: Question, answer: Answer) -> str:
    value = answer.value
    if value is None:
        return "no value"
    if isinstance(question, SplitQuestion):
        assert isinstance(value, int)
        share = value if side == "A" else 100 - value
        return f"{share}% carried by {session.party(side).display_name(side)}"
    if isinstance(question, TextQuestion):
        return f'"{short_text(str(value), 40)}"'
    return question.describe_value(value)


def describe_conflicts(
    session: Session, plan: AnswersPlan, source: str, *, by_wording: bool = False
) -> list[str]:
    """One line per conflict: what the session holds and what ``source`` (e.g. 'the sheet') has.

    Each line starts with the question's id (what a sheet's rows are keyed by) or, with
    ``by_wording``, with the question as people read it.
    """
    side = plan.side
    template = session.template
    return [
        f"{_question_named(template.question(item.question_id), by_wording)}: the session has "
        f"{describe_answer(session, side, item.question_id, item.current, item.incoming)}; "
        f"{source} has "
        f"{describe_answer(session, side, item.question_id, item.incoming, item.current)}"
        for item in plan.conflicts
    ]


def _question_named(question: Question, by_wording: bool) -> str:
    return f'"{short_text(question.prompt, 80)}"' if by_wording else question.id


def describe_outcome(plan: AnswersPlan, *, replace: bool) -> str:
    """What applying the plan did, e.g. '5 new answers, 2 replaced; 3 were the same already'."""
    parts = [_count(len(plan.new), "new answer")]
    if replace and plan.conflicts:
        parts.append(f"{len(plan.conflicts)} replaced")
    text = ", ".join(parts)
    if plan.unchanged:
        same = len(plan.unchanged)
        text += f"; {_count(same, 'answer')} {'was' if same == 1 else 'were'} the same already"
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
