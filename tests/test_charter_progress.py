"""Making a charter reports how far it has got, and a report can stop it: nothing is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from factories import agree_on_example

from partnerworkshop.export.charter import (
    ExportStopped,
    Format,
    Progress,
    charter_pdf,
    export_charter,
    make_charter,
)
from partnerworkshop.export.charter.progress import SPANS
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session

AT = dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC)


def _agreed() -> Session:
    session = example_session()
    agree_on_example(session)
    return session


def test_the_reports_go_forward_through_every_stage_and_carry_the_summary_first() -> None:
    reports: list[Progress] = []
    charter = make_charter(_agreed(), at=AT, report=reports.append)
    stages = [report.stage for report in reports]
    assert stages[0] == "content" and stages[-1] == "finishing"
    assert sorted(set(stages), key=list(SPANS).index) == list(SPANS)
    assert stages == sorted(stages, key=list(SPANS).index), "no stage comes back"
    fractions = [report.fraction for report in reports]
    assert fractions == sorted(fractions), "the whole never goes backwards"
    assert fractions[0] >= 0 and fractions[-1] <= 1
    with_summary = [report for report in reports if report.summary is not None]
    assert len(with_summary) == 1 and with_summary[0] is reports[1]
    assert with_summary[0].summary == charter.summary
    pages = [report.page for report in reports if report.stage == "pages"]
    assert max(pages) == charter.pages


def test_following_the_export_changes_nothing_in_the_charter() -> None:
    session = _agreed()
    followed, _, _ = charter_pdf(session, at=AT, report=lambda progress: None)
    assert followed == charter_pdf(session, at=AT)[0]


@pytest.mark.parametrize(
    ("kind", "stage"),
    [
        (kind, stage)
        for kind in ("pdf", "docx")
        for stage in SPANS
        if (kind, stage) != ("docx", "pages")
    ],
)
def test_a_report_can_stop_the_export_and_nothing_is_written(
    tmp_path: Path, kind: Format, stage: str
) -> None:
    # Word lays out its pages itself, so a Word export has no "pages" stage.
    target = tmp_path / f"charter.{kind}"

    def stop_at(progress: Progress) -> None:
        if progress.stage == stage:
            raise ExportStopped

    with pytest.raises(ExportStopped):
        export_charter(_agreed(), target, at=AT, format=kind, report=stop_at)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_an_export_followed_to_its_end_is_written(tmp_path: Path, kind: Format) -> None:
    seen: list[str] = []
    target = tmp_path / f"charter.{kind}"
    exported = export_charter(
        _agreed(),
        target,
        at=AT,
        format=kind,
        report=lambda progress: seen.append(progress.stage),
    )
    assert exported.path == target and target.stat().st_size > 10_000
    assert seen[-1] == "finishing"
