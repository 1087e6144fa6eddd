"""Thousands of broken session and questionnaire files: each loads validly or is refused plainly.

Every broken file is written to disk and opened through the real loaders. It must either load
as a valid session or questionnaire (some changes leave a file valid) that saves and loads back
the same, or be refused with a FileProblem whose message names the file and says in a few
readable lines what is wrong. Nothing else may escape, no load may take a second of processor
time, and loading never changes the file. How long the slowest of such files takes to load is
measured by the benchmark (benchmarks/run.py).
"""

from __future__ import annotations

import faulthandler
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import EXAMPLE_SESSION, INDIVIDUAL_SESSION, TEMPLATES, Seed, broken_files
from slowness import loaded_within_a_second

from partnerworkshop.errors import FileProblem
from partnerworkshop.export.comparison import comparison_json
from partnerworkshop.model import storage
from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.session import Session
from partnerworkshop.model.template import Questionnaire

Loader = Callable[[Path], Session | Questionnaire]
LOADERS: dict[str, Loader] = {
    "load_session": storage.load_session,
    "load_template": storage.load_template,
    "load_any": storage.load_any,
}
EXPECTED: dict[str, tuple[type, ...]] = {
    "load_session": (Session,),
    "load_template": (Questionnaire,),
    "load_any": (Session, Questionnaire),
}
MAX_PROBLEM_LINE = 500
TRACEBACK = re.compile(r'Traceback \(most recent call last\)|File ".*", line \d+')

# The same inputs on every run: a failure found once is found again.
FUZZ = settings(
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module", autouse=True)
def no_hangs() -> Iterator[None]:
    """A load that never returns stops the run with a traceback instead of hanging it."""
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def broken_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("broken") / "broken file.pws.json"


def check_refusal(problem: FileProblem, path: Path) -> None:
    assert problem.path == path
    assert problem.problems, "a refusal says what is wrong"
    assert len(problem.problems) <= storage.MAX_PROBLEMS + 1, "a long list is cut short"
    for line in problem.problems:
        assert line.strip(), "no empty problem"
        assert "\n" not in line
        assert len(line) < MAX_PROBLEM_LINE, f"problem line too long: {line[:200]}..."
        assert not TRACEBACK.search(line), line
        assert "[type=" not in line and "input_value=" not in line, line
    message = str(problem)
    message.encode("utf-8")  # the message can be shown or printed anywhere
    assert all(line.startswith(f"{path}: ") for line in message.splitlines())


def check_valid(loaded: Session | Questionnaire, path: Path) -> None:
    """A file that loads is a model that saves and loads back exactly."""
    if isinstance(loaded, Session):
        # Whatever loads can be compared, inside each party too.
        json.dumps(comparison_json(analyse(loaded)))
        text = storage.session_to_json(loaded)
        assert storage.session_from_json(json.loads(text.encode("utf-8")), path) == loaded
    else:
        text = storage.template_to_json(loaded)
        assert storage.template_from_json(json.loads(text.encode("utf-8")), path) == loaded


def try_loading(loader_name: str, data: bytes, path: Path) -> str:
    """Load the broken file; returns "loaded" or "refused" after checking the outcome."""
    path.unlink(missing_ok=True)  # a fresh file is quicker to write than a truncated one
    path.write_bytes(data)
    written = path.stat()
    try:
        loaded = loaded_within_a_second(lambda: LOADERS[loader_name](path))
    except FileProblem as problem:
        check_refusal(problem, path)
        outcome = "refused"
    else:
        assert isinstance(loaded, EXPECTED[loader_name])
        check_valid(loaded, path)
        outcome = "loaded"
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (written.st_size, written.st_mtime_ns), (
        "loading never changes the file"
    )
    return outcome


def _fuzz(
    seeds: tuple[Seed, ...],
    loader_names: list[str],
    examples: int,
    kind: str,
) -> Callable[[Path, Counter[str]], None]:
    @given(case=broken_files(seeds), loader_name=st.sampled_from(loader_names))
    @settings(FUZZ, max_examples=examples)
    def fuzz(
        broken_path: Path,
        generated_inputs: Counter[str],
        case: tuple[Seed, bytes],
        loader_name: str,
    ) -> None:
        _, data = case
        outcome = try_loading(loader_name, data, broken_path)
        generated_inputs[f"broken {kind} files {outcome}"] += 1

    return fuzz


test_broken_sessions_load_or_are_refused = _fuzz(
    (EXAMPLE_SESSION, INDIVIDUAL_SESSION), ["load_session", "load_any"], 1_000, "session"
)
test_broken_templates_load_or_are_refused = _fuzz(
    TEMPLATES, ["load_template", "load_any"], 700, "questionnaire"
)
test_any_broken_file_given_to_any_loader = _fuzz(
    (EXAMPLE_SESSION, INDIVIDUAL_SESSION, *TEMPLATES),
    list(LOADERS),
    400,
    "session or questionnaire",
)
