"""Questionnaire templates: structure rules, and the quality of the ones we ship."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from partnerworkshop.model.catalog import DEFAULT_TEMPLATE_ID, builtin_template, builtin_templates
from partnerworkshop.model.kinds import RelationshipKind
from partnerworkshop.model.template import (
    OptionsQuestion,
    Questionnaire,
    RankingQuestion,
    ScaleQuestion,
    SplitQuestion,
    TextQuestion,
)


def test_scale_points_must_be_consecutive(small_template: Questionnaire) -> None:
    data = small_template.model_dump()
    data["sections"][0]["questions"][0]["points"][2]["value"] = 9
    with pytest.raises(ValidationError, match="consecutive whole numbers"):
        Questionnaire.model_validate(data)


def test_question_ids_must_be_unique(small_template: Questionnaire) -> None:
    data = small_template.model_dump()
    data["sections"][1]["questions"][0]["id"] = "trust"
    with pytest.raises(ValidationError, match='question id "trust" appears more than once'):
        Questionnaire.model_validate(data)


def test_option_ids_must_be_unique(small_template: Questionnaire) -> None:
    data = small_template.model_dump()
    data["sections"][0]["questions"][1]["options"][1]["id"] = "supplier"
    with pytest.raises(ValidationError, match='option "supplier" appears more than once'):
        Questionnaire.model_validate(data)


def test_signal_weights_lie_between_0_and_1(small_template: Questionnaire) -> None:
    data = small_template.model_dump()
    data["sections"][0]["questions"][1]["options"][0]["signals"] = {"key_account": 3}
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        Questionnaire.model_validate(data)


def test_unknown_relationship_kinds_are_refused(small_template: Questionnaire) -> None:
    data = small_template.model_dump()
    data["sections"][0]["questions"][1]["options"][0]["signals"] = {"friendship": 1}
    with pytest.raises(ValidationError):
        Questionnaire.model_validate(data)


def test_lookup_by_id(small_template: Questionnaire) -> None:
    assert small_template.question("costs").prompt == "Who carries the costs?"
    assert small_template.section_of("costs").id == "sharing"
    assert [q.id for q in small_template.questions()] == [
        "trust",
        "name",
        "brings",
        "costs",
        "priorities",
        "success",
    ]


def test_the_default_and_short_templates_ship() -> None:
    ids = [info.id for info in builtin_templates()]
    assert ids[0] == DEFAULT_TEMPLATE_ID
    assert "partnership-meaning-short" in ids


def test_the_default_template_covers_the_ground() -> None:
    template = builtin_template()
    assert template.question_count >= 30
    assert len(template.sections) >= 8
    kinds = {question.kind for question in template.questions()}
    assert kinds == {"scale", "single", "multiple", "split", "ranking", "text"}
    citations = " ".join(source.citation for source in template.sources)
    for name in ("Gomes-Casseres", "Partnering Initiative", "Hardy"):
        assert name in citations


def test_the_short_template_is_about_twelve_questions() -> None:
    short = builtin_template("partnership-meaning-short")
    assert 10 <= short.question_count <= 14
    long = builtin_template()
    shared = [q for q in short.questions() if long.has_question(q.id)]
    assert shared, "the short version reuses questions of the long one"


@pytest.mark.parametrize("template_id", ["partnership-meaning", "partnership-meaning-short"])
def test_every_shipped_question_is_complete(template_id: str) -> None:
    template = builtin_template(template_id)
    seen_kinds: set[RelationshipKind] = set()
    for section in template.sections:
        assert section.introduction, f"section {section.id} has no introduction"
    for question in template.questions():
        assert len(question.help) > 40, f"{question.id} needs real help text"
        if isinstance(question, ScaleQuestion):
            for point in question.points:
                assert point.label and point.description, (
                    f"{question.id} point {point.value} is not anchored"
                )
                seen_kinds.update(point.signals)
        elif isinstance(question, OptionsQuestion):
            for option in question.options:
                seen_kinds.update(option.signals)
            if isinstance(question, RankingQuestion):
                assert all(option.signals for option in question.options)
        elif isinstance(question, SplitQuestion):
            assert question.signals_even and question.signals_one_sided
        else:
            assert isinstance(question, TextQuestion)
    assert seen_kinds == set(RelationshipKind), "every kind of relationship can be signalled"
