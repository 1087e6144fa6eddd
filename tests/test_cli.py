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
