"""Refresh the screenshots in the README: the app on the example session, 1280 x 720.

    python docs/screenshots.py

Runs without a screen (Qt's offscreen platform) and writes PNG files beside this script.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session
from partnerworkshop.ui.application import create_application
from partnerworkshop.ui.main_window import MainWindow
from partnerworkshop.ui.style import apply_theme
from partnerworkshop.ui.user_files import UserFiles

HERE = Path(__file__).resolve().parent
SIZE = (1280, 720)


def shoot(
    name: str,
    step: int,
    zoom: int = 100,
    prepare: Callable[[MainWindow], None] | None = None,
    session: Callable[[], Session] = example_session,
) -> None:
    app = create_application()
    apply_theme(app, zoom)
    user_files = UserFiles()
    user_files.preferences.zoom = zoom  # the toolbar fits itself to the zoom it is told
    window = MainWindow(user_files)
    window.set_document(session(), None)
    window.show()
    window.resize(*SIZE)  # after showing: a window first shown fits itself to the screen
    window.go_to_step(step)
    if prepare is not None:
        prepare(window)
    deadline = time.monotonic() + 3  # time for the Export step's preview to be made and drawn
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    path = HERE / name
    window.grab().save(str(path))
    print(f"wrote {path}")
    window.editor.mark_saved()  # close without asking to save the example
    window.close()


def shoot_room(name: str, size: tuple[int, int]) -> None:
    """The view for the room, on a projector of ``size``, while the Answer step is on a
    question the parties answered differently."""
    app = create_application()
    apply_theme(app, 100)
    window = MainWindow(UserFiles())
    window.set_document(example_session(), None)
    window.show()
    window.go_to_step(1)
    window.answer_page.sections.setCurrentRow(3)
    window.room.present(True)
    view = window.room.view
    assert view is not None
    view.resize(*size)
    view.text_size = 0  # measured again for this size, as on a projector of this height
    view.fit_to_screen(size[1])
    view.refresh()
    for _ in range(20):
        QApplication.processEvents()
        time.sleep(0.02)
    path = HERE / name
    view.grab().save(str(path))
    print(f"wrote {path}")
    window.editor.mark_saved()
    window.close()


def agree_a_little(window: MainWindow) -> None:
    """Settle a few agenda items the ways a room does."""
    editor, session = window.editor, window.session
    editor.resolve(
        "name.kind_in_mind", "adopt_b", value=session.answer("B", "name.kind_in_mind").value
    )
    editor.resolve(
        "sharing.costs", "agreed", value=40, wording="Northwind carries 40% of the costs."
    )
    editor.park("change.ending", "Legal teams of both organisations", None)
    editor.set_item_notes("sharing.costs", "Contoso funds the new stock-management system.")


def northwind_individually() -> Session:
    """The example with Northwind's representatives answering individually: James Whitfield as
    Northwind answered, Sarah Okafor as Contoso did."""
    session = example_session()
    session.parties.A.answering = "individually"
    james, sarah = (person.id for person in session.parties.A.representatives)
    session.individual.A.by_representative = {
        james: dict(session.answers.A),
        sarah: dict(session.answers.B),
    }
    return Session.model_validate(session.model_dump())


def show_inside_each_party(window: MainWindow) -> None:
    page = window.compare_page
    page.tabs.setCurrentWidget(page.inside_tab)
    QApplication.processEvents()  # laid out, so the tabs' place is known
    page.scroll_area.verticalScrollBar().setValue(page.tabs.y())


def agree_and_open_an_item(window: MainWindow) -> None:
    agree_a_little(window)
    window.agree_page.show_item("sharing.costs")


SCREEN = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96}


def _off_screen_on_a_laptop() -> None:
    """Qt's offscreen platform with a laptop's screen (its own is 800 x 800, and the window fits
    itself to its screen), and a throwaway user folder: the screenshots never read or change a
    real user's settings."""
    screens = Path(tempfile.mkdtemp(prefix="partnerworkshop-screens-")) / "screens.json"
    screens.write_text(json.dumps({"synthesizedScreen": False, "screens": [SCREEN]}))
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={screens}")
    os.environ["PARTNERWORKSHOP_USER_DIR"] = tempfile.mkdtemp(prefix="partnerworkshop-shots-")


def main() -> int:
    _off_screen_on_a_laptop()
    shoot(
        "answer-step.png",
        step=1,
        prepare=lambda window: window.answer_page.sections.setCurrentRow(3),
    )
    shoot("answer-step-zoomed.png", step=1, zoom=175)
    shoot("compare-step.png", step=2)
    shoot(
        "compare-inside.png",
        step=2,
        prepare=show_inside_each_party,
        session=northwind_individually,
    )
    shoot("agree-step.png", step=3, prepare=agree_and_open_an_item)
    shoot("export-step.png", step=4, prepare=agree_a_little)
    shoot_room("room-view.png", (1920, 1080))
    return 0


if __name__ == "__main__":
    sys.exit(main())
