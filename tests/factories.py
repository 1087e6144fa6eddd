"""Objects that several tests build: a small questionnaire with one question of every kind, and
sessions with given answers."""

from __future__ import annotations

from datetime import date

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.kinds import RelationshipKind as K
from partnerworkshop.model.session import (
    ActionItem,
    AgreementItem,
    Answer,
    Parties,
    Party,
    PartyAnswers,
    Session,
    Signatory,
)
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


def agree_on_example(session: Session) -> SessionEditor:
    """The example session after a realistic Agree step: most agenda items resolved in
    different ways, two parked, a definition, action items and two signatories per party."""
    editor = SessionEditor(session)
    editor.resolve("name.kind_in_mind", "adopt_b")
    editor.resolve(
        "name.what_we_call_it",
        "agreed",
        value="partner",
        wording="Each calls the other its partner, internally and externally.",
    )
    editor.resolve("purpose.main_reason", "adopt_b")
    editor.resolve("purpose.more_together", "agreed", value=4)
    editor.resolve("purpose.shared_goal", "agreed", value=4)
    editor.resolve("contribution.work", "agreed", value=70)
    editor.resolve("contribution.beyond_agreed", "adopt_b")
    editor.resolve(
        "sharing.costs",
        "agreed",
        value=40,
        wording="Northwind carries 40% of the costs of the joint work, Contoso 60%.",
    )
    editor.resolve("sharing.risks", "agreed", value=50)
    editor.resolve("sharing.payment_model", "adopt_b")
    editor.resolve("governance.who_decides", "adopt_b")
    editor.resolve("governance.decision_say", "agreed", value=50)
    editor.resolve("governance.management", "adopt_b")
    editor.resolve("governance.disagreements", "adopt_b")
    editor.resolve("equity.equal_voice", "agreed", value=4)
    editor.resolve("equity.dependence", "adopt_b")
    editor.resolve(
        "transparency.openness",
        "agreed",
        value=4,
        wording="Open books on the costs of the joint work; each side keeps its margins to itself.",
    )
    editor.resolve("transparency.information", "adopt_b")
    editor.resolve("commitment.horizon", "adopt_b")
    editor.set_item_notes("commitment.horizon", "Three years, with a review after the first.")
    editor.resolve("commitment.replaceability", "agreed", value=3)
    editor.resolve("service.looked_after", "adopt_a")
    editor.resolve("service.discounts", "adopt_a")
    editor.resolve("success.review", "adopt_b")
    editor.resolve("success.learning", "adopt_b")
    editor.resolve(
        "success.one_sentence",
        "agreed",
        wording="By 2029 Contoso's wards get the right supplies at the right time with half the "
        "stock on site, and Northwind's service levels never slip.",
    )
    editor.resolve("change.when_things_change", "adopt_b")
    # The answers to these two were close: settled in one go, each with its own value.
    editor.settle_items(
        [
            ("name.importance", "adopt_b", 5),
            (
                "contribution.want_from_them",
                "adopt_a",
                ["priority", "on_terms", "joint_ideas", "visibility", "public_reach", "sales"],
            ),
        ]
    )
    editor.park("sharing.rewards", "Finance leads of both organisations", date(2026, 6, 30))
    editor.park("change.ending", "Legal teams of both organisations", date(2026, 7, 15))
    editor.set_definition(
        "Northwind Logistics and Contoso Health are strategic partners in redesigning how "
        "supplies reach Contoso's wards.\n"
        "They share the investment, the decisions and the savings of a joint replenishment "
        "service, decide together through a joint steering group, and commit to the partnership "
        "for at least three years."
    )
    editor.set_agreed_kind(RelationshipKind.STRATEGIC_PARTNERSHIP)
    editor.add_action_item(
        ActionItem(
            what="Draft the business case for the joint replenishment service",
            owner_party="A",
            owner="Sarah Okafor",
            due=date(2026, 6, 12),
        )
    )
    editor.add_action_item(
        ActionItem(
            what="Share three months of ward stock data",
            owner_party="B",
            owner="Zoë Łukasiewicz",
            due=date(2026, 5, 29),
            status="in_progress",
        )
    )
    editor.add_action_item(
        ActionItem(
            what="Propose the joint steering group's terms of reference",
            owner_party="B",
            owner="Dr Helen Marsh",
            due=date(2026, 6, 30),
        )
    )
    if not session.agreement.signatories:  # the example names them already
        for party, name, title in (
            ("A", "James Whitfield", "Regional Director, North"),
            ("A", "Sarah Okafor", "Key Account Manager, Healthcare"),
            ("B", "Dr Helen Marsh", "Director of Operations"),
            ("B", "Zoë Łukasiewicz", "Head of Supply Chain"),
        ):
            editor.add_signatory(Signatory(party=party, name=name, title=title))
    return editor


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


def park_the_rest(editor: SessionEditor) -> None:
    """Park every question still to settle, so the session may be marked agreed."""
    from partnerworkshop.model.agreement import agreement_progress

    session = editor.session
    progress = agreement_progress(session)
    for question_id in progress.to_settle:
        if (session.agreement.items.get(question_id) or AgreementItem()).resolution is None:
            editor.park(question_id, "Both parties", None)


def individual_example(*, anonymous: bool = False) -> Session:
    """The example session, with Northwind's two representatives answering individually: James
    Whitfield as Northwind answered, Sarah Okafor as Contoso did."""
    session = example_session()
    northwind = session.parties.A
    northwind.answering = "individually"
    northwind.anonymous = anonymous
    james, sarah = (representative.id for representative in northwind.representatives)
    session.individual.A.by_representative = {
        james: dict(session.answers.A),
        sarah: dict(session.answers.B),
    }
    return Session.model_validate(session.model_dump())
