"""The export and fingerprint commands, as a facilitator or a lawyer runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from factories import agree_on_example
from pypdf import PdfReader

from partnerworkshop.app import main
from partnerworkshop.export import fonts
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Representative
from partnerworkshop.model.storage import load_session, save_session


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    session = example_session()
    agree_on_example(session)
    path = tmp_path / "workshop.pws.json"
    save_session(session, path)
    return path


def _printed_fingerprint(out: str) -> str:
    found = re.search(r"fingerprint\s+([0-9a-f]{64})", out)
    assert found, out
    return found.group(1)


def test_export_writes_the_charter_and_records_its_version(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "charter.pdf"
    code, out, err = run_cli(capsys, "export", str(session_file), "-o", str(pdf))
    assert code == 0
    assert out.startswith(f"{pdf}: partnership charter, ")
    assert "version      1 (new version, recorded in the session file)" in out
    assert "status       draft" in out
    assert err.splitlines()[0] == (
        "warning: The session is still a draft: every page of the charter is marked DRAFT."
    )

    code, fingerprint_out, _ = run_cli(capsys, "fingerprint", str(session_file))
    assert code == 0
    fingerprint = fingerprint_out.strip()
    assert re.fullmatch(r"[0-9a-f]{64}", fingerprint)
    assert _printed_fingerprint(out) == fingerprint
    cover = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert fingerprint in cover

    (record,) = load_session(session_file).agreement.charters
    assert (record.version, record.fingerprint) == (1, fingerprint)
    assert record.exported is not None


def test_the_version_grows_only_with_changed_content(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "charter.pdf"
    assert run_cli(capsys, "export", str(session_file), "-o", str(pdf))[0] == 0
    (first,) = load_session(session_file).agreement.charters

    code, out, _ = run_cli(capsys, "export", str(session_file), "-o", str(pdf), "--force")
    assert code == 0
    assert "version      1 (what the charter prints is unchanged" in out
    assert load_session(session_file).agreement.charters == [first]

    session = load_session(session_file)
    SessionEditor(session).set_definition("A partnership of equals, for five years.")
    save_session(session, session_file)
    code, out, _ = run_cli(capsys, "export", str(session_file), "-o", str(pdf), "--force")
    assert code == 0
    assert "version      2 (new version" in out
    assert load_session(session_file).agreement.charters[0] == first
    second = load_session(session_file).agreement.charters[1]
    assert second.version == 2
    assert second.fingerprint != first.fingerprint
    assert "-002" in " ".join(PdfReader(pdf).pages[0].extract_text().split())


def test_export_never_overwrites_without_force(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "charter.pdf"
    pdf.write_bytes(b"signed copy")
    code, _, err = run_cli(capsys, "export", str(session_file), "-o", str(pdf))
    assert code == 1
    assert "exists already" in err
    assert pdf.read_bytes() == b"signed copy"

    code, _, err = run_cli(capsys, "export", str(session_file), "-o", str(session_file), "--force")
    assert code == 1
    assert "the session file itself" in err
    assert load_session(session_file).agreement.charters == []


def test_export_options_and_problems(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "letter.pdf"
    code, _, _ = run_cli(
        capsys,
        "export",
        str(session_file),
        "-o",
        str(pdf),
        "--confidentiality",
        "Strictly private & <internal>",
        "--paper",
        "Letter",
    )
    assert code == 0
    first_page = PdfReader(pdf).pages[0]
    assert "Strictly private & <internal>" in first_page.extract_text()
    assert round(first_page.mediabox.width) == 612

    missing_folder = tmp_path / "no-such-folder" / "charter.pdf"
    code, _, err = run_cli(capsys, "export", str(session_file), "-o", str(missing_folder))
    assert code == 1
    assert err.strip() == f"{missing_folder}: the folder {missing_folder.parent} does not exist"

    code, _, err = run_cli(capsys, "fingerprint", str(tmp_path / "none.pws.json"))
    assert code == 1
    assert "there is no such file" in err
    assert "Traceback" not in err


def test_export_warns_about_characters_it_cannot_draw(
    session_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = load_session(session_file)
    SessionEditor(session).add_representative("B", Representative(name="王小明"))
    save_session(session, session_file)
    monkeypatch.setattr(fonts, "find_cjk_font", lambda: None)
    code, _, err = run_cli(capsys, "export", str(session_file), "-o", str(tmp_path / "c.pdf"))
    assert code == 0
    assert "warning: The charter's fonts cannot draw 3 characters" in err
    assert "fonts-wqy-microhei" in err


def test_export_prints_comments_only_when_asked(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = load_session(session_file)
    SessionEditor(session).set_comment("B", "sharing.costs", "Internally a key account.")
    save_session(session, session_file)

    def text(pdf: Path) -> str:
        return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)

    plain, with_comments = tmp_path / "plain.pdf", tmp_path / "comments.pdf"
    assert run_cli(capsys, "export", str(session_file), "-o", str(plain))[0] == 0
    assert "Internally a key account." not in text(plain)
    code, out, _ = run_cli(
        capsys, "export", str(session_file), "-o", str(with_comments), "--include-comments"
    )
    assert code == 0
    assert "Comment: Internally a key account." in text(with_comments)
    assert "version      2 (new version" in out, "what the charter prints changed"
    assert "Changes since version 1" in text(with_comments)
