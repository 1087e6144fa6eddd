"""Shared test set-up: Qt runs offscreen, and no test touches the real user's files."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import make_small_template

from partnerworkshop.model.session import Session, new_session
from partnerworkshop.model.template import Questionnaire


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows on the real display")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


GENERATED_INPUTS = pytest.StashKey[Counter[str]]()


@pytest.fixture(scope="session")
def generated_inputs(request: pytest.FixtureRequest) -> Counter[str]:
    """Counts the generated inputs the robustness tests try, by kind, for the run's summary."""
    return request.config.stash.setdefault(GENERATED_INPUTS, Counter())


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    counts = config.stash.get(GENERATED_INPUTS, Counter())
    if counts:
        terminalreporter.write_sep("-", f"{counts.total():,} generated inputs tried")
        for kind, count in sorted(counts.items()):
            terminalreporter.write_line(f"{count:>7,}  {kind}")


@pytest.fixture(autouse=True)
def user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Settings, recent files and recovery files live in a fresh folder for every test."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("PARTNERWORKSHOP_USER_DIR", str(home))
    yield home


@pytest.fixture
def small_template() -> Questionnaire:
    return make_small_template()


@pytest.fixture
def small_session(small_template: Questionnaire) -> Session:
    return new_session(
        small_template, title="Test workshop", organisation_a="Northwind", organisation_b="Contoso"
    )
