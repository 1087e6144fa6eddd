"""Objects that several tests build: a small questionnaire with one question of every kind, and
sessions with given answers."""

from __future__ import annotations

from partnerworkshop.model.kinds import RelationshipKind as K
from partnerworkshop.model.session import Answer, Parties, Party, PartyAnswers, Session
from partnerworkshop.model.template import (
    MultipleChoiceQuestion,
    Option,
    Questionnaire,
    RankingQuestion,
    ScalePoint,
    ScaleQuestion,
    Section,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)


def _option(option_id: str, kind: K | None = None) -> Option:
    return Option(id=option_id, label=option_id.title(), signals={kind: 1.0} if kind else {})


def make_small_template() -> Questionnaire:
    """A questionnaire with one question of every kind, for tests."""
    scale_points = [
        ScalePoint(
            value=value, label=f"Point {value}", signals={K.STRATEGIC_PARTNERSHIP: value / 5}
        )
        for value in range(1, 6)
    ]
    return Questionnaire(
        id="small",
        version="1.0",
        title="Small questionnaire",
        sections=[
            Section(
                id="basics",
                title="Basics",
                questions=[
                    ScaleQuestion(
                        id="trust",
                        prompt="How much do you trust them?",
                        help="Be honest.",
                        points=scale_points,
                    ),
                    SingleChoiceQuestion(
                        id="name",
                        prompt="What do you call it?",
                        help="Pick one.",
                        options=[
                            _option("supplier", K.PURCHASE_ORDER),
                            _option("account", K.KEY_ACCOUNT),
                            _option("partner", K.STRATEGIC_PARTNERSHIP),
                        ],
                        ordered=True,
                    ),
                    MultipleChoiceQuestion(
                        id="brings",
                        prompt="What does each side bring?",
                        help="Pick any.",
                        options=[
                            _option("money", K.SPONSORSHIP),
                            _option("people"),
                            _option("data"),
                            _option("brand", K.SPONSORSHIP),
                        ],
                    ),
                ],
            ),
            Section(
                id="sharing",
                title="Sharing",
                questions=[
                    SplitQuestion(
                        id="costs",
                        prompt="Who carries the costs?",
                        help="Percent carried by Party A.",
                        topic="the costs",
                        signals_even={K.STRATEGIC_PARTNERSHIP: 1.0},
                        signals_one_sided={K.KEY_ACCOUNT: 1.0},
                    ),
                    RankingQuestion(
                        id="priorities",
                        prompt="Rank what matters.",
                        help="Most important first.",
                        options=[
                            _option("price", K.PURCHASE_ORDER),
                            _option("service", K.KEY_ACCOUNT),
                            _option("joint", K.STRATEGIC_PARTNERSHIP),
                        ],
                    ),
                    TextQuestion(
                        id="success",
                        prompt="What is success?",
                        help="One sentence.",
                        required=False,
                    ),
                ],
            ),
        ],
    )


AnswerSpec = Answer | int | str | list[str]


def make_session(
    template: Questionnaire,
    answers_a: dict[str, AnswerSpec] | None = None,
    answers_b: dict[str, AnswerSpec] | None = None,
) -> Session:
    """A session of Northwind (A) and Contoso (B) with these answers (values or Answers)."""

    def answers(specs: dict[str, AnswerSpec] | None) -> dict[str, Answer]:
        return {
            question_id: spec if isinstance(spec, Answer) else Answer(value=spec)
            for question_id, spec in (specs or {}).items()
        }

    return Session(
        template=template,
        parties=Parties(
            A=Party(organisation="Northwind Logistics", label="Northwind", colour="#1F5F8B"),
            B=Party(organisation="Contoso Health", label="Contoso", colour="#B5651D"),
        ),
        answers=PartyAnswers(A=answers(answers_a), B=answers(answers_b)),
    )
