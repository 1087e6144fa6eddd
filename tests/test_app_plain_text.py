"""User text is shown as typed, never as markup: markup in every field a user fills in, then
every label, tooltip and message of every step is checked for text Qt would render as rich."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session
from partnerworkshop.ui.main_window import MainWindow

MARKUP = '<h1>BIG</h1><a href="http://x">c</a>'
"""A heading and a link: rendered, it would show as "BIG" and "c", without the tags."""

# Every text field of a session and its questionnaire that a person writes.
USER_TEXT = {
    "title",
    "location",
    "facilitator",
    "organisation",
    "label",
    "name",
    "role",
    "comment",
    "wording",
    "notes",
    "owner",
    "definition",
    "what",
    "prompt",
    "help",
    "description",
    "topic",
    "introduction",
}


def _marked(raw: Any) -> Any:
    if isinstance(raw, dict):
        return {
            key: MARKUP if key in USER_TEXT and isinstance(value, str) else _marked(value)
            for key, value in raw.items()
        }
    if isinstance(raw, list):
        return [_marked(value) for value in raw]
    return raw


def markup_session() -> Session:
    session = example_session()
    raw = _marked(session.model_dump(mode="json"))
    template = session.template
    for side in ("A", "B"):
        for question_id, answer in raw["answers"][side].items():
            if template.question(question_id).kind == "text" and answer["value"] is not None:
                answer["value"] = MARKUP
    # One question Party A has not answered: its Agree view explains why A cannot be adopted.
    first = next(iter(template.questions())).id
    raw["answers"]["A"].pop(first, None)
    return Session.model_validate(raw)


def _rendered_as_markup(text: str) -> bool:
    """Whether Qt, left to guess, would take the text as rich text holding our markup."""
    return MARKUP in text and QtGui.mightBeRichText(text)


def offending(window: QWidget) -> list[str]:
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if (
            isinstance(widget, QLabel)
            and widget.textFormat() != Qt.TextFormat.PlainText
            and _rendered_as_markup(widget.text())
        ):
            found.append(f"label {name}: {widget.text()[:80]}")
        tooltip = widget.toolTip()
        if _rendered_as_markup(tooltip):
            found.append(f"tooltip of {name}: {tooltip[:80]}")
        elif (
            "BIG" in tooltip and MARKUP not in QTextDocumentFragment.fromHtml(tooltip).toPlainText()
        ):
            found.append(f"tooltip of {name} does not show the text as typed: {tooltip[:80]}")
    return found


def test_no_widget_renders_markup_typed_by_a_user(window: MainWindow, dialogs: Any) -> None:
    session = markup_session()
    window.set_document(session, None)
    first = next(iter(session.template.questions())).id
    problems: list[str] = []
    for step in range(len(window.step_titles)):
        window.go_to_step(step)
        if step == 3:
            window.agree_page.show_item(first)
        QApplication.processEvents()
        problems += offending(window)
    assert problems == []
    panel = window.agree_page.panel
    assert panel is not None
    assert panel.choice_buttons["adopt_a"].toolTip()
