"""How long the comparison of a large session takes.

    python benchmarks/analysis_speed.py [QUESTIONS] [SECTIONS]

Builds a synthetic session (1,000 questions in 50 sections by default), analyses it a number of
times and prints the median and the fastest time.
"""

from __future__ import annotations

import statistics
import sys
import time

from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.synthetic import synthetic_session

ROUNDS = 30


def main(argv: list[str]) -> None:
    questions = int(argv[0]) if argv else 1000
    sections = int(argv[1]) if len(argv) > 1 else 50
    session = synthetic_session(questions, sections, seed=1)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        analyse(session)
        times.append(time.perf_counter() - start)
    print(
        f"analyse, {questions} questions in {sections} sections: "
        f"median {statistics.median(times) * 1000:.1f} ms, fastest {min(times) * 1000:.1f} ms "
        f"({ROUNDS} rounds)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
