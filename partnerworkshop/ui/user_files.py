"""Where the app keeps its own files: preferences, window geometry and recovery copies.

Everything lives in one per-user folder, which ``PARTNERWORKSHOP_USER_DIR`` can move (the
tests point it at a temporary folder so they never touch a real user's files).
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from PySide6.QtCore import QSettings, QStandardPaths

from ..errors import FileProblem
from ..model.base import Model
from ..model.recovery import RecoveryStore
from ..model.storage import read_json, write_atomically
from .style import ZOOM_STEPS

MAX_RECENT_FILES = 8


def user_dir() -> Path:
    override = os.environ.get("PARTNERWORKSHOP_USER_DIR")
    if override:
        return Path(override)
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


AgendaOrder = Literal["pressing", "theme"]
"""How the Agree step lists the agenda: most pressing first, or by theme (section)."""


class Preferences(Model):
    schema_version: int = 1
    recent_files: list[str] = []
    zoom: int = Field(default=100, ge=min(ZOOM_STEPS), le=max(ZOOM_STEPS))
    agenda_order: AgendaOrder = "pressing"


class UserFiles:
    """The per-user folder and what lives in it."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or user_dir()
        self.recovery = RecoveryStore(self.folder / "recovery")
        self.preferences = self._load_preferences()

    @property
    def _preferences_path(self) -> Path:
        return self.folder / "preferences.json"

    def _load_preferences(self) -> Preferences:
        if not self._preferences_path.exists():
            return Preferences()
        try:
            return Preferences.model_validate(read_json(self._preferences_path))
        except (FileProblem, ValidationError):
            return Preferences()  # preferences are a convenience: start afresh if damaged

    def save_preferences(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self.preferences.model_dump(), indent=2).encode("utf-8")
        # Losing a recent-files list is not worth interrupting the workshop.
        with contextlib.suppress(FileProblem):
            write_atomically(self._preferences_path, data)

    def add_recent(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry, *(p for p in self.preferences.recent_files if p != entry)]
        self.preferences.recent_files = recent[:MAX_RECENT_FILES]
        self.save_preferences()

    def forget_recent(self, path: Path) -> None:
        entry = str(path.resolve())
        self.preferences.recent_files = [p for p in self.preferences.recent_files if p != entry]
        self.save_preferences()

    def window_settings(self) -> QSettings:
        return QSettings(str(self.folder / "window.ini"), QSettings.Format.IniFormat)
