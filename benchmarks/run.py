"""How quickly partnerworkshop starts, opens a session, switches steps, analyses, exports,
saves and reads the largest and the most damaged files, and how much memory it needs, each
figure beside its target.

    python benchmarks/run.py [--quick]

Run it with the Python environment the project is installed in, with its test tools (pypdf
counts the charter's pages). It prints a Markdown table, one row per figure: the median of
several runs, the baseline it is compared with where it has one, their ratio, the target and
whether the figure is within it; the last line counts the figures within target. ``--quick``
runs each figure fewer times: a first look, not figures to quote.

A figure with a baseline is measured in turn with it, run after run, so that whatever else the
machine is doing weighs on both alike. A cold start is timed from the moment this script starts
the process until the window has painted once and the events queued until then are handled, as
the process itself reads the same system clock; the baseline is a bare Qt main window of the
same size, started the same way. The first run of everything is not counted (it fills the
system's file caches), and processes read compiled modules from a cache, as an installed app
does, even where ``PYTHONDONTWRITEBYTECODE`` is set.

Windows are drawn off screen (``QT_QPA_PLATFORM=offscreen``) unless a display is available
(``DISPLAY`` or ``WAYLAND_DISPLAY`` set) or ``QT_QPA_PLATFORM`` is set already. Every process
gets its own empty per-user folder (``PARTNERWORKSHOP_USER_DIR``), so the benchmark never reads
or writes a real user's preferences or recovery copies. Everything it writes goes to a temporary
folder that is deleted at the end. Peak memory is measured on Linux and macOS.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from partnerworkshop.model.session import Session
    from partnerworkshop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
PROBES = Path(__file__).resolve().parent / "probes.py"
# ru_maxrss counts kilobytes on Linux and bytes on macOS.
PEAK_MEMORY_UNIT = 1 if sys.platform == "darwin" else 1024
MB = 1024 * 1024
LARGE_QUESTIONS = 1000
LARGE_SECTIONS = 50
LARGEST_QUESTIONS = 3800  # a session file of about 7.6 MB; files over 8 MB are refused
STEP_NAMES = {1: "Answer", 2: "Compare", 3: "Agree"}


@dataclass(frozen=True)
class Repetitions:
    """How many times each kind of figure is measured (the median is reported)."""

    processes: int  # fresh app and bare-window processes, each
    exports: int  # charter export and plain document processes, each
    large_exports: int  # processes exporting the 1,000-question session
    interactions: int  # opening the example and each step switch on it
    large_interactions: int  # each step switch on the 1,000-question session
    calls: int  # analyses and saves


DEFAULT = Repetitions(
    processes=9, exports=7, large_exports=3, interactions=10, large_interactions=5, calls=15
)
QUICK = Repetitions(
    processes=3, exports=2, large_exports=1, interactions=4, large_interactions=2, calls=5
)


@dataclass(frozen=True)
class Target:
    limit: float  # seconds or bytes; for a ratio, the highest ratio to the baseline
    ratio: bool = False


@dataclass
class Figure:
    name: str
    unit: str  # how to show values: "ms", "s" or "MB"
    target: Target | None
    value: float | None = None  # seconds or bytes
    baseline: float | None = None
    missing: bool = False  # the feature it measures does not exist (yet)

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def within(self) -> bool | None:
        """Whether the figure meets its target (None: it has none)."""
        if self.target is None:
            return None
        if self.missing or self.value is None:
            return False
        if self.target.ratio:
            ratio = self.ratio
            return ratio is not None and ratio <= self.target.limit
        return self.value < self.target.limit

    def shown(self, amount: float | None) -> str:
        if amount is None:
            return "-"
        if self.unit == "MB":
            return f"{amount / MB:.0f} MB"
        if self.unit == "s":
            return f"{amount:.2f} s"
        milliseconds = amount * 1000
        return f"{milliseconds:.1f} ms" if milliseconds < 10 else f"{milliseconds:.0f} ms"

    def row(self) -> str:
        target = "-"
        if self.target is not None:
            limit = self.target.limit
            scale = {"ms": 1000, "s": 1, "MB": 1 / MB}[self.unit]
            target = (
                f"ratio <= {limit:g}" if self.target.ratio else f"< {limit * scale:g} {self.unit}"
            )
        within = {None: "-", True: "yes", False: "no"}[self.within]
        if self.missing:
            return f"| {self.name} | not yet | - | - | {target} | {within} |"
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "-"
        return (
            f"| {self.name} | {self.shown(self.value)} | {self.shown(self.baseline)} | {ratio} "
            f"| {target} | {within} |"
        )


class FeatureMissing(Exception):
    """What a figure measures is not in the app (yet): the figure reads "not yet"."""


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- fresh processes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Finished:
    seconds: float  # from launch to exit, as seen from here
    peak_memory: int  # bytes: the process's peak resident memory
    output: str


def run_python(arguments: list[str], cwd: Path, launched: float | None = None) -> Finished:
    """Run ``python ARGUMENTS`` to the end; its peak memory comes from the operating system."""
    launched = time.perf_counter() if launched is None else launched
    process = subprocess.Popen(
        [sys.executable, *arguments], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    assert process.stdout is not None
    with process.stdout:
        output = process.stdout.read().decode("utf-8", "replace")
    # os.wait4 rather than Popen.wait: it also gives the resources this one process used.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - launched
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        if any(sign in output for sign in ("ModuleNotFoundError", "ImportError", "invalid choice")):
            raise FeatureMissing(output)
        raise RuntimeError(
            f"python {' '.join(arguments)} failed (exit {process.returncode}):\n{output}"
        )
    return Finished(seconds, usage.ru_maxrss * PEAK_MEMORY_UNIT, output)


def reported(output: str, word: str) -> list[str]:
    """The values on the line a probe printed starting with ``word``."""
    for line in output.splitlines():
        if line.startswith(word + " "):
            return line.split()[1:]
    raise RuntimeError(f'no "{word}" line in the output:\n{output}')


class Workspace:
    """A temporary folder for everything the benchmark writes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._count = 0

    def new_folder(self, name: str) -> Path:
        self._count += 1
        path = self.folder / f"{name}-{self._count}"
        path.mkdir()
        return path


def window_ready(workspace: Workspace, probe: str, *extra: str) -> tuple[float, int]:
    """Seconds from launch until the window is painted and idle, and peak memory in bytes."""
    user_dir = workspace.new_folder("user")
    os.environ["PARTNERWORKSHOP_USER_DIR"] = str(user_dir)  # inherited by the process
    launched = time.perf_counter()
    finished = run_python([str(PROBES), probe, repr(launched), *extra], user_dir, launched)
    ready = float(reported(finished.output, "ready")[0])
    if not 0 < ready <= finished.seconds:
        ready = finished.seconds  # the clocks of the two processes do not agree: launch to exit
    return ready, finished.peak_memory


def measure_windows(
    workspace: Workspace, example_file: Path, runs: int
) -> dict[str, tuple[float, float]]:
    """Median seconds to a painted, idle window and peak bytes: the app, the app on the
    example session, and a bare Qt window."""
    probes: dict[str, tuple[str, ...]] = {
        "bare": ("bare-window",),
        "app": ("app-window",),
        "example": ("app-window", str(example_file)),
    }
    for probe in probes.values():
        window_ready(workspace, *probe)  # once untimed: file caches, compiled modules
    times: dict[str, list[float]] = {name: [] for name in probes}
    peaks: dict[str, list[float]] = {name: [] for name in probes}
    names = list(probes)
    for run in range(runs):
        for name in names[run % 3 :] + names[: run % 3]:  # each goes first in turn
            seconds, peak = window_ready(workspace, *probes[name])
            times[name].append(seconds)
            peaks[name].append(peak)
    return {name: (median(times[name]), median(peaks[name])) for name in probes}


def count_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def measure_export(workspace: Workspace, agreed_file: Path, runs: int) -> tuple[float, float, int]:
    """Median seconds of ``partnerworkshop export`` and of a plain reportlab document of as
    many pages in the same fonts, each a fresh process; and the number of pages."""
    from partnerworkshop.resources import resource_path

    folder = workspace.new_folder("export")
    session_file, charter = folder / "session.pws.json", folder / "charter.pdf"
    plain = folder / "plain.pdf"

    def export() -> float:
        # A fresh copy each time: every run exports a new version and records it in the file.
        shutil.copyfile(agreed_file, session_file)
        command = ["-m", "partnerworkshop", "export", str(session_file), "-o", str(charter)]
        return run_python([*command, "--force"], folder).seconds

    export()  # once untimed: file caches, compiled modules
    pages = count_pages(charter)
    plain_command = [str(PROBES), "plain-pdf", str(pages), str(resource_path("fonts")), str(plain)]

    def build_plain() -> float:
        return run_python(plain_command, folder).seconds

    build_plain()
    if count_pages(plain) != pages:
        raise RuntimeError(f"the plain document has {count_pages(plain)} pages, not {pages}")
    exports: list[float] = []
    plains: list[float] = []
    for run in range(runs):
        for measure, times in ((export, exports), (build_plain, plains))[:: 1 if run % 2 else -1]:
            times.append(measure())
    return median(exports), median(plains), pages


def measure_export_in_process(
    workspace: Workspace, session_file: Path, runs: int
) -> tuple[float, float, int]:
    """Median seconds of the export itself, in a process that has just loaded the session (its
    first export, fonts included), and peak bytes of that process; and the number of pages."""
    folder = workspace.new_folder(f"export-in-process-{session_file.stem}")
    command = [str(PROBES), "export-in-process", str(session_file), str(folder / "charter.pdf")]
    times, peaks, pages = [], [], 0
    for _ in range(runs):
        finished = run_python(command, folder)
        taken, pages_text = reported(finished.output, "exported")
        times.append(float(taken))
        peaks.append(float(finished.peak_memory))
        pages = int(pages_text)
    return median(times), median(peaks), pages


# --- loading files ------------------------------------------------------------------------------

BROKEN_FILES = 400  # generated broken files, each loaded once to find the slowest
SLOWEST_BROKEN = 5  # the slowest of them, each timed again as often as a call


def time_loading(path: Path, runs: int) -> float:
    """Median seconds of loading ``path`` as the app opens a file, refused or not."""
    from partnerworkshop.errors import FileProblem
    from partnerworkshop.model.storage import load_any

    def load() -> None:
        with contextlib.suppress(FileProblem):
            load_any(path)

    return timed(load, runs)


def largest_file_of_tiny_values(folder: Path) -> Path:
    """A file just under the size limit, packed with tiny values: the slowest kind to read."""
    from partnerworkshop.model.storage import MAX_FILE_BYTES

    filler = b"[0,0,0,0,0,0,0,0,0,0],"
    count = (MAX_FILE_BYTES - 100) // len(filler)
    path = folder / "tiny-values.pws.json"
    path.write_bytes(b'{"format": "partnerworkshop-session", "x": [' + filler * count + b"0]}")
    return path


def measure_broken_files(folder: Path, runs: int) -> float:
    """Median seconds of loading the slowest of many generated broken files.

    The files are the ones the loading tests generate, in the same order. Each is loaded once;
    the slowest few are timed again and the slowest median is reported.
    """
    sys.path.insert(0, str(ROOT / "tests"))
    from hypothesis import HealthCheck, Phase, given, settings
    from mutations import EXAMPLE_SESSION, TEMPLATES, Seed, broken_files

    once: list[tuple[float, int]] = []
    paths: list[Path] = []

    @given(case=broken_files((EXAMPLE_SESSION, *TEMPLATES)))
    @settings(
        max_examples=BROKEN_FILES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def load_each(case: tuple[Seed, bytes]) -> None:
        path = folder / f"broken-{len(paths)}.pws.json"
        path.write_bytes(case[1])
        once.append((time_loading(path, 1), len(paths)))
        paths.append(path)

    load_each()
    slowest = sorted(once, reverse=True)[:SLOWEST_BROKEN]
    return max(time_loading(paths[index], runs) for _, index in slowest)


# --- in this process --------------------------------------------------------------------------


def timed(action: Callable[[], object], runs: int) -> float:
    """Median seconds of ``action``, after one run that is not counted."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return median(times)


def time_until_painted(app: QApplication, page: QWidget, action: Callable[[], object]) -> float:
    """Seconds to do ``action`` and handle the events it causes until ``page`` is painted."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatcher(QObject):
        painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watcher = PaintWatcher()
    page.installEventFilter(watcher)
    started = time.perf_counter()
    action()
    app.processEvents()
    if not watcher.painted:
        app.processEvents()  # the events that handling the first ones queued
    if not watcher.painted:
        page.repaint()
    taken = time.perf_counter() - started
    page.removeEventFilter(watcher)
    return taken


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def close(window: MainWindow) -> None:
    window.editor.mark_saved()  # the edits made to measure are not worth a question
    window.close()


def measure_open(app: QApplication, example_file: Path, runs: int) -> float:
    """Median seconds from ``load`` to the Answer step painted, from a new session on Set up."""
    from partnerworkshop.model.catalog import builtin_template
    from partnerworkshop.model.session import new_session
    from partnerworkshop.ui.application import build_window

    window = build_window()
    settle(app)
    times = []
    for run in range(runs + 1):
        window.go_to_step(0)
        window.set_document(new_session(builtin_template()), None)
        settle(app)
        taken = time_until_painted(app, window.answer_page, lambda: window.load(example_file))
        if run:  # the first also loads what only the first opening needs
            times.append(taken)
    close(window)
    return median(times)


def measure_steps(app: QApplication, session_file: Path, runs: int) -> dict[int, float]:
    """Median seconds to show Answer, Compare and Agree after an answer changed on Set up."""
    from partnerworkshop.model.template import ScaleQuestion
    from partnerworkshop.ui.application import build_window

    times: dict[int, list[float]] = {step: [] for step in STEP_NAMES}
    # A window of its own for each session, as after starting the app on that file.
    window = build_window(session_file)
    settle(app)
    question = next(q for q in window.session.template.questions() if isinstance(q, ScaleQuestion))
    for run in range(runs + 1):
        for step in STEP_NAMES:
            window.go_to_step(0)
            settle(app)
            # A changed answer: every step after Set up has to be rebuilt when shown.
            current = window.session.answer("A", question.id).value
            new = question.minimum if current != question.minimum else question.minimum + 1
            window.editor.set_answer("A", question.id, new)
            settle(app)
            page = (window.answer_page, window.compare_page, window.agree_page)[step - 1]
            taken = time_until_painted(app, page, partial(window.go_to_step, step))
            if run:  # the first of each step also builds what only the first showing needs
                times[step].append(taken)
    close(window)
    return {step: median(step_times) for step, step_times in times.items()}


# --- the sessions measured --------------------------------------------------------------------


def agreed_example() -> Session:
    """The example session after a realistic Agree step, as the tests use it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from factories import agree_on_example

    from partnerworkshop.model.catalog import example_session

    return agree_on_example(example_session()).session


def large_session() -> Session:
    """A synthetic 1,000-question session in 50 sections, every fifth question resolved."""
    from partnerworkshop.model.edits import SessionEditor
    from partnerworkshop.model.synthetic import synthetic_session

    session = synthetic_session(questions=LARGE_QUESTIONS, sections=LARGE_SECTIONS, seed=0)
    editor = SessionEditor(session)
    for question in list(session.template.questions())[::5]:
        editor.resolve(question.id, "adopt_b")
    return session


def largest_session() -> Session:
    """A synthetic session of about the largest size a file may have."""
    from partnerworkshop.model.synthetic import synthetic_session

    return synthetic_session(questions=LARGEST_QUESTIONS, sections=LARGE_SECTIONS, seed=0)


# --- the report -------------------------------------------------------------------------------


def _with_comment(session: Session, comment: str) -> Session:
    changed = session.model_copy(deep=True)
    question = next(iter(changed.template.questions())).id
    answer = changed.answer("A", question)
    changed.answers.A[question] = answer.model_copy(update={"comment": comment})
    return changed


ORDINARY_PROSE = "The parties review the service together every quarter and agree what changes. "


def _prose(length: int) -> str:
    return (ORDINARY_PROSE * (length // len(ORDINARY_PROSE) + 1))[:length]


def line_break_sessions() -> tuple[Session, Session]:
    """The example with a comment of 16,000 line breaks between two sentences, and with a
    comment of as much ordinary text."""
    base = agreed_example()
    broken = "Our view is below.\n" + "\n" * 16_000 + "That is all."
    return _with_comment(base, broken), _with_comment(base, _prose(len(broken)))


def short_line_sessions() -> tuple[Session, Session]:
    """The example with a comment of 16,000 lines of one letter each, and with a comment of as
    much ordinary text."""
    base = agreed_example()
    lines = "x\n" * 16_000
    return _with_comment(base, lines), _with_comment(base, _prose(len(lines)))


def long_option_sessions() -> tuple[Session, Session]:
    """The example with a ranking of 300 options of 500-character labels, answered by both
    parties, and with 300 short labels and as much ordinary text in the ranking's comments."""
    from partnerworkshop.model.session import Session as SessionModel

    raw = agreed_example().model_dump(mode="json")
    question = next(
        question
        for section in raw["template"]["sections"]
        for question in section["questions"]
        if question["kind"] == "ranking"
    )
    raw["agreement"]["items"].pop(question["id"], None)

    def ranked(label_length: int, comment: str) -> Session:
        question["options"] = [
            {"id": f"o{n}", "label": (f"{n} " + ORDINARY_PROSE * 8)[:label_length]}
            for n in range(300)
        ]
        ids = [option["id"] for option in question["options"]]
        raw["answers"]["A"][question["id"]] = {"value": ids, "comment": comment}
        raw["answers"]["B"][question["id"]] = {"value": ids[::-1], "comment": comment}
        return SessionModel.model_validate(raw)

    labels = 300 * 500
    return ranked(500, ""), ranked(12, _prose(labels // 2))


def questionnaire_sessions() -> tuple[Session, Session]:
    """Synthetic sessions of 10,000 and of 1,000 questions. The larger is more than a session
    file may hold (so the app cannot open it): it is exported from the model."""
    from partnerworkshop.model.synthetic import synthetic_session

    return (
        synthetic_session(questions=10_000, sections=LARGE_SECTIONS, seed=0),
        synthetic_session(questions=LARGE_QUESTIONS, sections=LARGE_SECTIONS, seed=0),
    )


def time_per_page(session: Session, runs: int) -> tuple[float, int]:
    """Median seconds per page of exporting the charter, comments printed, and its pages."""
    from partnerworkshop.export.charter import CharterOptions, charter_pdf

    options = CharterOptions(include_comments=True)
    pages = charter_pdf(session, options)[2]  # the run that is not counted
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        charter_pdf(session, options)
        times.append(time.perf_counter() - started)
    return median(times) / pages, pages


def qt_platform() -> str:
    """Off screen unless a display is available or a platform was chosen (set for all)."""
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return os.environ.get("QT_QPA_PLATFORM") or "the screen"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import PySide6

    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()}, "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}"
    )


def quiet_offscreen_warnings() -> None:
    """Keep the off-screen platform's remark that it cannot resize windows out of the report."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message != "This plugin does not support propagateSizeHints()":
            print(message, file=sys.stderr)

    qInstallMessageHandler(handle)


@contextlib.contextmanager
def feature(*figures: Figure) -> Iterator[None]:
    """Measure ``figures``; if what they measure is missing, they read "not yet"."""
    try:
        yield
    except (FeatureMissing, ImportError):
        for figure in figures:
            figure.missing = True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="run each figure fewer times (a first look)"
    )
    runs = QUICK if parser.parse_args(argv).quick else DEFAULT
    drawn_on = qt_platform()
    print(f"partnerworkshop benchmarks, {dt.date.today().isoformat()}")
    print(f"machine: {machine()}")
    print(f"windows drawn on: {drawn_on}", flush=True)

    large_name = f"{LARGE_QUESTIONS:,}-question"
    start = Figure("Cold start to the Set up step (fresh process)", "ms", Target(1.5, ratio=True))
    opening = Figure("Open the example session", "ms", Target(0.150))
    steps = {
        step: Figure(f"Switch to {name}, example session", "ms", Target(0.100))
        for step, name in STEP_NAMES.items()
    }
    large_steps = {
        step: Figure(f"Switch to {name}, {large_name} session", "ms", Target(0.300))
        for step, name in STEP_NAMES.items()
    }
    analysis = Figure("Analyse the example session", "ms", None)
    large_analysis = Figure(f"Analyse the {large_name} session", "ms", Target(0.100))
    export = Figure("Export the example charter (fresh process)", "ms", Target(1.5, ratio=True))
    export_in_process = Figure("Export the example charter (in process)", "ms", None)
    large_export = Figure(f"Export the {large_name} charter (in process)", "s", Target(10))
    memory = Figure(
        "Peak memory, example session open on the Answer step", "MB", Target(1.5, ratio=True)
    )
    large_memory = Figure(
        f"Peak memory, process exporting the {large_name} charter", "MB", Target(400 * MB)
    )
    save = Figure(f"Save the {large_name} session", "ms", Target(0.200))
    largest_load = Figure(
        f"Load a {LARGEST_QUESTIONS:,}-question session, the largest kind allowed", "ms", Target(1)
    )
    tiny_values = Figure("Refuse a file as large as allowed, of tiny values", "ms", Target(1))
    broken = Figure(f"Load the slowest of {BROKEN_FILES} broken files", "ms", Target(1))
    # How the time of an export grows with the text: per printed page, a pathological text
    # beside ordinary text of the same length (a text that prints more pages is no slower for
    # each of them); comments are printed, so that they count.
    line_breaks = Figure(
        "Export with a comment of 16,000 line breaks, per page, beside as much ordinary text",
        "ms",
        Target(3, ratio=True),
    )
    short_lines = Figure(
        "Export with a comment of 16,000 one-letter lines, per page, beside as much ordinary text",
        "ms",
        Target(3, ratio=True),
    )
    long_options = Figure(
        "Export with a 300-option ranking of 500-character labels, per page, beside as much "
        "ordinary text",
        "ms",
        Target(3, ratio=True),
    )
    many_questions = Figure(
        f"Export 10,000 questions, per page, beside {LARGE_QUESTIONS:,} questions",
        "ms",
        Target(3, ratio=True),
    )

    from partnerworkshop.model.catalog import example_session
    from partnerworkshop.model.storage import save_session

    with tempfile.TemporaryDirectory(prefix="partnerworkshop-benchmark-") as folder:
        workspace = Workspace(Path(folder))
        # Processes started from here read compiled modules from a cache, as an installed app
        # does, even where the environment says not to write one; it is deleted at the end.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(workspace.new_folder("bytecode"))
        os.environ["PARTNERWORKSHOP_USER_DIR"] = str(workspace.new_folder("user"))
        files = workspace.new_folder("sessions")
        example, agreed, large = example_session(), agreed_example(), large_session()
        example_file = files / "example.pws.json"
        agreed_file = files / "agreed-example.pws.json"
        large_file = files / "large.pws.json"
        save_session(example, example_file)
        save_session(agreed, agreed_file)
        save_session(large, large_file)

        with feature(start, memory):
            windows = measure_windows(workspace, example_file, runs.processes)
            start.value, start.baseline = windows["app"][0], windows["bare"][0]
            memory.value, memory.baseline = windows["example"][1], windows["bare"][1]
        with feature(export):
            export.value, export.baseline, pages = measure_export(
                workspace, agreed_file, runs.exports
            )
            export.name = f"Export the example charter, {pages} pages (fresh process)"
        with feature(export_in_process):
            export_in_process.value, _, pages = measure_export_in_process(
                workspace, agreed_file, runs.exports
            )
            export_in_process.name = f"Export the example charter, {pages} pages (in process)"
        with feature(large_export, large_memory):
            large_export.value, large_memory.value, pages = measure_export_in_process(
                workspace, large_file, runs.large_exports
            )
            large_export.name = f"Export the {large_name} charter, {pages} pages (in process)"
        scaling = (
            (line_breaks, line_break_sessions, runs.large_exports),
            (short_lines, short_line_sessions, runs.large_exports),
            (long_options, long_option_sessions, runs.large_exports),
            (many_questions, questionnaire_sessions, 1),
        )
        for figure, sessions, repetitions in scaling:
            with feature(figure):
                pathological, ordinary = sessions()
                figure.value, pages = time_per_page(pathological, repetitions)
                figure.baseline, baseline_pages = time_per_page(ordinary, repetitions)
                figure.name += f" ({pages:,} and {baseline_pages:,} pages)"
        with feature(analysis, large_analysis):
            from partnerworkshop.model.analysis import analyse

            analysis.value = timed(lambda: analyse(example), runs.calls)
            large_analysis.value = timed(lambda: analyse(large), runs.calls)
        with feature(save):
            path = workspace.new_folder("save") / "large.pws.json"
            # Saving over an existing file, which is kept as the backup, as the app does.
            save.value = timed(lambda: save_session(large, path), runs.calls)
        with feature(largest_load, tiny_values, broken):
            loading = workspace.new_folder("loading")
            largest_file = loading / "largest.pws.json"
            save_session(largest_session(), largest_file)
            largest_load.name += f" ({largest_file.stat().st_size / MB:.1f} MB)"
            largest_load.value = time_loading(largest_file, runs.calls)
            tiny_values.value = time_loading(largest_file_of_tiny_values(loading), runs.calls)
            broken.value = measure_broken_files(loading, runs.calls)

        os.environ["PARTNERWORKSHOP_USER_DIR"] = str(workspace.new_folder("user"))
        from partnerworkshop.ui.application import create_application

        quiet_offscreen_warnings()
        app = create_application([sys.argv[0]])
        with feature(opening):
            opening.value = measure_open(app, example_file, runs.interactions)
        for session_file, step_figures, repetitions in (
            (example_file, steps, runs.interactions),
            (large_file, large_steps, runs.large_interactions),
        ):
            with feature(*step_figures.values()):
                for step, seconds in measure_steps(app, session_file, repetitions).items():
                    step_figures[step].value = seconds

    figures = [
        start,
        opening,
        *steps.values(),
        *large_steps.values(),
        analysis,
        large_analysis,
        export,
        export_in_process,
        large_export,
        line_breaks,
        short_lines,
        long_options,
        many_questions,
        memory,
        large_memory,
        save,
        largest_load,
        tiny_values,
        broken,
    ]
    print()
    print("| figure | value | baseline | ratio | target | within |")
    print("|---|---|---|---|---|---|")
    for figure in figures:
        print(figure.row())
    targeted = [figure for figure in figures if figure.target is not None]
    print()
    print(f"within target: {sum(1 for f in targeted if f.within)} of {len(targeted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
