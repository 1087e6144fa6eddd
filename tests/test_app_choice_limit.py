"""A multiple choice with a limit says why a tick beyond it is refused, beside the question."""

from __future__ import annotations

from ui_driver import click

from partnerworkshop.model.template import MultipleChoiceQuestion
from partnerworkshop.ui.answer_inputs import ChoiceInput
from partnerworkshop.ui.main_window import MainWindow


def test_ticking_beyond_the_limit_says_why_next_to_the_question(window: MainWindow) -> None:
    template = window.session.template
    question = next(
        q
        for q in template.questions()
        if isinstance(q, MultipleChoiceQuestion) and q.max_choices == 3
    )
    window.show_question(question.id)
    widget = window.answer_page.cards[question.id].columns["A"].input
    assert isinstance(widget, ChoiceInput)
    note = widget.limit_note
    assert note is not None and note.isVisible()
    assert note.text() == "Choose up to 3."
    buttons = widget.buttons()
    for button in buttons[:3]:
        click(button)
    click(buttons[3])
    assert not buttons[3].isChecked()
    answer = window.session.answer("A", question.id).value
    assert answer == [option.id for option in question.options[:3]]
    assert note.text() == "At most 3 can be chosen: untick one to choose this one instead."
    assert note.property("role") == "warning"
    assert widget.isAncestorOf(note) and note.isVisible(), "beside the choices"
    other = window.answer_page.cards[question.id].columns["B"].input
    assert isinstance(other, ChoiceInput) and other.limit_note is not None
    assert other.limit_note.text() == "Choose up to 3.", "only where it happened"

    click(buttons[0])
    click(buttons[3])
    assert buttons[3].isChecked()
    assert note.text() == "Choose up to 3."
