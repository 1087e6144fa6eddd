"""A guard against loading that has become pathologically slow, safe on a busy machine.

How fast loading is, is measured by the benchmark (benchmarks/run.py), not by tests. What a test
can check without failing at random is that no file makes loading take a second of processor
time: the slowest file the loading tests generate takes a few hundredths of one. Processor time
counts only this process's own work, so other work on the machine does not inflate it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

LOAD_PROCESSOR_SECONDS = 1.0

Result = TypeVar("Result")


def loaded_within_a_second(load: Callable[[], Result]) -> Result:
    """The result of ``load``, after checking that it took under a second of processor time."""
    started = time.process_time()
    try:
        return load()
    finally:
        taken = time.process_time() - started
        assert taken < LOAD_PROCESSOR_SECONDS, f"loading took {taken:.2f} s of processor time"
