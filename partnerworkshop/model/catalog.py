"""The questionnaire templates and the example session that ship with the app."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import FileProblem
from ..resources import resource_path
from .session import Session, now
from .storage import load_session, load_template
from .template import Questionnaire

DEFAULT_TEMPLATE_ID = "partnership-meaning"
EXAMPLE_SESSION = "northwind-contoso.pws.json"


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    title: str
    sections: int
    questions: int
    path: Path


def template_files() -> list[Path]:
    return sorted(resource_path("templates").glob("*.json"))


def builtin_templates() -> list[TemplateInfo]:
    """The shipped templates, the default one first."""
    infos = []
    for path in template_files():
        template = load_template(path)
        infos.append(
            TemplateInfo(
                template.id,
                template.title,
                len(template.sections),
                template.question_count,
                path,
            )
        )
    return sorted(infos, key=lambda info: (info.id != DEFAULT_TEMPLATE_ID, info.id))


def builtin_template(template_id: str = DEFAULT_TEMPLATE_ID) -> Questionnaire:
    for path in template_files():
        if path.stem == template_id:
            return load_template(path)
    for info in builtin_templates():
        if info.id == template_id:
            return load_template(info.path)
    known = ", ".join(info.id for info in builtin_templates())
    raise FileProblem(template_id, [f"there is no built-in template of that name (known: {known})"])


def find_template(name_or_path: str) -> Questionnaire:
    """A built-in template by id, or a template file by path."""
    path = Path(name_or_path)
    if path.suffix or path.exists() or len(path.parts) > 1:
        return load_template(path)
    return builtin_template(name_or_path)


def example_session() -> Session:
    """A fresh copy of the example session: its own id and times, the same content."""
    session = load_session(resource_path("examples", EXAMPLE_SESSION))
    stamp = now()
    return session.model_copy(update={"id": uuid.uuid4(), "created": stamp, "modified": stamp})
