"""What the room still has to settle, and a first draft of the agreed definition.

A question *needs settling* when the parties are apart on it, when it is open (unanswered, "not
sure", or free text the room reads together), or when someone reopened it. It is *settled* once
it is resolved (Party A's answer adopted, Party B's adopted, or a new position agreed) or parked
as an open issue with an owner. Questions the parties already agree on, or are close on, are
*carried over* without discussion unless reopened.

The session can be marked *agreed* only when nothing needs settling any more.
"""

from __future__ import annotations

from dataclasses import dataclass

from .analysis import Analysis, analyse
from .kinds import RelationshipKind
from .positions import AgreedPosition, agreed_positions
from .session import AgreementItem, Session
from .template import SplitQuestion

SETTLED = ("adopt_a", "adopt_b", "agreed")

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
    carried_over: tuple[str, ...]
    """The questions the parties already agree or are close on, taken over as they are."""
    resolved: int
    parked: int

    @property
    def total(self) -> int:
        return len(self.to_settle)

    @property
    def unsettled(self) -> int:
        return self.total - self.resolved - self.parked

    @property
    def can_be_agreed(self) -> bool:
        return self.unsettled == 0


def agreement_progress(session: Session, analysis: Analysis | None = None) -> AgreementProgress:
    analysis = analysis or analyse(session)
    agenda = [item.question_id for item in analysis.agenda]
    read_together = [result.question_id for result in analysis.read_together]
    needs = set(agenda) | set(read_together)
    carried: list[str] = []
    reopened: list[str] = []
    for result in analysis.questions:
        question_id = result.question_id
        if question_id in needs:
            continue
        item = _item(session, question_id)
        if item.reopened or item.resolution is not None:
            reopened.append(question_id)  # taken up by the room although the parties agreed
        else:
            carried.append(question_id)
    to_settle = tuple(agenda + read_together + reopened)
    resolutions = [_item(session, question_id).resolution for question_id in to_settle]
    return AgreementProgress(
        to_settle=to_settle,
        carried_over=tuple(carried),
        resolved=sum(resolution in SETTLED for resolution in resolutions),
        parked=sum(resolution == "parked" for resolution in resolutions),
    )


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


def _position_text(session: Session, position: AgreedPosition) -> str | None:
    """An agreed position in words for the draft; None when there is no single position."""
    if not position.is_agreed or position.close_values is not None:
        return None
    if position.wording.strip():
        return position.wording.strip()
    value = position.value
    if value is None:
        return None
    question = position.question
    if isinstance(question, SplitQuestion) and isinstance(value, int):
        return (
            f"{session.parties.A.display_name('A')} carries {value}% of {question.topic} and "
            f"{session.parties.B.display_name('B')} {100 - value}%"
        )
    return question.describe_value(value)


def draft_definition(session: Session) -> str:
    """A first draft of the agreed definition, assembled from the agreed kind and positions.

    Deterministic: the same session always gives the same text. One paragraph names the kind of
    relationship and what it means; then one paragraph per section lists, question by question,
    what was agreed. Questions without an agreed position are left out.
    """
    paragraphs = [agreed_kind_sentence(session)]
    by_section: dict[str, list[str]] = {}
    for position in agreed_positions(session):
        text = _position_text(session, position)
        if text:
            by_section.setdefault(position.section.id, []).append(
                f"- {position.question.prompt} {_sentence(text)}"
            )
    for section in session.template.sections:
        if section.id in by_section:
            paragraphs.append(f"{section.title}\n" + "\n".join(by_section[section.id]))
    return "\n\n".join(paragraphs) + "\n"


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
