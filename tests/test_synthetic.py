"""Synthetic sessions: the same seed gives the same session, and every kind and status occurs."""

from __future__ import annotations

import pytest

from partnerworkshop.model.analysis import STATUSES, analyse
from partnerworkshop.model.synthetic import synthetic_session


def _content(seed: int, questions: int = 120, sections: int = 7) -> str:
    session = synthetic_session(questions, sections, seed=seed)
    return session.model_dump_json(include={"template", "answers", "parties", "workshop"})


def test_the_same_seed_gives_the_same_session() -> None:
    assert _content(3) == _content(3)
    assert _content(3) != _content(4)


def test_a_thousand_questions_in_fifty_sections() -> None:
    session = synthetic_session(1000, 50, seed=1)
    template = session.template
    assert template.question_count == 1000
    assert len(template.sections) == 50
    assert {len(section.questions) for section in template.sections} == {20}
    kinds = {question.kind for question in template.questions()}
    assert kinds == {"scale", "single", "multiple", "split", "ranking", "text"}
    for side in ("A", "B"):
        answers = session.answers_of(side)
        assert 850 <= len(answers) <= 950
        assert {answer.importance for answer in answers.values()} == {"low", "normal", "high"}
        assert any(answer.not_sure for answer in answers.values())
        assert any(answer.comment for answer in answers.values())
    analysis = analyse(session)
    assert all(analysis.status_counts()[status] > 0 for status in STATUSES)
    assert all(reading.enough_answers for reading in analysis.readings.values())


def test_sizes_that_cannot_be_built_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one question per section"):
        synthetic_session(3, 5)
