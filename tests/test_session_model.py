"""Answers are checked against their question, with messages that name the question."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from partnerworkshop.model.session import Answer, Session
from partnerworkshop.model.template import Questionnaire


def _session_with(
    small_template: Questionnaire, question_id: str, value: object, **extra: object
) -> dict[str, object]:
    return {
        "template": small_template.model_dump(),
        "answers": {"A": {question_id: {"value": value, **extra}}, "B": {}},
    }


@pytest.mark.parametrize(
    ("question_id", "value", "expected"),
    [
        ("trust", 7, 'Question "trust": 7 is outside the scale 1-5'),
        ("trust", "high", 'Question "trust": expected a whole number on the scale'),
        ("name", "friend", 'Question "name": there is no option "friend"'),
        ("brings", ["money", "gold"], 'Question "brings": there is no option "gold"'),
        ("brings", ["money", "money"], 'Question "brings": an option is listed more than once'),
        ("costs", 120, 'Question "costs": a split must be between 0 and 100 percent, got 120'),
        ("costs", -1, 'Question "costs": a split must be between 0 and 100 percent'),
        (
            "priorities",
            ["price", "service"],
            'Question "priorities": a ranking must list every item exactly once',
        ),
        (
            "priorities",
            ["price", "service", "service"],
            'Question "priorities": an option is listed more than once',
        ),
        ("success", 3, 'Question "success": expected text'),
    ],
)
def test_invalid_answers_are_refused_naming_the_question(
    small_template: Questionnaire, question_id: str, value: object, expected: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Session.model_validate(_session_with(small_template, question_id, value))
    assert expected in str(caught.value)


def test_an_answer_to_an_unknown_question_is_refused(small_template: Questionnaire) -> None:
    with pytest.raises(ValidationError, match='there is no question "nope"'):
        Session.model_validate(_session_with(small_template, "nope", 1))


def test_true_is_not_a_scale_value(small_template: Questionnaire) -> None:
    with pytest.raises(ValidationError, match="an answer must be a whole number, a text or a list"):
        Session.model_validate(_session_with(small_template, "trust", True))


def test_valid_answers_of_every_kind_are_accepted(small_template: Questionnaire) -> None:
    answers = {
        "trust": {"value": 4, "importance": "high"},
        "name": {"value": "partner"},
        "brings": {"value": ["money", "data"]},
        "costs": {"value": 50, "comment": "half each"},
        "priorities": {"value": ["joint", "price", "service"]},
        "success": {"value": "We both grow.", "not_sure": True},
    }
    session = Session.model_validate(
        {"template": small_template.model_dump(), "answers": {"A": answers, "B": {}}}
    )
    assert session.answer("A", "trust") == Answer(value=4, importance="high")
    assert session.answer("B", "trust") == Answer()
    assert session.answer("A", "success").is_answered is False


def test_a_pack_holds_only_its_own_party(small_template: Questionnaire) -> None:
    data = {
        "template": small_template.model_dump(),
        "pack_for": "A",
        "answers": {"A": {}, "B": {"trust": {"value": 2}}},
    }
    with pytest.raises(
        ValidationError, match="this answer pack is for Party A but holds Party B's answers"
    ):
        Session.model_validate(data)


def test_bad_party_details_are_refused(small_template: Questionnaire) -> None:
    base = {"template": small_template.model_dump()}
    with pytest.raises(ValidationError, match="colour"):
        Session.model_validate(
            {**base, "parties": {"A": {"colour": "blue"}, "B": {"colour": "#000000"}}}
        )
    with pytest.raises(ValidationError, match="does not look like an e-mail address"):
        Session.model_validate(
            {
                **base,
                "parties": {
                    "A": {"colour": "#000000", "representatives": [{"email": "not an address"}]},
                    "B": {"colour": "#111111"},
                },
            }
        )
