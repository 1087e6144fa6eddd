"""Time boxes: the plan, the time spent, saving, and what they never change."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import EditError, SessionEditor
from partnerworkshop.model.fingerprint import fingerprint
from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import load_session, save_session
from partnerworkshop.model.timing import TimeBoxes, TimeKeeper, plan_time_boxes, time_left


class HandClock:
    """A clock a test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_plan_shares_the_time_available_by_section_and_agenda_item() -> None:
    session = example_session()
    template = session.template
    agenda = ["sharing.costs", "name.kind_in_mind", "change.ending"]
    plan = plan_time_boxes(template, agenda, 240)
    assert plan.available == 240
    assert set(plan.sections) == {section.id for section in template.sections}
    assert sum(plan.sections.values()) == 120
    assert sum(plan.items.values()) == 84
    assert set(plan.items) == set(agenda)
    longest = max(template.sections, key=lambda s: len(s.questions))
    shortest = min(template.sections, key=lambda s: len(s.questions))
    assert plan.sections[longest.id] >= plan.sections[shortest.id]
    tiny = plan_time_boxes(template, agenda, 5)
    assert all(minutes >= 1 for minutes in [*tiny.sections.values(), *tiny.items.values()])


def test_the_time_keeper_counts_only_while_a_box_is_worked_on() -> None:
    clock = HandClock()
    keeper = TimeKeeper(clock)
    boxes = TimeBoxes(sections={"purpose": 10}, items={"sharing.costs": 2})
    keeper.work_on(("section", "purpose"))
    clock.now += 4 * 60
    left = time_left(boxes, keeper, ("section", "purpose"))
    assert left is not None and left.seconds_left == 6 * 60 and not left.over
    keeper.work_on(("item", "sharing.costs"))
    clock.now += 3 * 60
    keeper.work_on(None)
    clock.now += 60 * 60  # a break: nothing counts
    item = time_left(boxes, keeper, ("item", "sharing.costs"))
    assert item is not None and item.over and item.seconds_left == -60
    section = time_left(boxes, keeper, ("section", "purpose"))
    assert section is not None and section.seconds_left == 6 * 60
    assert time_left(boxes, keeper, ("section", "governance")) is None
    keeper.work_on(("section", "purpose"))
    clock.now += 60
    assert keeper.spent(("section", "purpose")) == 5 * 60


def test_time_boxes_are_edited_undone_saved_and_reloaded(tmp_path: Path) -> None:
    editor = SessionEditor(example_session())
    editor.set_time_box("section", "purpose", 15)
    editor.set_time_box("item", "sharing.costs", 5)
    editor.set_time_available(180)
    assert editor.session.time_boxes.sections == {"purpose": 15}
    editor.undo()
    assert editor.session.time_boxes.available is None
    editor.redo()
    path = tmp_path / "timed.pws.json"
    save_session(editor.session, path)
    reloaded = load_session(path).time_boxes
    assert reloaded == TimeBoxes(
        available=180, sections={"purpose": 15}, items={"sharing.costs": 5}
    )
    editor.set_time_box("section", "purpose", None)
    assert "purpose" not in editor.session.time_boxes.sections
    with pytest.raises(EditError):
        editor.set_time_box("section", "no-such-section", 5)
    with pytest.raises(EditError):
        editor.set_time_box("item", "purpose", 0)
    plan = plan_time_boxes(editor.session.template, ["sharing.costs"], 120)
    editor.apply_time_plan(plan)
    assert editor.session.time_boxes == plan
    editor.undo()
    assert editor.session.time_boxes.available == 180


def test_time_boxes_are_not_part_of_the_agreed_content() -> None:
    session = example_session()
    before = fingerprint(session)
    editor = SessionEditor(session)
    editor.apply_time_plan(plan_time_boxes(session.template, ["sharing.costs"], 240))
    assert fingerprint(editor.session) == before


def test_a_time_box_for_something_the_questionnaire_does_not_have_is_refused() -> None:
    raw = example_session().model_dump(mode="json")
    raw["time_boxes"] = {"sections": {"nowhere": 5}}
    with pytest.raises(ValidationError, match="nowhere"):
        Session.model_validate(raw)


def test_the_charter_prints_nothing_of_the_time_boxes() -> None:
    import datetime as dt
    import io

    from pypdf import PdfReader

    from partnerworkshop.export.charter import charter_pdf

    at = dt.datetime(2026, 5, 14, 17, 0, tzinfo=dt.UTC)

    def printed(session: Session) -> list[str]:
        pdf, _, _ = charter_pdf(session, at=at)
        return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]

    session = example_session()
    before = printed(session)
    editor = SessionEditor(session)
    editor.apply_time_plan(plan_time_boxes(session.template, ["sharing.costs"], 240))
    assert printed(editor.session) == before


def test_an_answer_pack_carries_no_time_boxes() -> None:
    from partnerworkshop.model.packs import make_pack

    session = example_session()
    editor = SessionEditor(session)
    editor.apply_time_plan(plan_time_boxes(session.template, ["sharing.costs"], 240))
    assert make_pack(editor.session, "B").time_boxes == TimeBoxes()
