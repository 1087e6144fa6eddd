"""Sessions and questionnaires are data, never code: loading one runs nothing it contains.

Text shaped like code (YAML tags, Python, templates, shell) stays plain text; objects shaped
like serialised Python objects are refused; whole files that are pickles, YAML or Python are
refused. Each payload would create a sentinel folder if anything ran it, and none appears.
The package source is also checked for the modules and calls that could run such data.
"""

from __future__ import annotations

import ast
import json
import os
import pickle
from pathlib import Path
from typing import Any

import pytest

import partnerworkshop
from partnerworkshop.app import main
from partnerworkshop.errors import FileProblem
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.progress import overall_progress
from partnerworkshop.model.session import Session
from partnerworkshop.model.storage import (
    load_any,
    load_session,
    load_template,
    save_session,
    session_to_json,
    template_to_json,
)

PACKAGE = Path(partnerworkshop.__file__).parent


def code_like_texts(sentinel: Path) -> list[str]:
    """Text that would create the sentinel folder if any part of the app ran it."""
    target = str(sentinel)
    return [
        f"!!python/object/apply:os.mkdir [{target!r}]",
        f"!!python/object/new:os.mkdir\nargs: [{target!r}]",
        f"__import__('os').mkdir({target!r})",
        f"eval(compile(\"__import__('os').mkdir({target!r})\", 'x', 'exec'))",
        f"{{{{ cycler.__init__.__globals__.os.mkdir({target!r}) }}}}",
        f"${{{{ os.mkdir('{target}') }}}} %(x)s {{0.__class__}}",
        f"$(mkdir {target}) `mkdir {target}`; mkdir {target}",
        pickle.dumps(_MakesFolder(sentinel)).decode("latin-1"),
    ]


class _MakesFolder:
    """Unpickling this makes the folder: proof that the pickle payloads are live."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return os.mkdir, (str(self.folder),)


def test_the_payloads_are_live(tmp_path: Path) -> None:
    proof = tmp_path / "proof"
    pickle.loads(pickle.dumps(_MakesFolder(proof)))
    assert proof.is_dir()
    proof.rmdir()
    eval(compile(f"__import__('os').mkdir({str(proof)!r})", "proof", "exec"))
    assert proof.is_dir()


def _session_full_of(texts: list[str]) -> Session:
    raw = example_session().model_dump(mode="json")
    raw["workshop"]["title"] = texts[0]
    raw["workshop"]["facilitator"] = texts[1]
    raw["parties"]["A"]["organisation"] = texts[2]
    raw["parties"]["B"]["representatives"][0]["name"] = texts[3]
    raw["agreement"]["definition"] = "\n".join(texts)
    comments = [answer for side in ("A", "B") for answer in raw["answers"][side].values()]
    for index, answer in enumerate(comments):
        answer["comment"] = texts[index % len(texts)]
    raw["answers"]["A"]["name.in_our_words"]["value"] = texts[4]
    raw["template"]["sections"][0]["questions"][0]["prompt"] = texts[5]
    raw["template"]["sections"][0]["questions"][0]["options"][0]["label"] = texts[6][:500]
    raw["template"]["description"] = texts[7]
    return Session.model_validate(raw)


def test_text_shaped_like_code_loads_as_plain_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sentinel = tmp_path / "payload-ran"
    texts = code_like_texts(sentinel)
    session = _session_full_of(texts)
    path = tmp_path / "payloads.pws.json"
    save_session(session, path)

    loaded = load_session(path)
    assert loaded == session
    assert loaded.workshop.title == texts[0]
    assert loaded.agreement.definition == "\n".join(texts)
    assert loaded.answer("A", "name.in_our_words").value == texts[4]
    # Everything that reads a session: its checks, its answers in words, its progress.
    assert loaded.problems() == []
    for question in loaded.template.questions():
        answer = loaded.answer("A", question.id)
        if answer.value is not None:
            question.describe_value(answer.value)
    overall_progress(loaded, "A")
    template_path = tmp_path / "payloads.json"
    template_path.write_text(template_to_json(loaded.template), encoding="utf-8")
    assert load_template(template_path) == loaded.template
    assert main(["validate", str(path), str(template_path)]) == 0
    capsys.readouterr()
    assert not sentinel.exists(), "loading ran part of the file"


SERIALISED_OBJECTS: list[dict[str, Any]] = [
    {"__class__": "os.mkdir", "args": ["SENTINEL"]},
    {"py/object": "os.mkdir", "py/reduce": [{"py/function": "os.mkdir"}, ["SENTINEL"]]},
    {"$type": "System.IO.Directory, mscorlib", "path": "SENTINEL"},
    {"__reduce__": ["os.mkdir", ["SENTINEL"]], "__module__": "os"},
    {"!!python/object/apply:os.mkdir": ["SENTINEL"]},
]
PLACES = {
    "the top level": ("surprise",),
    "the workshop": ("workshop", "title"),
    "an answer": ("answers", "A", "name.importance"),
    "an answer's value": ("answers", "A", "name.importance", "value"),
    "a question": ("template", "sections", 0, "questions", 0),
}


@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("index", range(len(SERIALISED_OBJECTS)))
def test_objects_shaped_like_serialised_python_are_refused(
    tmp_path: Path, place: str, index: int
) -> None:
    sentinel = tmp_path / "payload-ran"
    as_json = json.dumps(SERIALISED_OBJECTS[index])
    payload = json.loads(as_json.replace("SENTINEL", json.dumps(str(sentinel))[1:-1]))
    raw = json.loads(session_to_json(example_session()))
    *parents, last = PLACES[place]
    node = raw
    for key in parents:
        node = node[key]
    node[last] = payload
    path = tmp_path / "objects.pws.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(FileProblem):
        load_any(path)
    assert not sentinel.exists()


def test_files_that_are_pickles_yaml_or_python_are_refused(tmp_path: Path) -> None:
    sentinel = tmp_path / "payload-ran"
    files = {
        "session.pws.json": pickle.dumps(_MakesFolder(sentinel)),
        "session-protocol-0.pws.json": pickle.dumps(_MakesFolder(sentinel), protocol=0),
        "template.yaml": f"!!python/object/apply:os.mkdir [{str(sentinel)!r}]\n".encode(),
        "session.py": f"import os\nos.mkdir({str(sentinel)!r})\n".encode(),
    }
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content)
        for load in (load_session, load_template, load_any):
            with pytest.raises(FileProblem):
                load(path)
    assert not sentinel.exists()


# --- the package source ---------------------------------------------------------------------

FORBIDDEN_MODULES = {"pickle", "_pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
FORBIDDEN_MODULES |= {"jsonpickle", "joblib"}
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
SAFE_YAML_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


def code_running_data(source: str) -> list[str]:
    """The places in the source that could turn data into running code."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names]
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else names
            found.extend(
                (node.lineno, f"imports {module}")
                for module in modules
                if module.split(".")[0] in FORBIDDEN_MODULES
            )
        elif isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id in FORBIDDEN_CALLS:
                found.append((node.lineno, f"calls {function.id}()"))
            elif isinstance(function, ast.Attribute) and _unsafe_yaml(node, function):
                found.append((node.lineno, f"calls yaml.{function.attr}() unsafely"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


def _unsafe_yaml(call: ast.Call, function: ast.Attribute) -> bool:
    if not (isinstance(function.value, ast.Name) and function.value.id == "yaml"):
        return False
    if function.attr in {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}:
        return True
    if function.attr not in {"load", "load_all"}:
        return False
    loaders = [keyword.value for keyword in call.keywords if keyword.arg == "Loader"]
    loaders += call.args[1:2]
    return not any(
        isinstance(loader, ast.Attribute | ast.Name)
        and (loader.attr if isinstance(loader, ast.Attribute) else loader.id) in SAFE_YAML_LOADERS
        for loader in loaders
    )


def test_the_check_finds_code_that_runs_data() -> None:
    source = (
        "import pickle\n"
        "from marshal import loads\n"
        "import shelve, json\n"
        "eval(text)\n"
        "exec(text)\n"
        "yaml.load(text)\n"
        "yaml.load(text, Loader=yaml.FullLoader)\n"
        "yaml.unsafe_load(text)\n"
        "yaml.load(text, Loader=yaml.SafeLoader)\n"
        "yaml.safe_load(text)\n"
        "re.compile(text)\n"
    )
    assert code_running_data(source) == [
        "line 1: imports pickle",
        "line 2: imports marshal",
        "line 3: imports shelve",
        "line 4: calls eval()",
        "line 5: calls exec()",
        "line 6: calls yaml.load() unsafely",
        "line 7: calls yaml.load() unsafely",
        "line 8: calls yaml.unsafe_load() unsafely",
    ]


def test_the_package_never_runs_data_as_code() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    found = {
        str(path.relative_to(PACKAGE)): problems
        for path in sources
        if (problems := code_running_data(path.read_text(encoding="utf-8")))
    }
    assert found == {}
