"""Recovery files: an automatic copy of unsaved work, kept apart from the user's own files.

The app writes the session being edited to the recovery folder shortly after every edit, as a
plain session file with a small note beside it saying where the session came from. After a
clean save or close the copy is removed; if the app dies instead, the copy is still there at
the next start, which offers to recover it.
"""

from __future__ import annotations

import json
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


class RecoveryStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, session_id: str) -> tuple[Path, Path]:
        return (
            self.folder / f"{session_id}{SESSION_SUFFIX}",
            self.folder / f"{session_id}{NOTE_SUFFIX}",
        )

    def save(self, session: Session, original: Path | None) -> None:
        """Write (or replace) the recovery copy of ``session``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        session_path, note_path = self._paths(str(session.id))
        note = {"original": str(original) if original else None, "saved": now().isoformat()}
        data = session_to_json(session).encode("utf-8")
        problems = fit_problems(session, data)
        if problems:
            raise FileProblem(session_path, problems)  # it could not be recovered from
        write_atomically(session_path, data)
        write_atomically(note_path, json.dumps(note).encode("utf-8"))

    def discard(self, session: Session) -> None:
        for path in self._paths(str(session.id)):
            path.unlink(missing_ok=True)

    def entries(self) -> list[RecoveryEntry]:
        """The recovery copies waiting, newest first; unreadable ones are left out."""
        found: list[RecoveryEntry] = []
        for session_path in self.folder.glob(f"*{SESSION_SUFFIX}"):
            session_id = session_path.name.removesuffix(SESSION_SUFFIX)
            try:
                session = load_session(session_path)
                note = read_json(self._paths(session_id)[1])
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
        session_id = entry.session_path.name.removesuffix(SESSION_SUFFIX)
        for path in self._paths(session_id):
            path.unlink(missing_ok=True)
