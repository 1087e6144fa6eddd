"""Everything the app saves, it opens: what is entered, imported and saved keeps to the limits
that opening a file checks (its size and how many values it holds), recovery copies included."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerworkshop.app import main
from partnerworkshop.errors import FileProblem
from partnerworkshop.export.answer_sheet import COLUMNS, answer_sheet_rows
from partnerworkshop.model.base import SIDES
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import EditError, SessionEditor
from partnerworkshop.model.recovery import RecoveryStore
from partnerworkshop.model.session import (
    ActionItem,
    AgreementItem,
    Answer,
    Representative,
    Session,
    Workshop,
)
from partnerworkshop.model.storage import (
    MAX_FILE_BYTES,
    MAX_VALUES,
    fit_problems,
    load_session,
    measure_values,
    save_session,
    session_to_json,
)
from partnerworkshop.model.template import (
    Option,
    Questionnaire,
    Section,
    SingleChoiceQuestion,
    TextQuestion,
)

LONG = 100_000  # the longest comment, answer or note the model keeps


def _sheet_with_comments(session: Session, side: str, path: Path) -> None:
    import csv
    import io

    rows = answer_sheet_rows(session, "A" if side == "A" else "B")
    for row in rows[5:]:
        row[COLUMNS.index("comment")] = side.lower() * LONG
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def test_sheets_that_would_make_the_session_too_large_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two parties' sheets with the longest comment on every question: 9.3 MB together."""
    session = example_session()
    session.answers.A = {}
    session.answers.B = {}
    path = tmp_path / "w.pws.json"
    save_session(session, path)
    for side in SIDES:
        _sheet_with_comments(session, side, tmp_path / f"{side}.csv")

    assert main(["import-answers", str(path), "--party", "A", str(tmp_path / "A.csv")]) == 0
    before = path.read_bytes()
    code = main(["import-answers", str(path), "--party", "B", str(tmp_path / "B.csv")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"more than the {MAX_FILE_BYTES // 10**6} MB a session file may hold" in err
    assert path.read_bytes() == before
    assert main(["validate", str(path)]) == 0


def _wide_template(questions: int) -> Questionnaire:
    options = [Option(id="yes", label="Yes"), Option(id="no", label="No")]
    return Questionnaire(
        id="wide",
        version="1",
        title="Wide",
        sections=[
            Section(
                id="s",
                title="S",
                questions=[
                    SingleChoiceQuestion(id=f"q{n}", prompt="Q", help="H", options=options)
                    for n in range(questions)
                ],
            )
        ],
    )


def _values(template: Questionnaire) -> int:
    return measure_values(template.model_dump(mode="json"))[0]


def _values_per_question() -> int:
    return _values(_wide_template(2)) - _values(_wide_template(1))


def test_a_questionnaire_too_large_for_a_session_is_refused_before_anything_is_saved(
    tmp_path: Path,
) -> None:
    fits = _values(_wide_template(1))
    # The questionnaire alone holds fewer values than a file may; with the session it holds more.
    questions = (MAX_VALUES - fits) // _values_per_question() + 1
    template = _wide_template(questions)
    assert _values(template) <= MAX_VALUES
    session = Session(template=_wide_template(1))
    editor = SessionEditor(session)
    with pytest.raises(EditError) as caught:
        editor.change_template(template)
    assert "values" in str(caught.value)
    assert session.template.question_count == 1

    path = tmp_path / "big.pws.json"
    with pytest.raises(FileProblem):
        save_session(Session(template=template), path)
    assert not path.exists()


def test_typing_or_pasting_more_than_a_file_holds_is_refused(tmp_path: Path) -> None:
    session = example_session()
    editor = SessionEditor(session)
    refused = 0
    for question in session.template.questions():
        for side in SIDES:
            try:
                editor.set_comment(side, question.id, side * LONG)
            except EditError as error:
                assert "too large to open again" in str(error)
                refused += 1
    assert refused > 0
    path = tmp_path / "full.pws.json"
    save_session(session, path)
    assert load_session(path) == session


# --- the property: random valid sessions near every limit --------------------------------------


@st.composite
def sessions_near_the_limits(draw: st.DrawFn) -> Session:
    """Sessions whose saved size and number of values lie on both sides of the limits."""
    lengths = st.sampled_from([0, 1, LONG // 2, LONG - 1, LONG])
    text_questions = draw(st.sampled_from([1, 20, 40, 45]))
    choice_questions = draw(st.sampled_from([0, 9_000, 12_400, 12_497, 12_498, 12_600]))
    questions: list[TextQuestion | SingleChoiceQuestion] = [
        TextQuestion(id=f"t{n}", prompt="P" * draw(lengths) or "P", help="H", max_length=LONG)
        for n in range(text_questions)
    ]
    options = [Option(id="yes", label="Yes"), Option(id="no", label="No")]
    questions += [
        SingleChoiceQuestion(id=f"c{n}", prompt="Q", help="H", options=options)
        for n in range(choice_questions)
    ]
    template = Questionnaire(
        id="limits",
        version="1",
        title="Limits",
        sections=[Section(id="s", title="S", questions=questions)],
    )
    character = draw(st.sampled_from(["a", "é", "🤝", "\x01", '"']))
    session = Session(
        template=template,
        workshop=Workshop(
            title=character * 500, location=character * draw(st.sampled_from([0, 500]))
        ),
    )
    for side in SIDES:
        session.party(side).representatives = [
            Representative(name=character * 500, role=character * 500)
            for _ in range(draw(st.sampled_from([0, 3, 50])))
        ]
        for n in range(text_questions):
            if draw(st.booleans()):
                session.answers_of(side)[f"t{n}"] = Answer(
                    value=character * draw(lengths) or None, comment=character * draw(lengths)
                )
    for n in range(draw(st.sampled_from([0, 10]))):
        session.agreement.items[f"t{n % text_questions}"] = AgreementItem(
            wording=character * draw(lengths), notes=character * draw(lengths)
        )
    session.agreement.action_items = [
        ActionItem(what=character * draw(lengths)) for _ in range(draw(st.sampled_from([0, 5])))
    ]
    return session


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sessions_near_the_limits())
def test_everything_the_app_saves_it_opens(
    tmp_path_factory: pytest.TempPathFactory, session: Session
) -> None:
    folder = tmp_path_factory.mktemp("limits")
    path = folder / "s.pws.json"
    recovery = RecoveryStore(folder / "recovery")
    problems = fit_problems(session)
    data = session_to_json(session).encode("utf-8")
    assert problems == fit_problems(session, data), "the quick check agrees with the exact one"
    try:
        save_session(session, path)
    except FileProblem as refused:
        assert problems
        assert refused.problems[-1] == "nothing was saved"
        assert not path.exists()
        with pytest.raises(FileProblem):
            recovery.save(session, None)
        assert recovery.entries() == []
        # What was refused is exactly what opening would have refused.
        path.write_bytes(data)
        with pytest.raises(FileProblem):
            load_session(path)
        return
    assert not problems
    # Compared as saved text (saving stamps the modified time): exact, and much quicker than
    # comparing such large models field by field.
    saved = session_to_json(session)
    assert session_to_json(load_session(path)) == saved
    recovery.save(session, path)
    [entry] = recovery.entries()
    assert session_to_json(recovery.load(entry)) == saved
