"""The command line, used the way a script or a facilitator in a terminal uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partnerworkshop import __version__
from partnerworkshop.app import main
from partnerworkshop.model.catalog import builtin_templates
from partnerworkshop.model.storage import load_session


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_writes_a_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "w.pws.json"
    code, out, _ = run_cli(
        capsys,
        "new",
        "-o",
        str(target),
        "--title",
        "Kick-off",
        "--party-a",
        "Northwind",
        "--party-b",
        "Contoso",
    )
    assert code == 0
    session = load_session(target)
    assert session.workshop.title == "Kick-off"
    assert session.parties.A.organisation == "Northwind"
    assert session.parties.B.organisation == "Contoso"
    assert session.template.id == "partnership-meaning"
    assert str(target) in out


def test_new_with_the_short_template_and_a_template_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run_cli(
            capsys, "new", "-o", str(tmp_path / "a.json"), "--template", "partnership-meaning-short"
        )[0]
        == 0
    )
    assert load_session(tmp_path / "a.json").template.id == "partnership-meaning-short"
    template_file = next(
        info.path for info in builtin_templates() if info.id == "partnership-meaning-short"
    )
    assert (
        run_cli(capsys, "new", "-o", str(tmp_path / "b.json"), "--template", str(template_file))[0]
        == 0
    )
    assert load_session(tmp_path / "b.json").template.id == "partnership-meaning-short"


def test_new_with_an_unknown_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "new", "-o", str(tmp_path / "a.json"), "--template", "nonsense")
    assert code == 1
    assert "there is no built-in template of that name" in err
    assert not (tmp_path / "a.json").exists()


def test_new_never_overwrites_a_file_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "precious.pws.json"
    target.write_text("my work")
    code, _, err = run_cli(capsys, "new", "-o", str(target))
    assert code == 1
    assert "exists already" in err
    assert target.read_text() == "my work"
    assert run_cli(capsys, "new", "-o", str(target), "--force")[0] == 0


def test_demo_writes_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.pws.json"
    assert run_cli(capsys, "demo", "-o", str(target))[0] == 0
    session = load_session(target)
    assert session.parties.A.organisation == "Northwind Logistics"
    assert session.answers.A and session.answers.B


def test_validate_good_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.pws.json"
    run_cli(capsys, "demo", "-o", str(good))
    template = builtin_templates()[0].path
    code, out, err = run_cli(capsys, "validate", str(good), str(template))
    assert code == 0
    assert f"{good}: valid session" in out
    assert f"{template}: valid questionnaire template" in out
    assert err == ""

    bad = tmp_path / "bad.pws.json"
    raw = json.loads(good.read_text(encoding="utf-8"))
    first_question = raw["template"]["sections"][0]["questions"][0]["id"]
    raw["answers"]["A"][first_question] = {"value": 999}
    raw["answers"]["B"]["no-such-question"] = {"value": 1}
    bad.write_text(json.dumps(raw), encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("")
    code, out, err = run_cli(capsys, "validate", str(good), str(bad), str(empty))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3, "one line per problem"
    assert all(line.startswith(str(bad)) or line.startswith(str(empty)) for line in lines)
    assert f'Question "{first_question}"' in err
    assert "Traceback" not in err


def test_templates_lists_the_builtin_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "templates", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["id"] == "partnership-meaning"
    assert set(rows[0]) == {"id", "title", "sections", "questions"}
    assert rows[0]["questions"] >= 30
    code, out, _ = run_cli(capsys, "templates")
    assert "What partnership means to us" in out


@pytest.mark.parametrize("which", ["session", "template"])
def test_schema(capsys: pytest.CaptureFixture[str], which: str) -> None:
    code, out, _ = run_cli(capsys, "schema", which)
    assert code == 0
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert "schema_version" in schema["properties"]


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate"])
    assert caught.value.code == 2


def test_the_installed_command_runs(tmp_path: Path) -> None:
    """The console script works from anywhere, as a user would run it."""
    env = {**os.environ, "PYTHONPATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "partnerworkshop", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"partnerworkshop {__version__}"
    result = subprocess.run(
        [sys.executable, "-m", "partnerworkshop", "validate", str(tmp_path / "missing.pws.json")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"{tmp_path / 'missing.pws.json'}: there is no such file"


# --- compare ---------------------------------------------------------------------------------


@pytest.fixture
def example_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = tmp_path / "example.pws.json"
    run_cli(capsys, "demo", "-o", str(target))
    return target


def test_compare_prints_a_report_in_reading_order(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "compare", str(example_file))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0] == "Northwind describes a key account; Contoso describes a strategic partnership."
    )
    headings = [
        "Alignment: 39 out of 100, from 40 questions both parties answered",
        "Exact agreement (the same answer): 10% of 40 questions",
        "Kappa, agreement beyond chance (10 questions on the 1-5 scale): -0.38",
        "Sections (gap",
        "Agenda: 35 questions to discuss, most pressing first",
        "To read together (free-text answers)",
        "Readings (",
        "  Northwind: key account 56%",
        "    Answers that weigh most toward key account",
        "  Contoso: strategic partnership 54%",
    ]
    positions = [next(i for i, line in enumerate(lines) if line.startswith(h)) for h in headings]
    assert positions == sorted(positions)
    assert "Too few questions" not in out
    assert "      Northwind: we carry 10% of the costs; Contoso: 50/50" in lines
    assert "  What we call this relationship            0.74  (4 questions)" in lines


def test_compare_json(example_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "compare", str(example_file), "--json")
    assert code == 0
    report = json.loads(out)
    assert {
        "alignment",
        "scored",
        "agreement",
        "sections",
        "questions",
        "agenda",
        "readings",
        "headline",
    } <= set(report)
    assert report["scored"] == 40
    assert 0 <= report["alignment"] <= 100
    assert report["agreement"]["exact"] == {"percent": 10.0, "n": 40}
    kappa = report["agreement"]["kappa"]
    assert (kappa["n"], kappa["scale"], kappa["too_few"]) == (10, [1, 5], False)
    assert report["sections"][0] == {
        "id": "name",
        "title": "What we call this relationship",
        "gap": pytest.approx(0.7361, abs=1e-4),
        "scored": 4,
    }
    assert len(report["questions"]) == 46
    assert {"id", "gap", "status"} <= set(report["questions"][0])
    priorities = [item["priority"] for item in report["agenda"]]
    assert priorities == sorted(priorities, reverse=True)
    assert set(report["agenda"][0]) >= {"question_id", "priority", "reason"}
    kinds = [
        "purchase_order",
        "key_account",
        "affiliate",
        "sponsorship",
        "strategic_partnership",
        "public_collaboration",
    ]
    for side, leading in (("A", "key_account"), ("B", "strategic_partnership")):
        shares = report["readings"][side]
        assert list(shares) == kinds
        assert sum(shares.values()) == pytest.approx(1.0)
        assert max(shares, key=shares.get) == leading
        assert report["reading_details"][side]["leading"] == leading
    assert report["headline"].startswith("Northwind describes a key account;")
    assert report["headline_parts"]["kinds"] == {"A": "key_account", "B": "strategic_partnership"}


def test_compare_a_session_without_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "empty.pws.json"
    run_cli(capsys, "new", "-o", str(target), "--party-a", "Northwind", "--party-b", "Contoso")
    code, out, _ = run_cli(capsys, "compare", str(target), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["alignment"], report["scored"]) == (None, 0)
    assert report["readings"] == {"A": None, "B": None}
    assert report["headline"].startswith("Neither Northwind nor Contoso has given enough answers")
    assert report["agreement"]["kappa"]["too_few"] is True
    code, out, _ = run_cli(capsys, "compare", str(target))
    assert code == 0
    assert "Alignment: no question has answers from both parties yet." in out
    assert "Northwind: not enough answers yet (0 of the 15 needed)" in out


def test_compare_warns_when_kappa_rests_on_few_questions(
    example_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.loads(example_file.read_text(encoding="utf-8"))
    for question_id in ("name.importance", "purpose.more_together", "purpose.shared_goal"):
        del raw["answers"]["B"][question_id]
    few = tmp_path / "few.pws.json"
    few.write_text(json.dumps(raw), encoding="utf-8")
    code, out, _ = run_cli(capsys, "compare", str(few))
    assert code == 0
    assert "(7 questions on the 1-5 scale)" in out
    assert "  Too few questions for kappa to mean much (it needs 10)." in out
    _, out, _ = run_cli(capsys, "compare", str(few), "--json")
    assert json.loads(out)["agreement"]["kappa"]["too_few"] is True


def test_compare_refuses_a_broken_file_like_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.pws.json"
    broken.write_text('{"format": "partnerworkshop-session", "answers": ', encoding="utf-8")
    _, _, validate_err = run_cli(capsys, "validate", str(broken))
    code, out, err = run_cli(capsys, "compare", str(broken))
    assert (code, out) == (1, "")
    assert err == validate_err
    assert err.startswith(f"{broken}: ")
    template = builtin_templates()[0].path
    code, _, err = run_cli(capsys, "compare", str(template), "--json")
    assert code == 1
    assert err.startswith(str(template))
    assert "Traceback" not in err
