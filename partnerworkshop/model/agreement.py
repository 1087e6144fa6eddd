"""What the room still has to settle, whether the session is agreed, and a first draft of the
agreed definition.

A question *needs settling* when the parties are apart on it, when it is open (unanswered, "not
sure", or free text the room reads together), when someone reopened it, or when their answers
are *close* but not the same: a close question is a *quick item*, settled in one click by
adopting one party's answer (or, for a split, the share both accept). It is *settled* once it is
resolved with its one agreed value (Party A's answer adopted, Party B's adopted, or a position of
the room's own) or parked as an open issue. Only questions both parties answered the same way
are *carried over* without discussion, unless reopened.

Whether the session is *agreed* is derived, never taken on trust: :func:`agreement_check` says
so only when the session is marked agreed and nothing is left to settle, there is an agreed
definition and an agreed kind of relationship, and each party has a named signatory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .analysis import Analysis, analyse
from .base import SIDES, Side
from .kinds import RelationshipKind
from .positions import agreed_positions, party_names, position_of
from .session import AgreementItem, Session
from .template import Question, Section, SingleChoiceQuestion, SplitQuestion

AgreementStatus = Literal["draft", "agreed"]

KIND_MEANINGS: dict[RelationshipKind, str] = {
    RelationshipKind.PURCHASE_ORDER: (
        "One side buys and the other supplies, on agreed terms; each looks after its own "
        "interests and either could change partner without great cost."
    ),
    RelationshipKind.KEY_ACCOUNT: (
        "One side is an important customer of the other, which serves it with agreed service "
        "levels and terms; the customer decides what it needs and the supplier delivers it."
    ),
    RelationshipKind.AFFILIATE: (
        "One side brings the other business or audiences in return for a commission or fee; "
        "each runs its own operations."
    ),
    RelationshipKind.SPONSORSHIP: (
        "One side pays to be associated with the other's brand, event or audience, in return "
        "for agreed visibility and rights."
    ),
    RelationshipKind.STRATEGIC_PARTNERSHIP: (
        "The parties create value together that neither could create alone; they share "
        "responsibilities, costs, risks and rewards, decide jointly, and commit for the long term."
    ),
    RelationshipKind.PUBLIC_COLLABORATION: (
        "The parties work together for a public or social purpose rather than for revenue, "
        "sharing responsibility for outcomes that matter to the people they serve."
    ),
}


def _item(session: Session, question_id: str) -> AgreementItem:
    return session.agreement.items.get(question_id) or AgreementItem()


@dataclass(frozen=True)
class AgreementProgress:
    """Where the room stands: the questions to settle, and how many are resolved or parked."""

    to_settle: tuple[str, ...]
    """The questions that need (or needed) the room's decision, most pressing first."""
    quick: frozenset[str]
    """The questions among them whose answers are close: settled by adopting one answer."""
    carried_over: tuple[str, ...]
    """The questions both parties answered the same way, taken over as they are."""
    resolved_items: frozenset[str]
    """The questions to settle that hold their one agreed value (or wording)."""
    parked_items: frozenset[str]

    @property
    def resolved(self) -> int:
        return len(self.resolved_items)

    @property
    def parked(self) -> int:
        return len(self.parked_items)

    @property
    def total(self) -> int:
        return len(self.to_settle)

    @property
    def unsettled(self) -> int:
        return self.total - self.resolved - self.parked

    @property
    def can_be_agreed(self) -> bool:
        return self.unsettled == 0

    def is_settled(self, question_id: str) -> bool:
        return question_id in self.resolved_items or question_id in self.parked_items


def agreement_progress(session: Session, analysis: Analysis | None = None) -> AgreementProgress:
    analysis = analysis or analyse(session)
    place = {result.question_id: index for index, result in enumerate(analysis.questions)}
    # (-priority, place in the questionnaire, id): the most pressing first, ties in order.
    pressing = [
        (-item.priority, place[item.question_id], item.question_id) for item in analysis.agenda
    ]
    quick = [result for result in analysis.questions if result.status == "close"]
    for result in quick:
        assert result.gap is not None
        pressing.append(
            (-result.gap * result.importance, place[result.question_id], result.question_id)
        )
    read_together = [result.question_id for result in analysis.read_together]
    needs = {question_id for _, _, question_id in pressing} | set(read_together)
    carried: list[str] = []
    taken_up: list[str] = []
    for result in analysis.questions:
        question_id = result.question_id
        if question_id in needs:
            continue
        item = _item(session, question_id)
        if item.reopened or item.resolution is not None:
            taken_up.append(question_id)  # taken up by the room although the parties agreed
        else:
            carried.append(question_id)
    to_settle = (
        tuple(question_id for _, _, question_id in sorted(pressing))
        + tuple(read_together)
        + tuple(taken_up)
    )
    resolved: set[str] = set()
    parked: set[str] = set()
    for question_id in to_settle:
        resolution = _item(session, question_id).resolution
        if resolution == "parked":
            parked.add(question_id)
        elif resolution is not None and position_of(session, question_id).is_agreed:
            resolved.add(question_id)
    return AgreementProgress(
        to_settle=to_settle,
        quick=frozenset(result.question_id for result in quick),
        carried_over=tuple(carried),
        resolved_items=frozenset(resolved),
        parked_items=frozenset(parked),
    )


def halfway_share(session: Session, question_id: str) -> int | None:
    """The share halfway between the two parties' answers to a split, for the room to agree in
    one click; None unless the question is a split both parties answered.

    Shares are whole percentages, so an odd midpoint (35 and 40) is rounded toward the even
    split (38): neither party is favoured, and swapping the parties mirrors the share.
    """
    if not isinstance(session.template.question(question_id), SplitQuestion):
        return None
    share_a, share_b = (session.answer(side, question_id).value for side in SIDES)
    if not isinstance(share_a, int) or not isinstance(share_b, int):
        return None
    doubled = share_a + share_b
    if doubled % 2 == 0:
        return doubled // 2
    return (doubled + 1) // 2 if doubled < 100 else (doubled - 1) // 2


def agenda_by_theme(
    session: Session, progress: AgreementProgress
) -> list[tuple[Section, tuple[str, ...]]]:
    """The questions to settle grouped by section, each section's in questionnaire order.

    The section of the most pressing question comes first, then the section of the most
    pressing question left, and so on.
    """
    template = session.template
    rank = {question_id: place for place, question_id in enumerate(progress.to_settle)}
    order = {question.id: place for place, question in enumerate(template.questions())}
    groups: list[tuple[Section, tuple[str, ...]]] = []
    for section in template.sections:
        ids = tuple(
            sorted((q.id for q in section.questions if q.id in rank), key=order.__getitem__)
        )
        if ids:
            groups.append((section, ids))
    return sorted(groups, key=lambda group: min(rank[question_id] for question_id in group[1]))


@dataclass(frozen=True)
class AgreementCheck:
    """Whether the session is agreed, and what "agreed" still needs, in plain sentences.

    ``status`` is "agreed" only when the session is marked agreed (``marked``) and ``missing``
    is empty. ``missing`` lists what is lacking whether or not the session is marked agreed, so
    an empty list with a draft status means the session is ready to be marked agreed.
    """

    status: AgreementStatus
    missing: tuple[str, ...]
    marked: bool
    unsettled: int = 0
    """How many questions are still to be settled."""
    without_definition: bool = False
    without_kind: bool = False
    without_signatory: tuple[Side, ...] = ()
    """The parties with no named signatory."""

    @property
    def ready(self) -> bool:
        """Whether the session may be marked agreed."""
        return not self.missing

    @property
    def claimed_wrongly(self) -> bool:
        """Marked agreed, although what "agreed" needs is not all there."""
        return self.marked and not self.ready


def agreement_check(
    session: Session,
    analysis: Analysis | None = None,
    progress: AgreementProgress | None = None,
) -> AgreementCheck:
    """The derived status of the agreement; see the module text for what "agreed" needs."""
    progress = progress or agreement_progress(session, analysis)
    agreement = session.agreement
    missing: list[str] = []
    unsettled = progress.unsettled
    if unsettled == 1:
        missing.append("1 question is still to be settled: resolve it or park it.")
    elif unsettled:
        missing.append(
            f"{unsettled} questions are still to be settled: resolve or park each of them."
        )
    if not agreement.definition.strip():
        missing.append("There is no agreed definition yet.")
    if agreement.agreed_kind is None:
        missing.append("The agreed kind of relationship is not chosen yet.")
    names = dict(zip(SIDES, party_names(session), strict=True))
    unsigned = tuple(
        side
        for side in SIDES
        if not any(
            signatory.party == side and signatory.name.strip()
            for signatory in agreement.signatories
        )
    )
    missing.extend(f"{names[side]} has no named signatory yet." for side in unsigned)
    marked = agreement.status == "agreed"
    return AgreementCheck(
        status="agreed" if marked and not missing else "draft",
        missing=tuple(missing),
        marked=marked,
        unsettled=unsettled,
        without_definition=not agreement.definition.strip(),
        without_kind=agreement.agreed_kind is None,
        without_signatory=unsigned,
    )


def kind_question(session: Session) -> SingleChoiceQuestion | None:
    """The question that asks which kind of relationship the parties have in mind, if any."""
    for question in session.template.questions():
        if isinstance(question, SingleChoiceQuestion) and question.asks_kind:
            return question
    return None


def proposed_kind(session: Session) -> tuple[RelationshipKind, Question] | None:
    """The kind of relationship the agreed answer to the kind question names, and that question."""
    question = kind_question(session)
    if question is None:
        return None
    position = position_of(session, question.id)
    if not position.is_agreed or not isinstance(position.value, str):
        return None
    kind = question.option(position.value).kind
    return None if kind is None else (kind, question)


def agreed_kind_sentence(session: Session) -> str:
    names = (
        session.parties.A.organisation or session.parties.A.display_name("A"),
        session.parties.B.organisation or session.parties.B.display_name("B"),
    )
    kind = session.agreement.agreed_kind
    if kind is None:
        return (
            f"{names[0]} and {names[1]} have not yet agreed which kind of relationship theirs is."
        )
    article = "an" if kind.label[0] in "aeiou" else "a"
    return (
        f"{names[0]} and {names[1]} agree that their relationship is {article} {kind.label}. "
        f"{KIND_MEANINGS[kind]}"
    )


def draft_definition(session: Session) -> str:
    """A first draft of the agreed definition, written from the agreed kind and positions.

    Deterministic: the same session always gives the same text. One paragraph names the kind of
    relationship and what it means; then, for each section with agreed positions, its title and
    a paragraph of their statements. Questions without an agreed position are left out.
    """
    paragraphs = [agreed_kind_sentence(session)]
    by_section: dict[str, list[str]] = {}
    for position in agreed_positions(session):
        if position.statement:
            by_section.setdefault(position.section.id, []).append(position.statement)
    for section in session.template.sections:
        if section.id in by_section:
            paragraphs.append(f"{section.title}\n" + " ".join(by_section[section.id]))
    return "\n\n".join(paragraphs) + "\n"
