"""Answer packs never carry the other party's positions, and merge back only where they belong."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from factories import make_small_template

from partnerworkshop.errors import FileProblem
from partnerworkshop.model.base import Side, other_side
from partnerworkshop.model.edits import EditError, SessionEditor
from partnerworkshop.model.incoming import IMPORT_ACTION, AnswersRefused, describe_conflicts
from partnerworkshop.model.packs import make_pack, plan_merge
from partnerworkshop.model.session import (
    ActionItem,
    AgreementItem,
    Answer,
    Representative,
    Session,
    Signatory,
)
from partnerworkshop.model.storage import load_session, save_session, session_to_json

SECRETS = {
    "trust": "Zoë Łukasiewicz thinks 2 is generous",
    "name": "Ελένη: we call them a supplier",
    "brings": "Дмитрий: only money, really",
    "costs": "中文: 我们不想承担费用",
    "priorities": "السعر أولاً",
    "success": "Walk away at 🤝❌",
}


def secret_session(session: Session, side: Side) -> Session:
    """The session with answers for both parties; ``side``'s hold texts that must not leak."""
    session.answers.A = {"trust": Answer(value=4, comment="A's own view")}
    session.answers_of(side).update(
        {
            "trust": Answer(value=2, comment=SECRETS["trust"], importance="high"),
            "name": Answer(value="supplier", comment=SECRETS["name"]),
            "brings": Answer(value=["money"], comment=SECRETS["brings"], not_sure=True),
            "costs": Answer(value=90, comment=SECRETS["costs"], importance="low"),
            "priorities": Answer(
                value=["price", "service", "joint"], comment=SECRETS["priorities"]
            ),
            "success": Answer(value=SECRETS["success"], comment=SECRETS["success"] + "!"),
        }
    )
    session.party(side).representatives = [
        Representative(name="Hidden Person", email="hidden@example.org")
    ]
    session.agreement.items["trust"] = AgreementItem(
        resolution="adopt_b", value=2, wording="Agreed after Contoso said 2", notes="secret note"
    )
    session.agreement.definition = "A definition only the room has seen"
    session.agreement.action_items = [ActionItem(what="Chase the secret budget")]
    session.agreement.signatories = [Signatory(party="B", name="Signing Person")]
    session.answering.mode = "blind"
    session.answering.revealed = ["basics"]
    return session


def forms(text: str) -> list[bytes]:
    """The ways a text can appear in a JSON file: as UTF-8 and with escapes."""
    return [text.encode("utf-8"), json.dumps(text).strip('"').encode("ascii")]


@pytest.mark.parametrize("side", ["A", "B"])
def test_a_pack_never_holds_the_other_party_s_answers(
    small_session: Session, tmp_path: Path, side: Side
) -> None:
    hidden = other_side(side)
    session = secret_session(small_session, hidden)
    path = tmp_path / "pack.pws.json"
    save_session(make_pack(session, side), path)
    data = path.read_bytes()
    leaked = [
        text
        for text in [
            *SECRETS.values(),
            "Hidden Person",
            "hidden@example.org",
            "Agreed after Contoso said 2",
            "secret note",
            "A definition only the room has seen",
            "Chase the secret budget",
            "Signing Person",
        ]
        for form in forms(text)
        if form in data
    ]
    assert leaked == []
    pack = load_session(path)
    assert pack.answers_of(hidden) == {}
    assert pack.answering.revealed == []


def test_a_pack_keeps_what_its_party_needs(small_session: Session) -> None:
    session = secret_session(small_session, "B")
    pack = make_pack(session, "A")
    assert pack.pack_for == "A"
    assert pack.id == session.id
    assert pack.template == session.template
    assert pack.workshop == session.workshop
    assert pack.answers.A == session.answers.A
    assert pack.parties.A == session.parties.A
    assert pack.parties.B.organisation == "Contoso"
    assert pack.answering.current == "A"
    assert pack.agreement.items == {} and pack.agreement.definition == ""


def test_a_pack_is_not_packed_again(small_session: Session) -> None:
    with pytest.raises(AnswersRefused, match="already an answer pack for Party A"):
        make_pack(make_pack(small_session, "A"), "B")


def answered_pack(session: Session, side: Side, answers: dict[str, Answer]) -> Session:
    """A pack as it comes back from the party's laptop, filled in through the app's editor."""
    pack = make_pack(session, side)
    editor = SessionEditor(pack)
    for question_id, answer in answers.items():
        editor.set_answer(side, question_id, answer.value)
        editor.set_importance(side, question_id, answer.importance)
        editor.set_comment(side, question_id, answer.comment)
        editor.set_not_sure(side, question_id, answer.not_sure)
    return pack


def test_merge_plans_new_unchanged_and_conflicting_answers(small_session: Session) -> None:
    small_session.answers.B = {
        "trust": Answer(value=3),
        "name": Answer(value="partner", importance="high"),
    }
    pack = answered_pack(
        small_session,
        "B",
        {
            "trust": Answer(value=3),
            "name": Answer(value="partner", importance="low"),
            "costs": Answer(value=40, comment="Ελένη"),
        },
    )
    plan = plan_merge(small_session, pack)
    assert plan.side == "B"
    assert [item.question_id for item in plan.new] == ["costs"]
    assert [item.question_id for item in plan.unchanged] == ["trust"]
    assert [item.question_id for item in plan.conflicts] == ["name"]
    assert describe_conflicts(small_session, plan, "the pack") == [
        "name: the session has Partner, importance high; the pack has Partner, importance low"
    ]
    prompt = small_session.template.question("name").prompt
    assert describe_conflicts(small_session, plan, "the pack", by_wording=True) == [
        f'"{prompt}": the session has Partner, importance high; '
        "the pack has Partner, importance low"
    ]


def test_conflicts_name_only_what_differs(small_session: Session) -> None:
    small_session.answers.B = {
        "trust": Answer(value=3, comment="Дмитрий agrees", importance="high"),
        "brings": Answer(value=["money"], not_sure=True),
    }
    pack = answered_pack(
        small_session,
        "B",
        {
            "trust": Answer(value=3, importance="high"),
            "brings": Answer(value=["money", "data"]),
        },
    )
    assert describe_conflicts(small_session, plan_merge(small_session, pack), "the pack") == [
        'trust: the session has 3 (Point 3), comment "Дмитрий agrees"; '
        "the pack has 3 (Point 3), no comment",
        "brings: the session has Money, not sure; the pack has Money; Data, sure",
    ]


def test_a_merge_is_one_undoable_edit(small_session: Session) -> None:
    small_session.answers.B = {"name": Answer(value="partner")}
    pack = answered_pack(
        small_session,
        "B",
        {"name": Answer(value="account"), "success": Answer(value="Дмитрий wins")},
    )
    before = small_session.model_copy(deep=True)
    plan = plan_merge(small_session, pack)
    editor = SessionEditor(small_session)

    assert editor.apply(plan.edit(replace=False))
    assert small_session.answers_of("B") == {
        "name": Answer(value="partner"),
        "success": Answer(value="Дмитрий wins"),
    }
    editor.undo()
    assert small_session == before

    assert editor.apply(plan.edit(replace=True))
    assert editor.undo_action == IMPORT_ACTION
    assert small_session.answers.B["name"] == Answer(value="account")
    editor.undo()
    assert small_session == before


def test_split_conflicts_are_described_as_the_party_s_own_share(small_session: Session) -> None:
    small_session.answers.B = {"costs": Answer(value=70)}
    pack = answered_pack(small_session, "B", {"costs": Answer(value=60)})
    plan = plan_merge(small_session, pack)
    assert describe_conflicts(small_session, plan, "the pack") == [
        "costs: the session has 30% carried by Contoso; the pack has 40% carried by Contoso"
    ]


def test_merge_refuses_a_pack_from_another_session(small_session: Session) -> None:
    other = Session.model_validate({**small_session.model_dump(), "id": uuid.uuid4()})
    pack = make_pack(other, "A")
    with pytest.raises(AnswersRefused, match="made from another session"):
        plan_merge(small_session, pack)


def test_merge_refuses_a_full_session(small_session: Session) -> None:
    with pytest.raises(AnswersRefused, match="a full session file, not an answer pack"):
        plan_merge(small_session, small_session.model_copy(deep=True))


def test_merge_refuses_another_questionnaire_version(small_session: Session) -> None:
    pack = make_pack(small_session, "A")
    pack.template.version = "2.0"
    with pytest.raises(AnswersRefused, match=r'questionnaire "small" version 2\.0'):
        plan_merge(small_session, pack)


def test_merge_refuses_to_merge_into_a_pack(small_session: Session) -> None:
    target = make_pack(small_session, "B")
    with pytest.raises(AnswersRefused, match="itself an answer pack for Party B"):
        plan_merge(target, make_pack(small_session, "A"))


# --- a pack proves what it is --------------------------------------------------------------------


def _forged(pack: Session, change: Callable[[dict[str, Any]], None]) -> Session:
    """The pack as someone would edit its file by hand, then open it in the app."""
    raw: dict[str, Any] = json.loads(session_to_json(pack))
    change(raw)
    return Session.model_validate(raw)


def _refusal(session: Session, pack: Session) -> list[str]:
    with pytest.raises(AnswersRefused) as caught:
        plan_merge(session, pack)
    return caught.value.problems


def test_a_pack_edited_to_be_the_other_party_s_is_refused(small_session: Session) -> None:
    pack = answered_pack(small_session, "A", {"trust": Answer(value=2), "costs": Answer(value=80)})

    def for_b(raw: dict[str, Any]) -> None:
        raw["pack_for"] = "B"
        raw["answering"]["current"] = "B"
        raw["answers"]["B"], raw["answers"]["A"] = raw["answers"]["A"], {}

    [problem] = _refusal(small_session, _forged(pack, for_b))
    assert "changed after it was made" in problem
    assert small_session.answers.B == {}


def test_a_pack_whose_question_wording_changed_is_refused(small_session: Session) -> None:
    pack = answered_pack(small_session, "B", {"trust": Answer(value=2)})

    def reworded(raw: dict[str, Any]) -> None:
        raw["template"]["sections"][0]["questions"][0]["prompt"] = "How little do you trust them?"

    [problem] = _refusal(small_session, _forged(pack, reworded))
    assert "not exactly the session's" in problem


def test_a_pack_whose_seal_was_taken_off_is_refused(small_session: Session) -> None:
    pack = answered_pack(small_session, "B", {"trust": Answer(value=2)})
    [problem] = _refusal(small_session, _forged(pack, lambda raw: raw.update(pack_seal="")))
    assert "has no seal" in problem


def test_the_pack_never_holds_the_key_that_seals_it(small_session: Session) -> None:
    pack = make_pack(small_session, "A")
    assert small_session.pack_key
    assert pack.pack_key == ""
    assert small_session.pack_key not in session_to_json(pack)


def test_a_pack_made_before_packs_were_sealed_still_merges(small_session: Session) -> None:
    pack = answered_pack(small_session, "B", {"trust": Answer(value=2)})
    old_pack = _forged(pack, lambda raw: raw.update(pack_seal=""))
    old_session = small_session.model_copy(update={"pack_key": ""})
    plan = plan_merge(old_session, old_pack)
    assert [item.question_id for item in plan.new] == ["trust"]


def test_in_a_pack_only_its_party_s_answers_can_change(small_session: Session) -> None:
    pack = make_pack(small_session, "A")
    editor = SessionEditor(pack)
    assert editor.set_answer("A", "trust", 3)
    refused = [
        lambda: editor.set_workshop("title", "Another workshop"),
        lambda: editor.set_party("B", "organisation", "Someone else"),
        lambda: editor.set_party("A", "label", "Us"),
        lambda: editor.add_representative("A"),
        lambda: editor.change_template(make_small_template().model_copy(update={"title": "X"})),
        lambda: editor.set_answer("B", "trust", 1),
        lambda: editor.set_definition("What we agreed"),
        lambda: editor.set_answer_mode("blind"),
    ]
    for operation in refused:
        with pytest.raises(EditError):
            operation()
    assert pack.answers_of("A") == {"trust": Answer(value=3)}
    assert pack.workshop == small_session.workshop


# --- packs for one representative ----------------------------------------------------------


def representatives_session(session: Session) -> tuple[Session, str, str]:
    """Party A with two representatives who answered individually, B with the secrets."""
    session = secret_session(session, "B")
    ann = Representative(name="Ann Own", email="ann@example.org")
    cem = Representative(name="Cem Colleague", email="cem@example.org")
    session.parties.A.representatives = [ann, cem]
    session.parties.A.answering = "individually"
    session.answers.A = {"trust": Answer(value=4, comment="The party's settled view")}
    session.individual.A.by_representative = {
        ann.id: {"trust": Answer(value=5, comment="Ann's own comment")},
        cem.id: {
            "trust": Answer(value=1, comment=SECRETS["trust"] + " says Cem"),
            "success": Answer(value="Cem's secret success"),
        },
    }
    session.individual.A.settled = ["trust"]
    return Session.model_validate(session.model_dump()), ann.id, cem.id


def test_a_representative_s_pack_holds_their_answers_alone(
    small_session: Session, tmp_path: Path
) -> None:
    session, ann, _ = representatives_session(small_session)
    path = tmp_path / "ann.pws.json"
    save_session(make_pack(session, "A", ann), path)
    data = path.read_bytes()
    leaked = [
        text
        for text in [
            *SECRETS.values(),
            "Cem Colleague",
            "cem@example.org",
            "Cem's secret success",
            "The party's settled view",
            "Hidden Person",
        ]
        for form in forms(text)
        if form in data
    ]
    assert leaked == []
    pack = load_session(path)
    assert pack.pack_for == "A" and pack.pack_for_representative == ann
    assert pack.representative_answers("A", ann) == {
        "trust": Answer(value=5, comment="Ann's own comment")
    }
    assert pack.answers_of("A") == {} and pack.individual.A.settled == []
    assert [r.name for r in pack.parties.A.representatives] == ["Ann Own"]


def test_a_party_s_pack_holds_no_individual_answers(small_session: Session) -> None:
    session, _, _ = representatives_session(small_session)
    pack = make_pack(session, "A")
    assert pack.individual.A.by_representative == {}
    assert pack.parties.A.answering == "as_one"
    assert b"Cem's secret success" not in session_bytes(pack)


def session_bytes(session: Session) -> bytes:
    return session.model_dump_json().encode("utf-8")


def test_a_representative_s_pack_merges_back_as_theirs(small_session: Session) -> None:
    session, ann, cem = representatives_session(small_session)
    pack = make_pack(session, "A", ann)
    editor = SessionEditor(pack)
    editor.set_answer("A", "name", "partner", representative=ann)
    with pytest.raises(EditError, match="one representative"):
        editor.set_answer("A", "name", "partner")
    with pytest.raises(EditError, match="one representative"):
        editor.set_answer("A", "name", "partner", representative=cem)
    plan = plan_merge(session, pack)
    assert plan.representative == ann
    assert [item.question_id for item in plan.new] == ["name"]
    assert [item.question_id for item in plan.unchanged] == ["trust"]
    before = session.model_copy(deep=True)
    session_editor = SessionEditor(session)
    assert session_editor.apply(plan.edit(replace=False))
    assert session.representative_answer("A", ann, "name") == Answer(value="partner")
    assert session.representative_answers("A", cem) == before.representative_answers("A", cem)
    assert session.answers == before.answers
    session_editor.undo()
    assert session == before


def test_a_representative_s_answers_switch_a_party_answering_as_one(
    small_session: Session,
) -> None:
    small_session.parties.A.representatives = [Representative(name="Ann")]
    small_session.answers.A = {"trust": Answer(value=2)}
    ann = small_session.parties.A.representatives[0].id
    pack = make_pack(small_session, "A", ann)
    SessionEditor(pack).set_answer("A", "trust", 5, representative=ann)
    plan = plan_merge(small_session, pack)
    assert plan.switches_to_individual
    editor = SessionEditor(small_session)
    editor.apply(plan.edit(replace=False))
    assert small_session.parties.A.answering == "individually"
    # What the party answered as one stays its answer.
    assert {"trust": Answer(value=2)} == small_session.answers.A
    assert small_session.representative_answer("A", ann, "trust") == Answer(value=5)
    editor.undo()
    assert small_session.parties.A.answering == "as_one"


def test_a_representative_s_pack_for_someone_removed_since_is_refused(
    small_session: Session,
) -> None:
    session, ann, _ = representatives_session(small_session)
    pack = make_pack(session, "A", ann)
    SessionEditor(session).remove_representative("A", 0)
    with pytest.raises(AnswersRefused, match="no such representative"):
        plan_merge(session, pack)


def test_a_representative_s_pack_holding_others_answers_does_not_load(
    small_session: Session, tmp_path: Path
) -> None:
    session, ann, cem = representatives_session(small_session)
    raw = json.loads(session_to_json(make_pack(session, "A", ann)))
    raw["parties"]["A"]["representatives"].append(Representative(id=cem).model_dump())
    raw["individual"]["A"]["by_representative"][cem] = {"trust": {"value": 1}}
    path = tmp_path / "doctored.pws.json"
    path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(FileProblem, match="holds another representative's answers"):
        load_session(path)


def test_a_representative_s_pack_changed_to_another_representative_is_refused(
    small_session: Session,
) -> None:
    session, ann, cem = representatives_session(small_session)
    raw = make_pack(session, "A", ann).model_dump()
    raw["pack_for_representative"] = cem
    raw["parties"]["A"]["representatives"] = [Representative(id=cem).model_dump()]
    raw["answering"]["representatives"] = {"A": cem}
    raw["individual"]["A"]["by_representative"] = {cem: {"trust": {"value": 2}}}
    with pytest.raises(AnswersRefused, match="changed after it was made"):
        plan_merge(session, Session.model_validate(raw))
