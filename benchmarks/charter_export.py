"""How long exporting a charter takes, and how much memory it needs.

    python benchmarks/charter_export.py [QUESTIONS]

Exports the example session (in process, after the first export has loaded reportlab and the
fonts) and a synthetic session of QUESTIONS questions (default 1000) in 50 sections, with one
question in five resolved, and prints the times, the page counts and the peak memory of the
process (Linux). Targets: under 10 seconds and under 400 MB for 1,000 questions.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from partnerworkshop.export.charter import export_charter
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Session
from partnerworkshop.model.synthetic import synthetic_session


def timed_export(make_session: Callable[[], Session], target: Path, runs: int) -> tuple[float, int]:
    times: list[float] = []
    pages = 0
    for _ in range(runs):
        session = make_session()
        started = time.perf_counter()
        pages = export_charter(session, target).pages
        times.append(time.perf_counter() - started)
    return statistics.median(times), pages


def large_session(questions: int) -> Session:
    session = synthetic_session(questions=questions, sections=50, seed=0)
    editor = SessionEditor(session)
    for question in list(session.template.questions())[::5]:
        editor.resolve(question.id, "adopt_b")
    return session


def main() -> None:
    questions = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "charter.pdf"
        started = time.perf_counter()
        export_charter(example_session(), target)
        first = time.perf_counter() - started
        example, example_pages = timed_export(example_session, target, runs=5)
        large, large_pages = timed_export(lambda: large_session(questions), target, runs=1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"example session: {example:.2f} s ({example_pages} pages; first export {first:.2f} s)")
    print(f"{questions} questions: {large:.2f} s ({large_pages} pages)")
    print(f"peak memory of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
