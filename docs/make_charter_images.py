"""Regenerate the README's pictures of the charter: docs/charter-page-1.png and -2.png, and of
its Word version, docs/charter-word.png.

    python docs/make_charter_images.py

Exports the example session (Northwind Logistics and Contoso Health) after a realistic Agree
step, then renders its first two pages with pdftoppm (from poppler-utils), which must be
installed. The Word version is laid out by LibreOffice (``soffice``, on Debian the package
libreoffice-writer-nogui) when it is installed, and its third page rendered the same way. The
export time is fixed, so the pictures change only when the charter does.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the realistic agreement the tests use as well

from factories import agree_on_example  # noqa: E402

from partnerworkshop.export.charter import export_charter  # noqa: E402
from partnerworkshop.model.catalog import EXAMPLE_SESSION  # noqa: E402
from partnerworkshop.model.session import Session  # noqa: E402
from partnerworkshop.model.storage import load_session  # noqa: E402
from partnerworkshop.resources import resource_path  # noqa: E402

EXPORTED = datetime(2026, 5, 14, 16, 30, tzinfo=UTC)
RESOLUTION = 50  # dots per inch: legible in a README, a few tens of kilobytes per page


def main() -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm is missing: install poppler-utils and run this again")
    session = load_session(resource_path("examples", EXAMPLE_SESSION))
    agree_on_example(session)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "charter.pdf"
        export_charter(session, pdf, at=EXPORTED)
        for page in (1, 2):
            target = ROOT / "docs" / f"charter-page-{page}"
            subprocess.run(
                ["pdftoppm", "-r", str(RESOLUTION), "-png", "-singlefile",
                 "-f", str(page), "-l", str(page), str(pdf), str(target)],
                check=True,
            )  # fmt: skip
            print(f"{target}.png")
        word_picture(session, Path(folder))


def word_picture(session: Session, folder: Path) -> None:
    """The Word version's page with the agreed positions, as LibreOffice lays it out."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice (LibreOffice) is missing: docs/charter-word.png is left as it is")
        return
    document = folder / "charter-word.docx"
    export_charter(session, document, at=EXPORTED, format="docx")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(folder / 'office').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(folder), str(document)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    target = ROOT / "docs" / "charter-word"
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", "-singlefile", "-f", "3", "-l", "3",
         str(folder / "charter-word.pdf"), str(target)],
        check=True,
    )  # fmt: skip
    print(f"{target}.png")


if __name__ == "__main__":
    main()
