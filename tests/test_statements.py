"""Agreed positions in words: the questionnaires' statements, how they are filled in, how
older files gain them, and how a questionnaire without them is checked."""

from __future__ import annotations

import copy
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from factories import make_session

from partnerworkshop.app import main
from partnerworkshop.model.catalog import builtin_template, example_session, template_files
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.positions import position_of
from partnerworkshop.model.statements import statement, statement_problems, template_statements
from partnerworkshop.model.storage import load_session, load_template, template_to_json
from partnerworkshop.model.template import (
    AnswerValue,
    MultipleChoiceQuestion,
    Question,
    Questionnaire,
    RankingQuestion,
    ScaleQuestion,
    SingleChoiceQuestion,
    SplitQuestion,
    TextQuestion,
)

PERSONAL = re.compile(r"\b(you|your|yours|yourselves|we|our|ours|us)\b", re.IGNORECASE)
NAMES = ("Northwind", "Contoso")
BUILT_IN = ["partnership-meaning", "partnership-meaning-short"]


def _questionnaires() -> list[Questionnaire]:
    return [builtin_template(name) for name in BUILT_IN] + [example_session().template]


@pytest.mark.parametrize("template", _questionnaires(), ids=lambda t: t.id)
def test_no_statement_of_the_questionnaires_says_you_your_or_we(template: Questionnaire) -> None:
    wordings = list(template_statements(template))
    assert len(wordings) > 3 * template.question_count
    for where, text, placeholders in wordings:
        assert text.strip(), where
        assert not PERSONAL.search(text), f"{where}: {text}"
        if placeholders:  # a whole sentence, naming the organisations
            assert re.search(r"\{(A|B|larger)\}", text), f"{where}: {text}"
            assert text.endswith((".", ":")), where
            assert text[0].isupper() or text.startswith("{"), where
        else:  # a phrase inside the question's sentence
            assert not text.endswith("."), where
    assert statement_problems(template) == []


def _every_value(question: Question) -> list[AnswerValue]:
    if isinstance(question, ScaleQuestion):
        return [point.value for point in question.points]
    if isinstance(question, SingleChoiceQuestion):
        return question.option_ids()
    if isinstance(question, MultipleChoiceQuestion):
        ids = question.option_ids()
        return [[], *([option] for option in ids), ids[:2], ids[:3]]
    if isinstance(question, RankingQuestion):
        ids = question.option_ids()
        return [ids, list(reversed(ids))]
    if isinstance(question, SplitQuestion):
        return [0, 30, 50, 75, 100]
    return ["Fewer stock-outs on the wards."]


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_agreed_answer_of_the_questionnaires_is_stated_naming_both_parties(
    name: str,
) -> None:
    template = builtin_template(name)
    for question in template.questions():
        for value in _every_value(question):
            stated = statement(question, value, NAMES)
            assert "{" not in stated and "}" not in stated, stated
            assert "Northwind" in stated and "Contoso" in stated, stated
            assert not PERSONAL.search(stated), stated
            assert question.prompt not in stated, "the statement is not the question"


def test_a_split_is_stated_by_who_carries_how_much() -> None:
    costs = builtin_template().question("sharing.costs")
    assert (
        statement(costs, 50, NAMES)
        == "Northwind and Contoso share the costs of the joint work equally."
    )
    assert statement(costs, 30, NAMES) == (
        "Contoso carries 70% of the costs of the joint work and Northwind 30%."
    )
    assert statement(costs, 100, NAMES) == (
        "Northwind carries all the costs of the joint work; Contoso carries none."
    )
    say = builtin_template().question("governance.decision_say")
    assert statement(say, 0, NAMES) == (
        "Contoso alone takes the key decisions about the joint work; Northwind has no say over "
        "them."
    )


def test_choices_rankings_and_wording_in_one_sentence() -> None:
    template = builtin_template()
    value_kind = template.question("purpose.value_kind")
    assert statement(value_kind, ["better_prices", "brand", "innovation"], NAMES) == (
        "Northwind and Contoso expect the relationship to create lower prices or better "
        "commercial terms; brand awareness and reputation; and new products, services or ways "
        "of working."
    )
    assert statement(value_kind, ["brand", "innovation"], NAMES).endswith(
        "brand awareness and reputation and new products, services or ways of working."
    )
    assert "none of the kinds of value" in statement(value_kind, [], NAMES)
    measures = template.question("success.measures")
    assert isinstance(measures, RankingQuestion)
    assert statement(measures, measures.option_ids(), NAMES) == (
        "Northwind and Contoso judge the success of the relationship by these measures, from "
        "most to least important: (1) price and cost savings; (2) service quality and service "
        "levels met; (3) sales, leads or clicks generated; (4) brand visibility and reputation; "
        "(5) new joint products, services or improvements; (6) public, social or community "
        "outcomes."
    )
    horizon = template.question("commitment.horizon")
    assert statement(horizon, "multi_year", NAMES, "  Reviewed after the first year.  ") == (
        "Northwind and Contoso commit to the relationship for three to five years, with "
        "milestones along the way. Reviewed after the first year."
    )
    success = template.question("success.one_sentence")
    assert statement(success, None, NAMES, "Half the stock, no shortages.") == (
        "Northwind and Contoso define the success of the relationship in these words: "
        "\u201cHalf the stock, no shortages.\u201d"
    )


def test_a_questionnaire_without_statements_still_states_positions(
    small_template: Questionnaire,
) -> None:
    session = make_session(small_template, {"trust": 4, "costs": 60}, {"trust": 4, "costs": 60})
    trust = position_of(session, "trust")
    assert trust.statement == (
        'Northwind and Contoso agree on the question "How much do you trust them?": 4 (Point 4).'
    )
    SessionEditor(session).resolve("success", "agreed", wording="Growth")
    assert position_of(session, "success").statement == (
        'Northwind and Contoso agree on the question "What is success?": \u201cGrowth\u201d'
    )
    problems = statement_problems(small_template)
    assert 'question "trust", scale point 1: there is no statement (how the charter words it)' in (
        problems
    )
    assert any(problem.startswith('question "costs", statement_uneven') for problem in problems)


def _template_data(name: str = "partnership-meaning") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(template_to_json(builtin_template(name)))
    return data


def test_validate_checks_a_questionnaire_has_its_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _template_data()
    data["id"] = "our-own"
    question = data["sections"][0]["questions"][0]
    question["options"][0]["statement"] = ""
    question["options"][1]["statement"] = "We call it a key account, as {A} says to {C}."
    split = data["sections"][3]["questions"][0]
    split["statement_uneven"] = "{larger} carries most."
    path = tmp_path / "own.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert 'question "name.what_we_call_it", option "supplier": there is no statement' in err
    assert "uses {C}, which is not known here (known: {A}, {B})" in err
    assert 'the statement says "We"' in err
    for good in template_files():
        assert main(["validate", str(good)]) == 0


def _as_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """The questionnaire as version 1 wrote it: no statements, no kind question."""
    old = copy.deepcopy(data)
    old["schema_version"] = 1
    for section in old["sections"]:
        for question in section["questions"]:
            for key in ("statement", "statement_none", "statement_even", "statement_uneven",
                        "statement_whole", "asks_kind"):  # fmt: skip
                question.pop(key, None)
            for choice in itertools.chain(question.get("options", []), question.get("points", [])):
                choice.pop("statement", None)
                choice.pop("kind", None)
    return old


def test_a_version_1_built_in_questionnaire_gains_its_statements(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    old = _as_version_1(_template_data())
    old["sections"][1]["questions"][0]["prompt"] = "Why does your organisation want this?"
    path.write_text(json.dumps(old), encoding="utf-8")
    migrated = load_template(path)
    assert migrated.schema_version == 2
    current = builtin_template()
    for question in migrated.questions():
        if question.id == "purpose.main_reason":  # worded differently: left as written
            assert isinstance(question, SingleChoiceQuestion)
            assert question.options[0].statement == ""
        else:
            assert question == current.question(question.id)


def test_a_version_1_questionnaire_of_its_own_opens_without_statements(tmp_path: Path) -> None:
    path = tmp_path / "own.json"
    old = _as_version_1(_template_data())
    old["id"] = "our-own"
    path.write_text(json.dumps(old), encoding="utf-8")
    template = load_template(path)
    assert template.question_count == 46
    assert statement_problems(template), "validate would report the missing statements"


def test_a_version_1_session_migrates_its_questionnaire_and_close_items_are_to_settle(
    tmp_path: Path,
) -> None:
    session = example_session()
    data = json.loads(session.model_dump_json())
    data["schema_version"] = 1
    data["template"] = _as_version_1(data["template"])
    path = tmp_path / "old.pws.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    migrated = load_session(path)
    assert migrated.schema_version == 2
    assert migrated.template == session.template, "the example's questionnaire gains its statements"
    position = position_of(migrated, "governance.decision_say")  # close: 30 and 50
    assert position.reached == "open" and position.value is None


def test_positions_json_gives_the_status_and_every_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = example_session()
    editor = SessionEditor(session)
    editor.resolve("sharing.costs", "agreed", value=40)
    editor.settle_items([("name.importance", "adopt_b", 5)])
    editor.resolve("governance.management", "adopt_a", value=3)
    editor.park("change.ending", "Legal teams", None)
    editor.resolve("sharing.payment_model", "agreed")  # no value chosen: not settled
    path = tmp_path / "s.pws.json"
    path.write_text(session.model_dump_json(), encoding="utf-8")
    assert main(["positions", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"status", "missing", "positions"}
    assert result["status"] == "draft"
    assert "There is no agreed definition yet." in result["missing"]
    positions = {p["question_id"]: p for p in result["positions"]}
    assert list(positions) == [q.id for q in session.template.questions()]
    assert all(set(p) == {"question_id", "state", "value", "statement"} for p in positions.values())
    assert positions["sharing.costs"] == {
        "question_id": "sharing.costs",
        "state": "agreed",
        "value": 40,
        "statement": "Contoso carries 60% of the costs of the joint work and Northwind 40%.",
    }
    assert positions["name.importance"]["state"] == "adopted_b"
    assert positions["name.importance"]["value"] == 5
    assert positions["governance.management"]["state"] == "adopted_a"
    assert positions["transparency.trust"]["state"] == "carried_over"
    assert positions["transparency.trust"]["value"] == 6
    assert positions["change.ending"] == {
        "question_id": "change.ending",
        "state": "parked",
        "value": None,
        "statement": "",
    }
    assert positions["sharing.payment_model"]["state"] == "open"
    assert positions["governance.decision_say"]["value"] is None
    states = {p["state"] for p in positions.values()}
    assert states == {"adopted_b", "adopted_a", "agreed", "carried_over", "parked", "open"}

    assert main(["positions", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Status: draft\nBefore the session can be marked agreed:\n")
    assert "Contoso carries 60% of the costs of the joint work and Northwind 40%." in out
    assert "Not settled: The agreed position has no answer chosen yet" in out


def test_validate_reports_a_session_marked_agreed_without_grounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = example_session()
    session.agreement.status = "agreed"
    path = tmp_path / "claimed.pws.json"
    path.write_text(session.model_dump_json(), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert (
        "the session is marked agreed, but it is not: 42 questions are still to be settled" in err
    )
    assert main(["positions", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "draft"


def test_a_text_statement_quotes_an_adopted_answer() -> None:
    session = example_session()
    assert isinstance(session.template.question("name.in_our_words"), TextQuestion)
    SessionEditor(session).resolve(
        "name.in_our_words", "adopt_a", value=session.answer("A", "name.in_our_words").value
    )
    stated = position_of(session, "name.in_our_words").statement
    assert stated.startswith(
        "Northwind and Contoso describe their relationship in these words: \u201c"
    )
    assert str(session.answer("A", "name.in_our_words").value) in stated
