"""Any valid session survives saving and loading unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from factories import make_small_template
from hypothesis import given, settings
from strategies import sessions

from partnerworkshop.model.catalog import builtin_template
from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import load_session, save_session

SMALL = make_small_template()
DEFAULT = builtin_template()


def _round_trip(session: Session) -> Session:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.pws.json"
        save_session(session, path)
        return load_session(path)


@given(sessions(SMALL))
@settings(max_examples=150)
def test_random_sessions_survive_save_and_load(session: Session) -> None:
    assert _round_trip(session) == session


@given(sessions(DEFAULT))
@settings(max_examples=25)
def test_random_answers_to_the_default_questionnaire_survive_save_and_load(
    session: Session,
) -> None:
    assert _round_trip(session) == session
