"""Errors the app explains to its user instead of crashing (no heavy imports here)."""

from __future__ import annotations

from pathlib import Path


class PartnerworkshopError(Exception):
    """An error the app explains to its user instead of crashing."""


class FileProblem(PartnerworkshopError):
    """A file that cannot be read or written, with every problem found, each in plain words."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = Path(path)
        self.problems = problems or ["unknown problem"]
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(f"{self.path}: {problem}" for problem in self.problems)
