"""Gaps, statuses, section gaps, alignment, the secondary figures and the agenda, by hand."""

from __future__ import annotations

import pytest
from factories import make_session

from partnerworkshop.model.analysis import (
    AGREE_BELOW,
    CLOSE_UP_TO,
    KAPPA_MIN_QUESTIONS,
    OPEN_ASSUMED_GAP,
    agenda_reason,
    analyse,
    one_line,
    question_gap,
    status_of,
)
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.gaps import kendall_tau_distance
from partnerworkshop.model.session import Answer, Importance
from partnerworkshop.model.template import (
    Option,
    Questionnaire,
    ScalePoint,
    ScaleQuestion,
    Section,
    SingleChoiceQuestion,
)

# --- gaps by kind ------------------------------------------------------------------------------


def test_scale_gap_is_the_distance_over_the_range(small_template: Questionnaire) -> None:
    trust = small_template.question("trust")  # 1-5
    assert question_gap(trust, 2, 5) == pytest.approx(3 / 4)
    assert question_gap(trust, 5, 2) == pytest.approx(3 / 4)
    assert question_gap(trust, 1, 5) == 1.0
    assert question_gap(trust, 3, 3) == 0.0


def test_ordered_single_choice_gap_is_the_distance_between_positions(
    small_template: Questionnaire,
) -> None:
    name = small_template.question("name")  # supplier, account, partner; ordered
    assert question_gap(name, "supplier", "account") == pytest.approx(1 / 2)
    assert question_gap(name, "partner", "supplier") == 1.0
    assert question_gap(name, "account", "account") == 0.0


def test_unordered_single_choice_gap_is_zero_or_one(small_template: Questionnaire) -> None:
    name = small_template.question("name").model_copy(update={"ordered": False})
    assert question_gap(name, "supplier", "account") == 1.0
    assert question_gap(name, "supplier", "partner") == 1.0
    assert question_gap(name, "partner", "partner") == 0.0


def test_multiple_choice_gap_is_the_jaccard_distance(small_template: Questionnaire) -> None:
    brings = small_template.question("brings")
    # Shared: people; chosen by either: money, people, data.
    assert question_gap(brings, ["money", "people"], ["people", "data"]) == pytest.approx(2 / 3)
    assert question_gap(brings, ["money", "people", "data"], ["money", "people"]) == pytest.approx(
        1 / 3
    )
    assert question_gap(brings, ["money"], ["brand"]) == 1.0
    assert question_gap(brings, [], ["brand"]) == 1.0
    assert question_gap(brings, [], []) == 0.0


def test_split_gap_is_the_difference_of_shares_over_100(small_template: Questionnaire) -> None:
    costs = small_template.question("costs")
    assert question_gap(costs, 80, 50) == pytest.approx(0.3)
    assert question_gap(costs, 0, 100) == 1.0
    assert question_gap(costs, 35, 35) == 0.0


def test_ranking_gap_is_the_normalised_kendall_tau_distance(small_template: Questionnaire) -> None:
    priorities = small_template.question("priorities")
    same = ["price", "service", "joint"]
    assert question_gap(priorities, same, same) == 0.0
    assert question_gap(priorities, same, ["joint", "service", "price"]) == 1.0
    # One of three pairs (price, service) in the other order.
    assert question_gap(priorities, same, ["service", "price", "joint"]) == pytest.approx(1 / 3)
    # Two of six pairs: (a, b) and (c, d).
    assert kendall_tau_distance(list("abcd"), list("badc")) == pytest.approx(2 / 6)
    assert kendall_tau_distance(list("abcd"), list("dcba")) == 1.0


def test_free_text_has_no_gap(small_template: Questionnaire) -> None:
    assert question_gap(small_template.question("success"), "Growth.", "Growth.") is None


# --- statuses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gap", "status"),
    [
        (0.0, "agree"),
        (AGREE_BELOW / 2, "agree"),
        (AGREE_BELOW, "close"),
        (0.1, "close"),
        (CLOSE_UP_TO, "close"),
        (CLOSE_UP_TO + 1e-9, "apart"),
        (1.0, "apart"),
        (None, "open"),
    ],
)
def test_status_thresholds(gap: float | None, status: str) -> None:
    assert status_of(gap) == status


def test_one_step_on_a_five_point_scale_is_close_and_two_are_apart(
    small_template: Questionnaire,
) -> None:
    analysis = analyse(make_session(small_template, {"trust": 3}, {"trust": 4}))
    assert analysis.question("trust").status == "close"
    analysis = analyse(make_session(small_template, {"trust": 3}, {"trust": 5}))
    assert analysis.question("trust").status == "apart"


def test_unanswered_and_not_sure_questions_are_open(small_template: Questionnaire) -> None:
    session = make_session(
        small_template,
        {"trust": 3, "name": Answer(value="supplier", not_sure=True), "costs": 50},
        {"trust": 3, "name": "supplier", "brings": ["money"]},
    )
    analysis = analyse(session)
    assert analysis.question("trust").status == "agree"
    for question_id in ("name", "brings", "costs", "priorities"):
        result = analysis.question(question_id)
        assert (result.status, result.gap) == ("open", None), question_id
    assert analysis.question("name").unsure == ("A",)
    assert analysis.question("name").answer_a == "Supplier"


def test_free_text_is_read_together_not_scored(small_template: Questionnaire) -> None:
    session = make_session(small_template, {"success": "Growth."}, {"success": "Growth."})
    analysis = analyse(session)
    success = analysis.question("success")
    assert success.read_together
    assert (success.gap, success.status) == (None, "open")
    assert [result.question_id for result in analysis.read_together] == ["success"]
    assert analysis.scored == 0
    assert analysis.alignment is None
    assert "success" not in [item.question_id for item in analysis.agenda]


# --- sections, alignment and the secondary figures ---------------------------------------------


def _answer(value: int | str | list[str], importance: Importance = "normal") -> Answer:
    return Answer(value=value, importance=importance)


def test_section_gaps_and_alignment_are_importance_weighted(small_template: Questionnaire) -> None:
    session = make_session(
        small_template,
        {
            "trust": _answer(2, "high"),
            "name": _answer("supplier", "low"),
            "costs": _answer(80, "normal"),
            "priorities": _answer(["price", "service", "joint"], "low"),
            "success": _answer("Growth.", "high"),
        },
        {
            "trust": _answer(5, "high"),  # gap 3/4, weight (3 + 3) / 2 = 3
            "name": _answer("account", "low"),  # gap 1/2, weight 1
            "costs": _answer(50, "high"),  # gap 0.3, weight (2 + 3) / 2 = 2.5
            "priorities": _answer(["price", "service", "joint"], "normal"),  # 0, weight 1.5
            "success": _answer("Scale.", "high"),  # free text: not in the figures
        },
    )
    analysis = analyse(session)
    assert analysis.question("trust").importance == 3.0
    assert analysis.question("costs").importance == 2.5
    basics, sharing = analysis.sections
    assert (basics.section_id, basics.title, basics.scored) == ("basics", "Basics", 2)
    assert basics.gap == pytest.approx((0.75 * 3 + 0.5 * 1) / (3 + 1))
    assert sharing.gap == pytest.approx((0.3 * 2.5 + 0 * 1.5) / (2.5 + 1.5))
    assert analysis.scored == 4
    assert analysis.alignment == pytest.approx(100 * (1 - 3.5 / 8))
    assert analysis.agreement.exact_percent == pytest.approx(25.0)
    assert analysis.agreement.exact_n == 4


def test_a_section_with_nothing_scored_has_no_gap(small_template: Questionnaire) -> None:
    analysis = analyse(make_session(small_template, {"trust": 1}, {"trust": 2}))
    basics, sharing = analysis.sections
    assert basics.gap == pytest.approx(0.25)
    assert (sharing.gap, sharing.scored) == (None, 0)


def _scales_template(five_point: int, ten_point: int) -> Questionnaire:
    def scale(question_id: str, lowest: int, highest: int) -> ScaleQuestion:
        points = [ScalePoint(value=v, label=f"Point {v}") for v in range(lowest, highest + 1)]
        return ScaleQuestion(id=question_id, prompt="How much?", help="Pick one.", points=points)

    return Questionnaire(
        id="scales",
        version="1",
        title="Scales",
        sections=[
            Section(
                id="ten",
                title="Ten-point scales",
                questions=[scale(f"ten{i}", 0, 10) for i in range(ten_point)],
            ),
            Section(
                id="five",
                title="Five-point scales",
                questions=[scale(f"five{i}", 1, 5) for i in range(five_point)],
            ),
        ],
    )


def test_kappa_uses_the_most_common_scale_and_warns_when_few(small_template: Questionnaire) -> None:
    template = _scales_template(five_point=KAPPA_MIN_QUESTIONS, ten_point=2)
    ratings_a = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]
    ratings_b = [1, 2, 3, 4, 5, 2, 3, 4, 5, 5]
    answers_a: dict[str, int | str | list[str] | Answer] = {"ten0": 0, "ten1": 10}
    answers_b: dict[str, int | str | list[str] | Answer] = {"ten0": 10, "ten1": 0}
    for number, (a, b) in enumerate(zip(ratings_a, ratings_b, strict=True)):
        answers_a[f"five{number}"] = a
        answers_b[f"five{number}"] = b
    figures = analyse(make_session(template, answers_a, answers_b)).agreement
    assert figures.kappa_scale == (1, 5)
    assert figures.kappa_n == KAPPA_MIN_QUESTIONS
    assert not figures.kappa_too_few
    # Observed: four pairs one point apart; expected from the two sets of ratings, by hand:
    # n = 10, sum a = 30, sum b = 34, sum a^2 = 110, sum b^2 = 134.
    observed = 4 * 10
    expected = 10 * (110 + 134) - 2 * 30 * 34
    assert figures.kappa == pytest.approx(1 - observed / expected)

    few = {key: value for key, value in answers_b.items() if key not in ("five8", "five9")}
    figures = analyse(make_session(template, answers_a, few)).agreement
    assert (figures.kappa_n, figures.kappa_too_few) == (KAPPA_MIN_QUESTIONS - 2, True)


def test_kappa_on_a_tie_takes_the_scale_met_first_and_is_none_without_variation() -> None:
    template = _scales_template(five_point=2, ten_point=2)
    same = {"ten0": 5, "ten1": 5, "five0": 3, "five1": 3}
    figures = analyse(make_session(template, same, same)).agreement
    assert (figures.kappa_scale, figures.kappa_n) == ((0, 10), 2)
    assert figures.kappa is None, "every answer the same: chance cannot disagree"
    assert figures.exact_percent == 100.0


def test_no_answers_give_no_figures(small_template: Questionnaire) -> None:
    analysis = analyse(make_session(small_template))
    assert (analysis.alignment, analysis.scored) == (None, 0)
    figures = analysis.agreement
    assert (figures.exact_percent, figures.exact_n) == (None, 0)
    assert (figures.kappa, figures.kappa_n, figures.kappa_scale) == (None, 0, None)
    assert figures.kappa_too_few
    assert all(section.gap is None for section in analysis.sections)


# --- the agenda --------------------------------------------------------------------------------


def test_agenda_order_priorities_and_reasons(small_template: Questionnaire) -> None:
    session = make_session(
        small_template,
        {
            "trust": _answer(2, "high"),
            "name": _answer("supplier", "low"),
            "costs": _answer(80, "normal"),
            "priorities": _answer(["price", "service", "joint"]),
            "success": _answer("Growth."),
        },
        {
            "trust": _answer(5, "high"),
            "name": _answer("account", "low"),
            "costs": _answer(50, "high"),
            "priorities": _answer(["service", "price", "joint"]),  # gap 1/3: apart
        },
    )
    agenda = analyse(session).agenda
    assert [(item.question_id, item.status) for item in agenda] == [
        ("trust", "apart"),  # 3/4 x 3 = 2.25
        ("brings", "open"),  # assumed gap x normal importance = 0.5 x 2 = 1
        ("costs", "apart"),  # 0.3 x 2.5 = 0.75
        ("priorities", "apart"),  # 1/3 x 2
        ("name", "apart"),  # 1/2 x 1
    ]
    assert [item.priority for item in agenda] == pytest.approx(
        [2.25, OPEN_ASSUMED_GAP * 2, 0.75, 2 / 3, 0.5]
    )
    reasons = {item.question_id: item.reason for item in agenda}
    assert reasons["trust"] == "Northwind: 2 (Point 2); Contoso: 5 (Point 5)"
    assert reasons["costs"] == "Northwind: we carry 80% of the costs; Contoso: 50/50"
    assert reasons["brings"] == "Neither Northwind nor Contoso has answered yet"
    assert reasons["name"] == "Northwind: Supplier; Contoso: Account"
    assert reasons["priorities"] == (
        "Northwind: Price > Service > Joint; Contoso: Service > Price > Joint"
    )


def test_agenda_ties_keep_the_questionnaire_order(small_template: Questionnaire) -> None:
    # Everything open with the same importance: the same priority, so questionnaire order.
    agenda = analyse(make_session(small_template)).agenda
    assert [item.question_id for item in agenda] == [
        "trust",
        "name",
        "brings",
        "costs",
        "priorities",
    ]
    assert {item.priority for item in agenda} == {OPEN_ASSUMED_GAP * 2}


def test_close_and_agreed_questions_stay_off_the_agenda(small_template: Questionnaire) -> None:
    answers: dict[str, int | str | list[str] | Answer] = {
        "trust": 3,
        "name": "account",
        "brings": [],
        "costs": 50,
        "priorities": ["joint", "service", "price"],
    }
    agenda = analyse(make_session(small_template, answers, {**answers, "trust": 4})).agenda
    assert agenda == ()


@pytest.mark.parametrize(
    ("answer_a", "answer_b", "reason"),
    [
        (
            Answer(value=3, not_sure=True),
            Answer(value=4),
            "Northwind is not sure; Contoso: 4 (Point 4)",
        ),
        (Answer(value=3), Answer(), "Contoso has not answered yet; Northwind: 3 (Point 3)"),
        (Answer(not_sure=True), Answer(value=2), "Northwind is not sure; Contoso: 2 (Point 2)"),
        (
            Answer(value=3, not_sure=True),
            Answer(not_sure=True),
            "Both Northwind and Contoso are not sure",
        ),
        (Answer(), Answer(not_sure=True), "Northwind has not answered yet; Contoso is not sure"),
    ],
)
def test_reasons_for_open_questions_say_who(
    small_template: Questionnaire, answer_a: Answer, answer_b: Answer, reason: str
) -> None:
    names = {"A": "Northwind", "B": "Contoso"}
    trust = small_template.question("trust")
    assert agenda_reason(trust, answer_a, answer_b, names) == reason


def test_reasons_stay_on_one_short_line() -> None:
    long_label = "A very long option label that goes on\nand on " * 5
    question = SingleChoiceQuestion(
        id="q",
        prompt="Which?",
        help="Pick one.",
        options=[Option(id="long", label=long_label.strip()[:400]), Option(id="short", label="B")],
    )
    names = {"A": "North\nwind " * 20, "B": "Contoso"}
    reason = agenda_reason(question, Answer(value="long"), Answer(value="short"), names)
    assert "\n" not in reason
    assert len(reason) < 140
    assert reason.endswith("; Contoso: B")
    assert "…" in reason


def test_one_line_cuts_after_a_word() -> None:
    assert one_line("  short \n text ", 20) == "short text"
    assert one_line("the quick brown fox jumps over the lazy dog", 20) == "the quick brown fox…"
    assert len(one_line("x" * 100, 20)) == 20


def test_the_example_session() -> None:
    analysis = analyse(example_session())
    assert len(analysis.questions) == 46
    assert analysis.scored == 40
    assert analysis.agenda[0].question_id == "name.kind_in_mind"
    assert analysis.agenda[0].reason == "Northwind: A key account; Contoso: A strategic partnership"
    costs = next(item for item in analysis.agenda if item.question_id == "sharing.costs")
    assert costs.reason == "Northwind: we carry 10% of the costs; Contoso: 50/50"
    rewards = next(item for item in analysis.agenda if item.question_id == "sharing.rewards")
    assert rewards.status == "open"
    assert rewards.reason == "Northwind is not sure; Contoso: 50/50"
    assert [result.question_id for result in analysis.read_together] == [
        "name.in_our_words",
        "success.one_sentence",
        "change.deal_breakers",
    ]
    assert analysis.agreement.kappa_scale == (1, 5)
    assert analysis.status_counts() == {"agree": 4, "close": 4, "apart": 32, "open": 6}
