"""One representative's sheet and pack from the command line, and the comparison inside each
party in ``compare --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import individual_example
from test_cli_answers import fill_in, read_rows, run_cli

from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.session import Answer, Representative, Session
from partnerworkshop.model.storage import load_session, save_session

ANN_SECRET = "Ann thinks the budget is gone"
BEN_SECRET = "Ben would walk away"


@pytest.fixture
def two_representatives(small_session: Session, tmp_path: Path) -> Path:
    """Party A with Ann and Ben, each with individual answers; the party answers individually."""
    ann, ben = Representative(name="Ann Lee"), Representative(name="Ben Ode")
    small_session.parties.A.representatives = [ann, ben]
    small_session.parties.A.answering = "individually"
    small_session.answers.A = {"trust": Answer(value=3, comment="the party's own view")}
    small_session.individual.A.by_representative = {
        ann.id: {"trust": Answer(value=2, comment=ANN_SECRET)},
        ben.id: {"trust": Answer(value=5, comment=BEN_SECRET), "success": Answer(value=BEN_SECRET)},
    }
    path = tmp_path / "workshop.pws.json"
    save_session(Session.model_validate(small_session.model_dump()), path, keep_backup=False)
    return path


def test_a_representative_s_sheet_holds_their_answers_alone(
    capsys: pytest.CaptureFixture[str], two_representatives: Path
) -> None:
    sheet = two_representatives.with_name("ann.csv")
    code, out, _ = run_cli(
        capsys,
        "export-answers",
        two_representatives,
        "--party",
        "A",
        "--representative",
        "ann lee",
        "-o",
        sheet,
    )
    assert code == 0 and "nobody else's answers" in out
    data = sheet.read_bytes()
    assert ANN_SECRET.encode() in data
    assert BEN_SECRET.encode() not in data and b"Ben Ode" not in data
    assert b"the party's own view" not in data


def test_a_representative_s_sheet_round_trips_and_switches_nothing_else(
    capsys: pytest.CaptureFixture[str], two_representatives: Path
) -> None:
    sheet = two_representatives.with_name("ben.csv")
    args = ("--party", "A", "--representative", "Ben Ode")
    assert run_cli(capsys, "export-answers", two_representatives, *args, "-o", sheet)[0] == 0
    fill_in(sheet, {"name": {"value": "partner"}})
    code, out, err = run_cli(
        capsys,
        "import-answers",
        two_representatives,
        "--party",
        "A",
        sheet,
        "--representative",
        "Ben Ode",
    )
    assert code == 0, err
    assert "Ben Ode of Party A" in out and "1 new answer" in out
    session = load_session(two_representatives)
    ann, ben = (person.id for person in session.parties.A.representatives)
    assert session.representative_answer("A", ben, "name") == Answer(value="partner")
    assert session.representative_answer("A", ben, "trust").comment == BEN_SECRET
    assert session.representative_answers("A", ann) == {
        "trust": Answer(value=2, comment=ANN_SECRET)
    }
    assert session.answers_of("A") == {"trust": Answer(value=3, comment="the party's own view")}


def test_a_representative_s_sheet_goes_to_nobody_else(
    capsys: pytest.CaptureFixture[str], two_representatives: Path
) -> None:
    sheet = two_representatives.with_name("ann.csv")
    args = ("--party", "A", "--representative", "Ann Lee")
    assert run_cli(capsys, "export-answers", two_representatives, *args, "-o", sheet)[0] == 0
    before = two_representatives.read_bytes()
    code, _, err = run_cli(
        capsys,
        "import-answers",
        two_representatives,
        "--party",
        "A",
        sheet,
        "--representative",
        "Ben Ode",
    )
    assert code == 1 and 'written for "Ann Lee", not for the representative given' in err
    code, _, err = run_cli(capsys, "import-answers", two_representatives, "--party", "A", sheet)
    assert code == 1 and "take it in as that representative's answers" in err
    assert two_representatives.read_bytes() == before


def test_an_unknown_representative_is_named(
    capsys: pytest.CaptureFixture[str], two_representatives: Path
) -> None:
    code, _, err = run_cli(
        capsys,
        "pack",
        two_representatives,
        "--party",
        "A",
        "--representative",
        "Cy",
        "-o",
        two_representatives.with_name("p.pws.json"),
    )
    assert code == 1
    assert 'has no representative called "Cy"; its representatives are "Ann Lee", "Ben Ode"' in err


def test_importing_a_representative_s_sheet_switches_a_party_answering_as_one(
    capsys: pytest.CaptureFixture[str], small_session: Session, tmp_path: Path
) -> None:
    small_session.parties.B.representatives = [Representative(name="Dee")]
    small_session.answers.B = {"trust": Answer(value=4)}
    path = tmp_path / "s.pws.json"
    save_session(small_session, path, keep_backup=False)
    sheet = tmp_path / "dee.csv"
    args = ("--party", "B", "--representative", "Dee")
    assert run_cli(capsys, "export-answers", path, *args, "-o", sheet)[0] == 0
    assert [row[5] for row in read_rows(sheet) if row[0] == "trust"] == [""]
    fill_in(sheet, {"trust": {"value": "1"}})
    code, out, _ = run_cli(
        capsys, "import-answers", path, "--party", "B", sheet, "--representative", "Dee"
    )
    assert code == 0 and "now answers individually" in out
    session = load_session(path)
    assert session.parties.B.answering == "individually"
    assert session.answers_of("B") == {"trust": Answer(value=4)}
    dee = session.parties.B.representatives[0].id
    assert session.representative_answer("B", dee, "trust") == Answer(value=1)


def test_a_representative_s_pack_from_the_command_line(
    capsys: pytest.CaptureFixture[str], two_representatives: Path
) -> None:
    pack = two_representatives.with_name("ann.pws.json")
    code, out, _ = run_cli(
        capsys,
        "pack",
        two_representatives,
        "--party",
        "A",
        "--representative",
        "Ann Lee",
        "-o",
        pack,
    )
    assert code == 0 and "nobody else's answers" in out
    data = pack.read_bytes()
    assert BEN_SECRET.encode() not in data and b"Ben Ode" not in data
    assert b"the party's own view" not in data
    assert load_session(pack).pack_for_representative is not None


def test_compare_json_shows_inside_each_party(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    session = individual_example()
    path = tmp_path / "s.pws.json"
    save_session(session, path, keep_backup=False)
    code, out, _ = run_cli(capsys, "compare", path, "--json")
    assert code == 0
    result = json.loads(out)
    analysis = analyse(session)
    northwind = result["representatives"]["A"]
    assert [item["name"] for item in northwind] == ["James Whitfield", "Sarah Okafor"]
    assert [item["leading"] for item in northwind] == ["key_account", "strategic_partnership"]
    assert set(northwind[0]) == {"name", "answers", "reading", "leading", "clarity"}
    assert northwind[0]["reading"] == result["readings"]["A"]
    assert northwind[0]["clarity"] == analysis.readings["A"].clarity
    assert (
        northwind[1]["answers"]["sharing.costs"]
        == result["questions"][[q["id"] for q in result["questions"]].index("sharing.costs")][
            "answers"
        ]["B"]
    )
    assert result["representatives"]["B"] == []
    for question in result["questions"]:
        assert question["spread"] == {"A": question["gap"], "B": None}
    assert result["inside"]["A"]["headline"] == (
        "Inside Northwind, James Whitfield describes a key account and Sarah Okafor a strategic "
        "partnership."
    )
    assert result["inside"]["B"] is None


def test_compare_hides_names_of_an_anonymous_party(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    session = individual_example()
    session.parties.A.anonymous = True
    path = tmp_path / "s.pws.json"
    save_session(session, path, keep_backup=False)
    for extra in (["--json"], []):
        code, out, _ = run_cli(capsys, "compare", path, *extra)
        assert code == 0
        assert "James" not in out and "Sarah" not in out and "Whitfield" not in out
        assert "Northwind, respondent 1" in out and "respondent 2" in out


def test_a_representative_without_enough_answers_has_no_leading_kind(
    capsys: pytest.CaptureFixture[str], two_representatives: Path
) -> None:
    code, out, _ = run_cli(capsys, "compare", two_representatives, "--json")
    assert code == 0
    ann = json.loads(out)["representatives"]["A"][0]
    assert ann == {
        "name": "Ann Lee",
        "answers": {"trust": "2 (Point 2)"},
        "reading": None,
        "leading": None,
        "clarity": None,
    }
    trust = next(q for q in json.loads(out)["questions"] if q["id"] == "trust")
    assert trust["spread"] == {"A": pytest.approx(3 / 4), "B": None}
