"""Files that once crashed loading or gave an unreadable message: each is now refused plainly.

One focused test per kind of file: numbers too long for Python, a "format" that is not text,
huge names and values quoted in messages, control characters and lone surrogates in names,
files wrong in thousands of places, names given twice, and files with too many values.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from slowness import loaded_within_a_second

from partnerworkshop.errors import FileProblem
from partnerworkshop.model import storage
from partnerworkshop.resources import resource_path

EXAMPLE = json.loads(resource_path("examples", "northwind-contoso.pws.json").read_bytes())
SCALE = ("template", "sections", 0, "questions", 2)  # "name.importance", a five-point scale


def _example() -> dict[str, Any]:
    raw: dict[str, Any] = copy.deepcopy(EXAMPLE)
    return raw


def _at(raw: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        raw = raw[key]
    return raw


def _refusal(tmp_path: Path, content: bytes | dict[str, Any]) -> FileProblem:
    path = tmp_path / "broken.pws.json"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    with pytest.raises(FileProblem) as caught:
        loaded_within_a_second(lambda: storage.load_any(path))
    for line in caught.value.problems:
        assert len(line) <= storage.MAX_PROBLEM_LENGTH
        assert line.isprintable(), f"control or invisible character in {line!r}"
    assert str(caught.value).count("\n") == len(caught.value.problems) - 1
    return caught.value


def test_a_number_with_thousands_of_digits(tmp_path: Path) -> None:
    content = b'{"format": "partnerworkshop-session", "schema_version": ' + b"1" * 5000 + b"}"
    problem = _refusal(tmp_path, content)
    assert problem.problems == ["the file holds a number with far too many digits"]


@pytest.mark.parametrize("found", [[], {}, ["partnerworkshop-session"]])
def test_a_format_that_is_not_text(tmp_path: Path, found: object) -> None:
    raw = _example()
    raw["format"] = found
    problem = _refusal(tmp_path, raw)
    assert problem.problems == [
        'this is not a workshop session file (it has no "format": "partnerworkshop-session")'
    ]


def test_a_huge_schema_version(tmp_path: Path) -> None:
    raw = _example()
    raw["schema_version"] = -(10**4000)
    [line] = _refusal(tmp_path, raw).problems
    assert line.startswith("schema version -1000") and line.endswith("... does not exist")


def test_huge_names_are_cut_short(tmp_path: Path) -> None:
    raw = _example()
    raw["answers"]["A"]["x" * 100_000] = {}
    raw["answering"]["revealed"] = ["z" * 100_000]
    problems = _refusal(tmp_path, raw).problems
    assert problems == [
        f'Party A\'s answers: there is no question "{"x" * 57}..." in the questionnaire',
        f'Answering: there is no section "{"z" * 57}..." to reveal',
    ]
    raw = _example()
    raw["agreement"]["items"]["y" * 100_000] = {"resolution": 5}
    assert _refusal(tmp_path, raw).problems == [
        f"agreement.items.{'y' * 57}....resolution: "
        "Input should be 'adopt_a', 'adopt_b', 'agreed' or 'parked'"
    ]


def test_a_huge_unknown_kind_of_question(tmp_path: Path) -> None:
    raw = _example()
    _at(raw, SCALE)["kind"] = "k" * 100_000
    [line] = _refusal(tmp_path, raw).problems
    assert line.startswith('template.sections[1].questions[3]: "kkkk')
    assert line.endswith(
        "is not a known kind (the known ones are 'scale', 'single', "
        "'multiple', 'split', 'ranking', 'text')"
    )


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (("answers", "A", "name.importance", "value"), "... is outside the scale 1-5"),
        ((*SCALE, "points", 0, "value"), "Input should be less than or equal to 1000"),
    ],
)
def test_huge_numbers_are_cut_short(
    tmp_path: Path, where: tuple[str | int, ...], expected: str
) -> None:
    raw = _example()
    _at(raw, where[:-1])[where[-1]] = 10**4000
    [line] = _refusal(tmp_path, raw).problems
    assert expected in line


def test_control_characters_in_names_are_shown_escaped(tmp_path: Path) -> None:
    raw = _example()
    raw["answers"]["A"]["a\nb\u2028c\u202ed\x85"] = {}
    assert _refusal(tmp_path, raw).problems == [
        'Party A\'s answers: there is no question "a\\nb\\u2028c\\u202ed\\x85" in the questionnaire'
    ]


def test_control_characters_quoted_by_a_message_are_shown_escaped(tmp_path: Path) -> None:
    raw = _example()
    raw["id"] = "abc\ndef"
    assert _refusal(tmp_path, raw).problems == [
        "id: Input should be a valid UUID, invalid character: found `\\n` at 3"
    ]


def test_a_lone_surrogate_in_a_name_or_a_text(tmp_path: Path) -> None:
    session = json.dumps(_example())
    as_name = session.replace('"name.importance"', '"name.\\ud800importance"', 1)
    assert _refusal(tmp_path, as_name.encode()).problems == [
        'the text "name.\\ud800importance" holds an invalid character code (\\ud800)'
    ]
    as_answer = session.replace('"Internally Contoso', '"\\udc80Internally Contoso', 1)
    assert (
        _refusal(tmp_path, as_answer.encode())
        .problems[0]
        .startswith('the text "\\udc80Internally Contoso')
    )


def test_a_pair_of_surrogate_escapes_is_one_character(tmp_path: Path) -> None:
    path = tmp_path / "emoji.pws.json"
    session = json.dumps(_example()).replace('"Priya Raman"', '"Priya \\ud83e\\udd1d"')
    path.write_text(session, encoding="utf-8")
    assert storage.load_session(path).workshop.facilitator == "Priya 🤝"


def test_a_file_wrong_in_thousands_of_places_gets_a_short_message(tmp_path: Path) -> None:
    raw = _example()
    raw["answers"]["A"] = {f"question-{number}": None for number in range(5_000)}
    problems = _refusal(tmp_path, raw).problems
    assert len(problems) == storage.MAX_PROBLEMS + 1
    assert (
        problems[0]
        == "answers.A.question-0: Input should be a valid dictionary or instance of Answer"
    )
    assert problems[-1] == "and 4,950 more problems"


def test_a_name_given_twice_is_refused(tmp_path: Path) -> None:
    session = json.dumps(_example())
    twice = session.replace('"value": 4,', '"value": 4, "value": 2,', 1)
    assert _refusal(tmp_path, twice.encode()).problems == [
        '"value" appears twice in the same place; keep only one of them'
    ]


TOO_MANY_VALUES = (
    f"the file holds more than {storage.MAX_VALUES:,} values; partnerworkshop files are far smaller"
)


@pytest.mark.parametrize(
    "too_many",
    [
        {"revealed": [0] * (storage.MAX_VALUES + 1)},
        # Fewer commas than values: counted as the file is read.
        {"representatives": [{}] * (storage.MAX_VALUES // 2 + 1)},
        {"signals": {f"kind-{number}": {} for number in range(storage.MAX_VALUES // 2 + 1)}},
    ],
    ids=["a long list", "many objects", "many names"],
)
def test_a_file_with_too_many_values_is_refused(tmp_path: Path, too_many: dict[str, Any]) -> None:
    raw = _example()
    raw["extra"] = too_many
    assert _refusal(tmp_path, raw).problems == [TOO_MANY_VALUES]


def test_the_largest_file_allowed_packed_with_tiny_values_is_refused(tmp_path: Path) -> None:
    """Just under the size limit, packed with tiny values: the slowest kind of file to read.

    How quickly it is refused is measured by the benchmark (benchmarks/run.py).
    """
    filler = b"[0,0,0,0,0,0,0,0,0,0],"
    count = (storage.MAX_FILE_BYTES - 100) // len(filler)
    content = b'{"format": "partnerworkshop-session", "x": [' + filler * count + b"0]}"
    assert len(content) <= storage.MAX_FILE_BYTES
    assert _refusal(tmp_path, content).problems == [TOO_MANY_VALUES]


def test_commas_in_what_people_wrote_are_not_counted_as_values(tmp_path: Path) -> None:
    raw = _example()
    answers = [
        answer
        for side in ("A", "B")
        for answer in raw["answers"][side].values()
        if "comment" in answer
    ][:8]
    comment = (("," * 40 + ' "quoted, text", a back\\slash ') * 2_000)[:99_000]
    for answer in answers:
        answer["comment"] = comment
    assert len(answers) * comment.count(",") > storage.MAX_VALUES
    path = tmp_path / "commas.pws.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    loaded = storage.load_session(path)
    comments = [
        answer.comment for side in "AB" for answer in getattr(loaded.answers, side).values()
    ]
    assert comments.count(comment) == len(answers)
