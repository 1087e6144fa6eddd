"""The model and the export never depend on Qt; nothing but the app start-up imports the UI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import partnerworkshop

PACKAGE = Path(partnerworkshop.__file__).parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qtpy")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_model_and_export_sources_import_no_qt() -> None:
    for folder in ("model", "export"):
        for path in (PACKAGE / folder).rglob("*.py"):
            for name in _imports(path):
                assert not name.startswith(QT_MODULES), f"{path.name} imports {name}"
                assert "ui" not in name.split("."), f"{path.name} imports the UI ({name})"


def test_only_the_app_start_up_imports_the_ui() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts or path.name == "app.py":
            continue
        for name in _imports(path):
            assert not name.lstrip(".").startswith(("ui", "partnerworkshop.ui")), (
                f"{path} imports {name}"
            )


def test_importing_model_and_export_loads_no_qt() -> None:
    modules = sorted(
        "partnerworkshop." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for folder in ("model", "export")
        for path in (PACKAGE / folder).rglob("*.py")
        if path.name != "__init__.py"
    )
    script = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + (f"print(sorted(m for m in sys.modules if m.startswith({QT_MODULES!r})))")
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
