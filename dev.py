"""Set up and run partnerworkshop from a source checkout, on Linux, macOS or Windows.

    python3 dev.py run [ARGS...]   install into .venv and start the app
    python3 dev.py test [ARGS...]  install into .venv and run the whole test suite
    python3 dev.py package         build the app that runs without Python: dist/partnerworkshop/
                                   (and partnerworkshop.app on macOS), and an archive of it in dist/
    python3 dev.py package --onefile   the same app as one file: dist/onefile/partnerworkshop

Each command creates the virtual environment .venv on first use and installs (or refreshes) the
project in it. The project is installed as a real package, not linked to the source folder, so
the tests also prove that everything the app needs ships inside the package.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("PARTNERWORKSHOP_VENV", ROOT / ".venv"))


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def run(*command: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
    completed = subprocess.run([str(part) for part in command], cwd=cwd, env=env)
    if completed.returncode:
        sys.exit(completed.returncode)


def install(extra: str) -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extra}]" if extra else "."
    tools = f" with its {extra.replace(',', ' and ')} tools" if extra else ""
    print(
        f"Installing partnerworkshop{tools} into {VENV} ...",
        flush=True,
    )
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", target)
    return python


def package(options: list[str]) -> None:
    if set(options) - {"--onefile"}:
        print(__doc__)
        sys.exit(2)
    onefile = "--onefile" in options
    # With the signing extra: the app carries everything, the sign command too.
    python = install("package,sign")
    work = ROOT / "build" / "pyinstaller"
    work.mkdir(parents=True, exist_ok=True)
    dist = ROOT / "dist" / ("onefile" if onefile else "")
    env = {**os.environ, "PARTNERWORKSHOP_ONEFILE": "1" if onefile else "0"}
    # -P and a working folder outside the checkout: PyInstaller must find the installed package,
    # never the source folder.
    run(
        python, "-P", "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", dist, "--workpath", work, ROOT / "packaging" / "partnerworkshop.spec",
        cwd=work, env=env,
    )  # fmt: skip
    built = dist / "partnerworkshop"
    files = [built] if built.is_file() else [p for p in built.rglob("*") if p.is_file()]
    size = sum(path.lstat().st_size for path in files if not path.is_symlink())
    print(f"Built {built.relative_to(ROOT)}: {size / 2**20:.0f} MiB in {len(files)} files")
    if not onefile:
        print(f"Packed it for download: {archive(dist).relative_to(ROOT)}")


def archive(dist: Path) -> Path:
    """The archive a facilitator downloads: the folder (the app bundle on macOS), unpacked as is."""
    init = (ROOT / "partnerworkshop" / "__init__.py").read_text(encoding="utf-8")
    version = re.search(r'__version__ = "(.+)"', init)
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    name = f"partnerworkshop-{version[1] if version else 'dev'}-{system}-{platform.machine()}"
    if sys.platform == "darwin":
        # ditto keeps the bundle's symbolic links and attributes, which a plain zip loses.
        target = dist / f"{name}.zip"
        target.unlink(missing_ok=True)
        run("ditto", "-c", "-k", "--keepParent", dist / "partnerworkshop.app", target)
        return target
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(dist / name), "zip", dist, "partnerworkshop"))
    target = dist / f"{name}.tar.gz"
    # gzip's usual level: the highest one takes three times as long for a file no smaller.
    with tarfile.open(target, "w:gz", compresslevel=6) as packed:
        packed.add(dist / "partnerworkshop", arcname="partnerworkshop")
    return target


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"run", "test", "package"}:
        print(__doc__)
        sys.exit(2)
    what, rest = argv[0], argv[1:]
    if what == "run":
        python = install("")
        run(python, "-m", "partnerworkshop", *rest)
        return
    if what == "package":
        package(rest)
        return
    python = install("test")
    run(python, "-m", "ruff", "check", ".")
    run(python, "-m", "mypy")
    # -P: import the installed package, never the source folder that sits in the working directory.
    run(python, "-P", "-m", "pytest", *rest)


if __name__ == "__main__":
    main(sys.argv[1:])
