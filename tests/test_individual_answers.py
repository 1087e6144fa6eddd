"""Representatives who answer individually: the proposal of the party's answer, how far apart
they are, their readings, anonymity, the edits and old files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import individual_example, make_session

from partnerworkshop.errors import FileProblem
from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.catalog import EXAMPLE_SESSION, example_session
from partnerworkshop.model.consolidation import propose, representatives_differ, spread
from partnerworkshop.model.edits import EditError, SessionEditor
from partnerworkshop.model.kinds import RelationshipKind as K
from partnerworkshop.model.session import Answer, Representative, Session
from partnerworkshop.model.storage import load_session, save_session, session_to_json
from partnerworkshop.model.template import Questionnaire
from partnerworkshop.resources import resource_path


def answers(*values: object) -> list[Answer]:
    return [Answer(value=value) for value in values]  # type: ignore[arg-type]


# --- the proposal, kind by kind ----------------------------------------------------------------


def test_a_scale_proposes_the_median(small_template: Questionnaire) -> None:
    trust = small_template.question("trust")
    assert propose(trust, answers(1, 5, 4)).value == 4
    # An even number: the mean of the two middle answers, rounded down.
    assert propose(trust, answers(2, 5)).value == 3
    assert propose(trust, answers(1, 2, 4, 5)).value == 3


def test_a_split_proposes_the_median(small_template: Questionnaire) -> None:
    costs = small_template.question("costs")
    assert propose(costs, answers(10, 90, 50)).value == 50
    assert propose(costs, answers(45, 50)).value == 47


def test_a_single_choice_proposes_the_most_common_option(small_template: Questionnaire) -> None:
    name = small_template.question("name")
    assert propose(name, answers("partner", "account", "partner")).value == "partner"
    # A tie goes to the option listed first in the questionnaire.
    assert propose(name, answers("partner", "account")).value == "account"
    assert propose(name, answers("partner", "supplier")).value == "supplier"


def test_a_multiple_choice_takes_what_more_than_half_chose(small_template: Questionnaire) -> None:
    brings = small_template.question("brings")
    proposal = propose(brings, answers(["data", "money"], ["money"], ["money", "data", "brand"]))
    assert proposal.value == ["money", "data"]
    # Chosen by exactly half is not a majority.
    assert propose(brings, answers(["money"], ["data"])).value == []


def test_a_multiple_choice_keeps_within_its_limit(small_template: Questionnaire) -> None:
    brings = small_template.question("brings").model_copy(update={"max_choices": 1})
    chosen = answers(["money", "data"], ["money", "data"], ["data"])
    assert propose(brings, chosen).value == ["data"]


def test_a_ranking_proposes_the_consensus_order(small_template: Questionnaire) -> None:
    priorities = small_template.question("priorities")
    given = answers(
        ["joint", "service", "price"],
        ["service", "joint", "price"],
        ["joint", "price", "service"],
    )
    # Borda: joint 2+1+2 = 5, service 1+2+0 = 3, price 0+0+1 = 1.
    assert propose(priorities, given).value == ["joint", "service", "price"]
    # Equal scores keep the order the questionnaire lists them in.
    tied = answers(["joint", "service", "price"], ["price", "service", "joint"])
    assert propose(priorities, tied).value == ["price", "service", "joint"]


def test_free_text_is_proposed_only_when_everyone_wrote_the_same(
    small_template: Questionnaire,
) -> None:
    success = small_template.question("success")
    assert propose(success, answers("Fewer stock-outs", "Fewer stock-outs")).value == (
        "Fewer stock-outs"
    )
    assert propose(success, answers("Fewer stock-outs", "More revenue")).value is None


def test_importance_most_common_and_a_tie_goes_higher(small_template: Questionnaire) -> None:
    trust = small_template.question("trust")
    given = [Answer(value=3, importance="low"), Answer(value=3, importance="low")]
    assert propose(trust, [*given, Answer(value=3, importance="high")]).importance == "low"
    tie = [Answer(value=3, importance="low"), Answer(value=3, importance="high")]
    assert propose(trust, tie).importance == "high"


def test_not_sure_when_more_than_half_are(small_template: Questionnaire) -> None:
    trust = small_template.question("trust")
    unsure = Answer(not_sure=True)
    assert propose(trust, [unsure, unsure, Answer(value=4)]) == Answer(value=4, not_sure=True)
    assert propose(trust, [unsure, Answer(value=4)]) == Answer(value=4)


def test_representatives_who_gave_nothing_are_left_out(small_template: Questionnaire) -> None:
    trust = small_template.question("trust")
    assert propose(trust, [Answer(), Answer(value=2)]) == Answer(value=2)
    assert propose(trust, [Answer(), Answer()]) == Answer()


# --- differences and spread ---------------------------------------------------------------------


def test_differences_are_in_values_or_in_being_sure(small_template: Questionnaire) -> None:
    assert representatives_differ(answers(3, 4))
    assert not representatives_differ(answers(3, 3))
    assert not representatives_differ([Answer(value=3), Answer()])
    assert representatives_differ([Answer(value=3), Answer(not_sure=True)])
    assert not representatives_differ([Answer(value=3, importance="high"), Answer(value=3)])


def test_the_spread_is_the_largest_gap_between_two_of_them(small_template: Questionnaire) -> None:
    assert spread(small_template.question("trust"), answers(2, 3, 5)) == pytest.approx(3 / 4)
    assert spread(small_template.question("costs"), answers(40, 60)) == pytest.approx(0.2)
    assert spread(small_template.question("name"), answers("partner", "supplier")) == 1.0
    assert spread(small_template.question("trust"), answers(2)) is None
    assert spread(small_template.question("success"), answers("a", "b")) is None


# --- the example session, Northwind answering individually -------------------------------------


def test_each_representative_gets_a_reading_and_the_headline_names_them() -> None:
    analysis = analyse(individual_example())
    northwind = analysis.inside["A"]
    assert northwind is not None and analysis.inside["B"] is None
    leading = {item.respondent.label: item.reading.leading for item in northwind.representatives}
    assert leading == {
        "James Whitfield": analysis.readings["A"].leading,
        "Sarah Okafor": analysis.readings["B"].leading,
    }
    assert leading["James Whitfield"] == K.KEY_ACCOUNT
    assert leading["Sarah Okafor"] == K.STRATEGIC_PARTNERSHIP
    assert northwind.headline == (
        "Inside Northwind, James Whitfield describes a key account and Sarah Okafor a strategic "
        "partnership."
    )


def test_spread_and_what_to_settle_first() -> None:
    session = individual_example()
    analysis = analyse(session)
    northwind = analysis.inside["A"]
    assert northwind is not None
    for result in analysis.questions:
        between_parties = result.gap
        # Each representative answered as one party did: their spread is the parties' gap.
        assert result.spread["A"] == between_parties
        assert result.spread["B"] is None
    spreads = [northwind.spread[question_id] for question_id in northwind.settle_first]
    scored = [value for value in spreads if value is not None]
    assert scored == sorted(scored, reverse=True) and scored[0] == max(scored)
    assert set(northwind.settle_first) == set(northwind.differ)
    first = northwind.settle_first[0]
    editor = SessionEditor(session)
    editor.settle("A", first, Answer(value=session.answers.B[first].value))
    settled = editor.analysis().inside["A"]
    assert settled is not None and first not in settled.settle_first


def test_anonymous_representatives_are_numbered_not_named() -> None:
    session = individual_example()
    session.parties.A.anonymous = True
    northwind = analyse(session).inside["A"]
    assert northwind is not None
    labels = [item.respondent.label for item in northwind.representatives]
    assert labels == ["Northwind, respondent 1", "Northwind, respondent 2"]
    assert northwind.headline is not None
    assert "James" not in northwind.headline and "Sarah" not in northwind.headline
    assert "respondent 1" in northwind.headline and "respondent 2" in northwind.headline


def test_anonymous_numbers_do_not_follow_the_list_of_representatives() -> None:
    session = make_session_with_representatives(["ffff0000aaaa", "0000ffffaaaa"])
    session.parties.A.anonymous = True
    respondents = session.parties.A.respondents("A")
    assert [r.representative_id for r in respondents] == ["0000ffffaaaa", "ffff0000aaaa"]
    assert [r.name for r in respondents] == [None, None]


def make_session_with_representatives(ids: list[str]) -> Session:
    session = make_session(example_session().template)
    session.parties.A.representatives = [
        Representative(id=representative_id, name=f"Person {n}")
        for n, representative_id in enumerate(ids)
    ]
    return session


# --- edits ------------------------------------------------------------------------------------


def test_individual_answers_are_undoable_edits(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    row = editor.add_representative("A", Representative(name="Ann"))
    ann = small_session.parties.A.representatives[row].id
    assert editor.set_party_answering("A", "individually")
    assert editor.set_answer("A", "trust", 4, representative=ann)
    assert editor.set_comment("A", "trust", "Ann's view", representative=ann)
    assert small_session.representative_answer("A", ann, "trust") == Answer(
        value=4, comment="Ann's view"
    )
    assert small_session.answer("A", "trust") == Answer()  # the party's answer is its own
    editor.undo()
    editor.undo()
    assert small_session.representative_answers("A", ann) == {}
    with pytest.raises(EditError, match="no such representative"):
        editor.set_answer("A", "trust", 4, representative="0123456789ab")


def test_removing_a_representative_takes_their_answers_with_them(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    editor.add_representative("A", Representative(name="Ann"))
    ann = small_session.parties.A.representatives[0].id
    editor.set_answer("A", "trust", 2, representative=ann)
    editor.remove_representative("A", 0)
    assert small_session.individual.A.by_representative == {}
    Session.model_validate(small_session.model_dump())  # still a valid session
    editor.undo()
    assert small_session.representative_answer("A", ann, "trust").value == 2


def test_settling_the_party_s_answer(small_session: Session) -> None:
    editor = SessionEditor(small_session)
    for name, value in (("Ann", 2), ("Ben", 2), ("Cem", 5)):
        row = editor.add_representative("A", Representative(name=name))
        representative = small_session.parties.A.representatives[row].id
        editor.set_answer("A", "trust", value, representative=representative)
        editor.set_answer("A", "name", "partner", representative=representative)
    editor.set_comment("A", "name", "The party's own note")
    assert editor.settle_where_agreed("A") == 1  # they agree on "name" only
    assert small_session.answer("A", "name") == Answer(
        value="partner", comment="The party's own note"
    )
    assert small_session.individual.A.settled == ["name"]
    assert editor.undo_action == "answer.settle_agreed"
    editor.settle("A", "trust", Answer(value=3))
    assert small_session.answer("A", "trust").value == 3
    assert small_session.individual.A.settled == ["name", "trust"]
    editor.undo()
    assert small_session.answer("A", "trust") == Answer()
    assert small_session.individual.A.settled == ["name"]


# --- files --------------------------------------------------------------------------------------


def test_a_version_1_file_keeps_its_meaning(tmp_path: Path) -> None:
    path = resource_path("examples", EXAMPLE_SESSION)
    raw = json.loads(path.read_text("utf-8"))
    raw["schema_version"] = 1
    for party in raw["parties"].values():
        party.pop("answering", None)
        party.pop("anonymous", None)
        for representative in party["representatives"]:
            representative.pop("id", None)
    raw.pop("individual", None)
    old = tmp_path / "old.pws.json"
    old.write_text(json.dumps(raw), "utf-8")
    first, second = load_session(old), load_session(old)

    # The same ids each time the file is opened, different within a party.
    def ids_of(session: Session) -> list[str]:
        parties = session.parties
        return [r.id for r in parties.A.representatives + parties.B.representatives]

    ids = ids_of(first)
    assert ids == ids_of(second)
    assert len(set(ids)) == len(ids)
    assert first.parties.A.answering == "as_one" and not first.parties.A.anonymous
    assert first.answers == second.answers and first.answers.A
    names = [r.name for r in first.parties.A.representatives]
    assert names == [person["name"] for person in raw["parties"]["A"]["representatives"]]
    saved = tmp_path / "new.pws.json"
    save_session(first, saved)
    assert json.loads(saved.read_text("utf-8"))["schema_version"] == 2
    assert load_session(saved) == first


def test_answers_of_someone_who_is_not_a_representative_are_refused(
    small_session: Session, tmp_path: Path
) -> None:
    raw = json.loads(session_to_json(small_session))
    raw["individual"]["A"]["by_representative"] = {"0123456789ab": {"trust": {"value": 3}}}
    path = tmp_path / "s.pws.json"
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(FileProblem, match="no representative with the id"):
        load_session(path)


def test_two_representatives_with_one_id_are_refused(small_session: Session) -> None:
    raw = json.loads(session_to_json(small_session))
    person = Representative(name="Ann").model_dump()
    raw["parties"]["B"]["representatives"] = [person, person]
    with pytest.raises(ValueError, match="the same id"):
        Session.model_validate(raw)
