"""Recovery files: an automatic copy of unsaved work, kept apart from the user's own files.

The app writes the session being edited to the recovery folder shortly after every edit, as a
plain session file with a small note beside it saying where the session came from. After a
clean save or close the copy is removed; if the app dies instead, the copy is still there at
the next start, which offers to recover it.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import FileProblem
from .session import Session, now
from .storage import fit_problems, load_session, read_json, session_to_json, write_atomically

SESSION_SUFFIX = ".pws.json"
NOTE_SUFFIX = ".note.json"


@dataclass(frozen=True)
class RecoveryEntry:
    session_path: Path
    title: str
    original: Path | None
    saved: datetime

    @property
    def key(self) -> str:
        """The name the copy goes by: its session's id and the instance of the app that kept it."""
        return self.session_path.name.removesuffix(SESSION_SUFFIX)


class RecoveryStore:
    """The recovery copies in one folder; each running app keeps its own (its ``instance``), so
    two windows on one session never replace or remove each other's copies."""

    def __init__(self, folder: Path, instance: str | None = None) -> None:
        self.folder = folder
        self.instance = instance or secrets.token_hex(6)

    def key_of(self, session: Session) -> str:
        """The key of this instance's copy of ``session`` (see :attr:`RecoveryEntry.key`)."""
        return f"{session.id}.{self.instance}"

    def _paths(self, key: str) -> tuple[Path, Path]:
        return (
            self.folder / f"{key}{SESSION_SUFFIX}",
            self.folder / f"{key}{NOTE_SUFFIX}",
        )

    def save(self, session: Session, original: Path | None) -> None:
        """Write (or replace) this instance's recovery copy of ``session``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        session_path, note_path = self._paths(self.key_of(session))
        note = {"original": str(original) if original else None, "saved": now().isoformat()}
        data = session_to_json(session).encode("utf-8")
        problems = fit_problems(session, data)
        if problems:
            raise FileProblem(session_path, problems)  # it could not be recovered from
        write_atomically(session_path, data)
        write_atomically(note_path, json.dumps(note).encode("utf-8"))

    def discard(self, session: Session) -> None:
        """Remove this instance's recovery copy of ``session`` (never another instance's)."""
        for path in self._paths(self.key_of(session)):
            path.unlink(missing_ok=True)

    def entries(self) -> list[RecoveryEntry]:
        """The recovery copies waiting, newest first; unreadable ones are left out."""
        found: list[RecoveryEntry] = []
        for session_path in self.folder.glob(f"*{SESSION_SUFFIX}"):
            key = session_path.name.removesuffix(SESSION_SUFFIX)
            try:
                session = load_session(session_path)
                note = read_json(self._paths(key)[1])
                original = note.get("original")
                saved = datetime.fromisoformat(note["saved"])
            except (FileProblem, AttributeError, KeyError, TypeError, ValueError):
                continue
            found.append(
                RecoveryEntry(
                    session_path,
                    session.workshop.title,
                    Path(original) if original else None,
                    saved,
                )
            )
        return sorted(found, key=lambda entry: entry.saved, reverse=True)

    def load(self, entry: RecoveryEntry) -> Session:
        return load_session(entry.session_path)

    def remove(self, entry: RecoveryEntry) -> None:
        for path in self._paths(entry.key):
            path.unlink(missing_ok=True)
