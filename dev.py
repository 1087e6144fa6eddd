"""Set up and run partnerworkshop from a source checkout, on Linux, macOS or Windows.

    python3 dev.py run [ARGS...]   install into .venv and start the app
    python3 dev.py test [ARGS...]  install into .venv and run the whole test suite

Each command creates the virtual environment .venv on first use and installs (or refreshes) the
project in it. The project is installed as a real package, not linked to the source folder, so
the tests also prove that everything the app needs ships inside the package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("PARTNERWORKSHOP_VENV", ROOT / ".venv"))


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(*command: str | Path) -> None:
    completed = subprocess.run([str(part) for part in command], cwd=ROOT)
    if completed.returncode:
        sys.exit(completed.returncode)


def install(extra: str) -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extra}]" if extra else "."
    print(
        f"Installing partnerworkshop{f' with its {extra} tools' if extra else ''} into {VENV} ...",
        flush=True,
    )
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", target)
    return python


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        sys.exit(2)
    what, rest = argv[0], argv[1:]
    if what == "run":
        python = install("")
        run(python, "-m", "partnerworkshop", *rest)
        return
    python = install("test")
    run(python, "-m", "ruff", "check", ".")
    run(python, "-m", "mypy")
    # -P: import the installed package, never the source folder that sits in the working directory.
    run(python, "-P", "-m", "pytest", *rest)


if __name__ == "__main__":
    main(sys.argv[1:])
