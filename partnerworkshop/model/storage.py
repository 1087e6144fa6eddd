"""Reading and writing session and questionnaire files.

A file is data, never code: it is read as JSON, checked against the model and either accepted
whole or refused with :class:`FileProblem`, which names the file and every problem found in
words a facilitator understands. Saving is atomic and keeps the previous version beside the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from ..errors import FileProblem
from .session import SESSION_FORMAT, SESSION_SCHEMA_VERSION, Session, now
from .template import (
    TEMPLATE_FORMAT,
    TEMPLATE_SCHEMA_VERSION,
    Question,
    Questionnaire,
    invalid_character_problem,
    short_repr,
    short_text,
)

MAX_FILE_BYTES = 8 * 1024 * 1024
# Every object, name and list entry in a file counts as one value. The example session holds
# about 3,300 and a session of 1,000 questions about 50,000; a 3,000-question session (150,000)
# loads in a third of a second. Checking a file with far more would keep the facilitator waiting.
MAX_VALUES = 300_000
# A refusal lists at most this many problems, each on a line of at most this many characters.
MAX_PROBLEMS = 50
MAX_PROBLEM_LENGTH = 300
BACKUP_SUFFIX = ".bak"

Migration = Callable[[dict[str, Any]], dict[str, Any]]


# --- migrations --------------------------------------------------------------------------------


def _template_from_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds each choice's statement (how the charter words it). A questionnaire
    without statements still works; one of the built-in questionnaires gains the wording its
    current file holds."""
    return _with_builtin_statements(raw)


def _session_from_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2: the session's copy of the questionnaire is migrated like a questionnaire, and
    every representative gets an id.

    Answers that were only close used to be carried over with both answers; now they are items
    to settle, which follows from the answers themselves: nothing in the file changes for it.
    The record of the last exported charter becomes the first of a list of exported versions.
    """
    template = raw.get("template")
    if isinstance(template, dict) and template.get("schema_version") == 1:
        raw = {**raw, "template": {**_template_from_v1(template), "schema_version": 2}}
    return _charter_versions_from_v1(_give_representatives_ids(raw))


def _charter_versions_from_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept only the last exported charter (``agreement.charter``); version 2 keeps
    every exported version (``agreement.charters``). The last one becomes the only one known,
    without the record of what it printed, which version 1 did not keep."""
    agreement = raw.get("agreement")
    if not isinstance(agreement, dict) or "charter" not in agreement:
        return raw
    agreement = dict(agreement)
    record = agreement.pop("charter")
    never_exported = isinstance(record, dict) and record.get("version") == 0
    agreement["charters"] = [] if never_exported else [record]
    return {**raw, "agreement": agreement}


def _give_representatives_ids(raw: dict[str, Any]) -> dict[str, Any]:
    """Every representative gets an id, worked out from the session's id and their place.

    The same file gets the same ids each time it is opened, so an answer sheet made for a
    representative before the file was saved again still finds them. Anything that is not as
    version 1 wrote it is left for the checks to name.
    """
    parties = raw.get("parties")
    if not isinstance(parties, dict):
        return raw
    seed = str(raw.get("id", ""))
    for side, party in parties.items():
        representatives = party.get("representatives") if isinstance(party, dict) else None
        if not isinstance(representatives, list):
            continue
        for place, representative in enumerate(representatives):
            if isinstance(representative, dict) and "id" not in representative:
                digest = hashlib.sha256(f"{seed}/{side}/{place}".encode()).hexdigest()
                representative["id"] = digest[:12]
    return raw


# Each entry turns a file of schema version N into version N + 1.
SESSION_MIGRATIONS: dict[int, Migration] = {1: _session_from_v1}
TEMPLATE_MIGRATIONS: dict[int, Migration] = {1: _template_from_v1}

_STATEMENT_FIELDS = frozenset(
    {"statement", "statement_none", "statement_even", "statement_uneven", "statement_whole"}
)


def _with_builtin_statements(raw: dict[str, Any]) -> dict[str, Any]:
    """A copy of a version-1 questionnaire with the statements (and the mark of the question
    that asks the kind of relationship) of the built-in questionnaire of the same id and
    version, for every question worded exactly as the built-in one."""
    from .catalog import builtin_template  # the catalog reads its files through this module

    sections = raw.get("sections")
    try:
        builtin = builtin_template(str(raw.get("id")))
    except FileProblem:
        return raw
    if builtin.version != raw.get("version") or not isinstance(sections, list):
        return raw
    known = {question.id: question for question in builtin.questions()}
    migrated = []
    for section in sections:
        if isinstance(section, dict) and isinstance(section.get("questions"), list):
            questions = [_question_with_statements(q, known) for q in section["questions"]]
            section = {**section, "questions": questions}
        migrated.append(section)
    return {**raw, "sections": migrated}


def _question_with_statements(raw: Any, known: dict[str, Question]) -> Any:
    try:
        question = _QUESTION.validate_python(raw)
    except ValidationError:
        return raw  # the questionnaire's own check names the problem
    builtin = known.get(question.id)
    if builtin is None or _wording(builtin) != _wording(question):
        return raw
    return builtin.model_dump(mode="json")


def _wording(question: Question) -> dict[str, Any]:
    """The question as the parties read it: everything but how the charter words the answers."""
    data = question.model_dump(mode="json", exclude={*_STATEMENT_FIELDS, "asks_kind"})
    for key in ("options", "points"):
        if key in data:
            data[key] = [
                {name: value for name, value in choice.items() if name not in ("statement", "kind")}
                for choice in data[key]
            ]
    return data


_QUESTION: TypeAdapter[Question] = TypeAdapter(Question)


# --- reading ---------------------------------------------------------------------------------


def read_json(path: Path) -> Any:
    """The JSON content of a file, or FileProblem naming why it cannot be read as JSON."""
    return parse_json(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The bytes of a file the app reads, or FileProblem naming why it cannot be read.

    Only an ordinary file is read, and never more than the size limit: a device such as
    /dev/zero or a pipe would otherwise fill the memory or wait for ever.
    """
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise FileProblem(path, ["this is a folder, not a file"])
        if not stat.S_ISREG(status.st_mode):
            raise FileProblem(path, ["this is not an ordinary file (a device or a pipe)"])
        if status.st_size > MAX_FILE_BYTES:
            raise FileProblem(path, [_too_big(f"{status.st_size / 1e6:.0f} MB")])
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:  # it grew while being read
            raise FileProblem(path, [_too_big(f"over {MAX_FILE_BYTES // 10**6} MB")])
        return data
    except FileNotFoundError:
        raise FileProblem(path, ["there is no such file"]) from None
    except IsADirectoryError:
        raise FileProblem(path, ["this is a folder, not a file"]) from None
    except OSError as error:
        raise FileProblem(path, [f"the file cannot be read ({error.strerror or error})"]) from None


def _too_big(size: str) -> str:
    return f"the file is {size}; files over {MAX_FILE_BYTES // 10**6} MB are refused"


def decode_text(data: bytes, path: Path, advice: str) -> str:
    """The file's text (UTF-8, with or without a byte-order mark), or why it cannot be read.

    ``advice`` ends the message when the file is not UTF-8, e.g. how to save it as UTF-8.
    """
    if not data.strip():
        raise FileProblem(path, ["the file is empty"])
    if _looks_like_utf16_or_utf32(data):
        raise FileProblem(
            path,
            [
                "the file is not UTF-8 text (it looks like UTF-16 or UTF-32 text without the "
                f"mark that says so); {advice}"
            ],
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            path,
            [f"the file is not UTF-8 text (unreadable byte at position {error.start}); {advice}"],
        ) from None


def _looks_like_utf16_or_utf32(data: bytes) -> bool:
    """Whether the text starts as UTF-16 or UTF-32 without a byte-order mark would.

    Such text, where it is in a Latin script, has a zero byte in every other place; read as
    UTF-8 it would pass for text and fail later with a puzzling message.
    """
    start = data[:256]
    return len(start) >= 4 and (not any(start[0::2]) or not any(start[1::2]))


def parse_json(data: bytes, path: Path) -> Any:
    text = decode_text(data, path, "it may be damaged or not a partnerworkshop file")
    if _surely_too_many_values(text):
        raise FileProblem(path, [_TOO_MANY_VALUES])
    try:
        raw = json.loads(text, object_pairs_hook=_ObjectReader(path))
    except json.JSONDecodeError as error:
        # A string that is never closed runs on to the end of the file; a word cut short
        # ("fals") is the last thing in it.
        rest = text[error.pos :].rstrip()
        cut_word = bool(rest) and any(word.startswith(rest) for word in ("true", "false", "null"))
        if (
            error.pos >= len(text.rstrip())
            or error.msg.startswith("Unterminated string")
            or cut_word
        ):
            problem = "the file ends too early: it looks truncated"
        else:
            problem = (
                f"the file is not valid JSON ({error.msg} "
                f"at line {error.lineno}, column {error.colno})"
            )
        raise FileProblem(path, [problem]) from None
    except ValueError:
        # Python refuses to read whole numbers of more than a few thousand digits.
        raise FileProblem(path, ["the file holds a number with far too many digits"]) from None
    except RecursionError:
        raise FileProblem(
            path, ["the file is nested too deeply to be a partnerworkshop file"]
        ) from None
    if _SURROGATE_ESCAPE.search(text):
        _check_characters(raw, path)
    return raw


_TOO_MANY_VALUES = (
    f"the file holds more than {MAX_VALUES:,} values; partnerworkshop files are far smaller"
)
# A JSON string: its quotes and everything between them, escaped quotes included.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


def _surely_too_many_values(text: str) -> bool:
    """Whether ``text`` has so many commas between values that it must hold too many values.

    Every comma outside quoted text separates two values, so a file holds more values than it
    has such commas. Reading a file of millions of tiny values takes the better part of a
    second before they can be counted; commas are counted in milliseconds, and only when there
    are many are the ones inside quoted text left out, which takes a little longer.
    """
    if text.count(",") < MAX_VALUES:
        return False
    return _JSON_STRING.sub("", text).count(",") >= MAX_VALUES


class _ObjectReader:
    """Makes each JSON object a dict as it is read, refusing a file that is ambiguous or too big.

    A name that appears twice in one object would make the file mean two things. A file with
    more than MAX_VALUES values (names, objects and list entries) would take long to check.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.values = 0

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) < len(pairs):
            raise FileProblem(self.path, [_twice(pairs)])
        self.values += 1 + len(pairs)
        for _, value in pairs:
            if value.__class__ is list:
                self.values += len(value)
        if self.values > MAX_VALUES:
            raise FileProblem(self.path, [_TOO_MANY_VALUES])
        return result


def _twice(pairs: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for name, _ in pairs:
        if name in seen:
            break
        seen.add(name)
    return f'"{short_text(name)}" appears twice in the same place; keep only one of them'


# JSON text can only hold a lone surrogate as an escape, such as \ud800.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_characters(raw: Any, path: Path) -> None:
    """Refuse text that no file can hold (a lone surrogate), wherever it is in the file."""
    pending = [raw]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            problem = invalid_character_problem(value)
            if problem:
                raise FileProblem(path, [problem])


def _check_header(
    raw: Any, path: Path, expected: str, current: int, migrations: dict[int, Migration]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise FileProblem(
            path, [f"expected a JSON object at the top of the file, found {_json_type(raw)}"]
        )
    found = raw.get("format")
    if found != expected:
        raise FileProblem(path, [_wrong_format(found, expected)])
    version = raw.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileProblem(path, ["the schema_version is missing or is not a whole number"])
    if version > current:
        raise FileProblem(
            path,
            [
                f"the file was made by a newer version of partnerworkshop "
                f"(schema version {short_repr(version)}; this version reads up to {current}); "
                "please update partnerworkshop"
            ],
        )
    if version < 1:
        raise FileProblem(path, [f"schema version {short_repr(version)} does not exist"])
    while version < current:
        raw = migrations[version](raw)
        version += 1
        raw["schema_version"] = version
    return dict(raw)


def _wrong_format(found: object, expected: str) -> str:
    names = {SESSION_FORMAT: "a workshop session", TEMPLATE_FORMAT: "a questionnaire template"}
    if isinstance(found, str) and found in names:
        return f"this is {names[found]}, not {names[expected]}"
    return f'this is not {names[expected]} file (it has no "format": "{expected}")'


def _json_type(value: Any) -> str:
    return {
        list: "a list",
        str: "a text",
        int: "a number",
        float: "a number",
        bool: "true/false",
    }.get(type(value), "nothing")


def describe_validation_error(error: ValidationError) -> list[str]:
    """One plain line per problem, saying where in the file it is.

    Lines are kept short and the list stops after MAX_PROBLEMS problems, so that even a file
    that is wrong everywhere gets a message a person can read.
    """
    problems: list[str] = []
    # Leaving out the values found keeps this quick for a file that is wrong in many places.
    details = error.errors(include_url=False, include_input=False)
    for index, detail in enumerate(details):
        where = _location(detail["loc"])
        message = plain_message(detail)
        # The session's own checks give one problem per line; other messages are one line.
        lines = message.split("\n") if detail["type"] == "value_error" else [message]
        for line in lines:
            problems.append(short_text(f"{where}: {line}" if where else line, MAX_PROBLEM_LENGTH))
        if len(problems) > MAX_PROBLEMS:
            hidden = len(problems) - MAX_PROBLEMS + len(details) - index - 1
            return [*problems[:MAX_PROBLEMS], f"and {hidden:,} more problems"]
    return problems


def plain_message(detail: ErrorDetails) -> str:
    """The problem in words, without pydantic's terms or the (possibly huge) value found."""
    kind = detail["type"]
    if kind == "missing":
        return "this field is missing"
    if kind == "extra_forbidden":
        return "this field is not known to partnerworkshop"
    if kind == "union_tag_invalid":
        context = detail.get("ctx", {})
        tag = short_text(str(context.get("tag")))
        field = str(context.get("discriminator")).strip("'")
        known = context.get("expected_tags")
        return f'"{tag}" is not a known {field} (the known ones are {known})'
    if kind == "string_unicode":
        text = detail.get("input")
        return (isinstance(text, str) and invalid_character_problem(text)) or (
            "the text holds an invalid character code"
        )
    return str(detail["msg"]).removeprefix("Value error, ")


def _location(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        elif part in {"scale", "single", "multiple", "split", "ranking", "text"}:
            continue  # the discriminator tag pydantic adds; the kind is in the file already
        else:
            parts.append(("." if parts else "") + short_text(part))
    return "".join(parts)


ModelT = TypeVar("ModelT", Session, Questionnaire)


def _model_from_json(
    raw: Any,
    path: Path,
    model: type[ModelT],
    expected: str,
    current: int,
    migrations: dict[int, Migration],
) -> ModelT:
    raw = _check_header(raw, path, expected, current, migrations)
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise FileProblem(path, describe_validation_error(error)) from None
    except RecursionError:
        raise FileProblem(
            path, ["the file is nested too deeply to be a partnerworkshop file"]
        ) from None


def session_from_json(raw: Any, path: Path) -> Session:
    return _model_from_json(
        raw, path, Session, SESSION_FORMAT, SESSION_SCHEMA_VERSION, SESSION_MIGRATIONS
    )


def template_from_json(raw: Any, path: Path) -> Questionnaire:
    return _model_from_json(
        raw, path, Questionnaire, TEMPLATE_FORMAT, TEMPLATE_SCHEMA_VERSION, TEMPLATE_MIGRATIONS
    )


def load_session(path: Path | str) -> Session:
    path = Path(path)
    return session_from_json(read_json(path), path)


def load_template(path: Path | str) -> Questionnaire:
    path = Path(path)
    return template_from_json(read_json(path), path)


def load_any(path: Path | str) -> Session | Questionnaire:
    """A session or a questionnaire template, whichever the file holds."""
    path = Path(path)
    raw = read_json(path)
    if isinstance(raw, dict) and raw.get("format") == TEMPLATE_FORMAT:
        return template_from_json(raw, path)
    return session_from_json(raw, path)


# --- writing ---------------------------------------------------------------------------------


def session_to_json(session: Session) -> str:
    return session.model_dump_json(indent=2) + "\n"


def template_to_json(template: Questionnaire) -> str:
    return template.model_dump_json(indent=2, exclude_defaults=False) + "\n"


def save_session(session: Session, path: Path | str, *, keep_backup: bool = True) -> None:
    """Write the session to ``path`` atomically; stamps its modified time on success.

    A session the app could not open again is refused (FileProblem) and nothing is written.
    """
    path = Path(path)
    stamped = session.model_copy(update={"modified": now()})
    data = session_to_json(stamped).encode("utf-8")
    problems = fit_problems(stamped, data)
    if problems:
        raise FileProblem(path, [*problems, "nothing was saved"])
    write_atomically(path, data, keep_backup=keep_backup)
    session.modified = stamped.modified


# --- what a file can hold -------------------------------------------------------------------

# The questionnaires measured last, with their measures: a questionnaire is replaced whole,
# never changed in place, so it is measured once however often the session is checked.
_MEASURED_TEMPLATES: list[tuple[Questionnaire, tuple[int, int]]] = []
_TEMPLATES_KEPT = 4


def _measured_template(template: Questionnaire) -> tuple[int, int]:
    """The values in the questionnaire and the bytes it takes inside a saved session."""
    for known, measure in _MEASURED_TEMPLATES:
        if known is template:
            return measure
    values, _ = measure_values(template.model_dump(mode="json"))
    saved = template.model_dump_json(indent=2).encode("utf-8")
    # Inside a session, each of its lines but the first is indented by two more spaces.
    measure = (values, len(saved) + 2 * saved.count(b"\n"))
    _MEASURED_TEMPLATES.insert(0, (template, measure))
    del _MEASURED_TEMPLATES[_TEMPLATES_KEPT:]
    return measure


# Saved, a character takes at most six bytes (an escaped control character), and each value at
# most this many more: its name, quotes, punctuation, line break and indentation.
_BYTES_AROUND_A_VALUE = 64


def fit_problems(session: Session, data: bytes | None = None) -> list[str]:
    """Why the session, saved as ``data`` (by default: as it would be), would be a file the app
    refuses to open; nothing when it fits.

    What is entered, imported and saved is checked against the very limits that opening checks,
    so that everything the app saves, it opens again.
    """
    # The questionnaire, the largest part, is measured once: it is replaced whole, never changed.
    values, characters = measure_values(session.model_dump(mode="json", exclude={"template"}))
    template_values, template_bytes = _measured_template(session.template)
    values += 1 + template_values
    problems: list[str] = []
    if values > MAX_VALUES:
        problems.append(
            f"the session would hold {values:,} values, more than the {MAX_VALUES:,} a session "
            "file may hold; use a shorter questionnaire"
        )
    most = template_bytes + 6 * characters + _BYTES_AROUND_A_VALUE * (values - template_values)
    if data is None and most <= MAX_FILE_BYTES:
        return problems  # surely small enough: no need to write it out
    size = len(data if data is not None else session_to_json(session).encode("utf-8"))
    if size > MAX_FILE_BYTES:
        problems.append(
            f"the session would take {size / 1e6:.1f} MB, more than the "
            f"{MAX_FILE_BYTES // 10**6} MB a session file may hold; shorten the longest "
            "comments, answers or notes"
        )
    return problems


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomically(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    Whatever fails on the way, ``path`` is left exactly as it was and no temporary file stays.
    With ``keep_backup``, the previous content is kept as ``path.bak``.
    """
    # A link is left in place: what is saved is the file it points to, with its backup beside it.
    path = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = path.parent
    temporary: str | None = None
    try:
        if path.is_dir():
            raise FileProblem(path, ["this is a folder, not a file"])
        if path.exists() and _read_only(path):
            raise FileProblem(
                path,
                [
                    "the file is read-only, so it was not replaced; save under another name, "
                    "or allow changes to the file first"
                ],
            )
        # Created with the usual permissions (what the umask allows), not the owner-only
        # ones of a temporary file: the result is an ordinary file the user may share.
        name = str(folder / f".{path.name}.{secrets.token_hex(6)}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(name, flags, 0o666)
        temporary = name
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        if keep_backup and path.exists():
            _copy_atomically(path, backup_path(path))
        os.replace(temporary, path)
        temporary = None
        _sync_folder(folder)
        _remove_leftovers(path)
    except FileProblem:
        raise
    except OSError as error:
        raise FileProblem(
            path, [f"the file could not be saved ({error.strerror or error})"]
        ) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _read_only(path: Path) -> bool:
    """Whether the file is marked read-only (for everyone: even the administrator's saves)."""
    writable = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not path.stat().st_mode & writable or not os.access(path, os.W_OK)


# Older than this, a temporary file beside the saved one is left over from a save that was cut
# short (the computer lost power, the app was killed); a save in progress is far younger.
LEFTOVER_AGE_SECONDS = 600


def _remove_leftovers(path: Path) -> None:
    """Remove temporary files left beside ``path`` by saves that were cut short."""
    names = re.compile(
        rf"\.{re.escape(path.name)}\.(?:[0-9a-f]{{12}}|{re.escape(BACKUP_SUFFIX[1:])})\.tmp"
    )
    cutoff = time.time() - LEFTOVER_AGE_SECONDS
    # Tidying up is a courtesy: the save itself has succeeded whatever happens here.
    leftovers: list[os.DirEntry[str]] = []
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        leftovers = [entry for entry in entries if names.fullmatch(entry.name)]
    for entry in leftovers:
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)


def _copy_atomically(source: Path, target: Path) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        shutil.copy2(source, temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    # The file is in place already: a failure here must not report the save as failed.
    with contextlib.suppress(OSError):
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def measure_values(raw: Any) -> tuple[int, int]:
    """The values in ``raw`` as reading a file counts them, and the characters of its texts."""
    values = characters = 0
    pending = [raw]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            values += 1 + len(value)
            for name, item in value.items():
                characters += len(name)
                if isinstance(item, list):
                    values += len(item)
                pending.append(item)
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            characters += len(value)
        else:
            characters += 24  # a number, true, false or null
    return values, characters
