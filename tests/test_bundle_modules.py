"""The packaged app leaves out only the Qt modules that no part of the app imports."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "partnerworkshop.spec"
PACKAGE = ROOT / "partnerworkshop"


def _left_out_of_the_bundle() -> set[str]:
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "UNUSED_QT" for target in node.targets
        ):
            return {
                constant.value
                for constant in ast.walk(node.value)
                if isinstance(constant, ast.Constant)
                and isinstance(constant.value, str)
                and constant.value.startswith("Qt")
            }
    raise AssertionError(f"{SPEC} has no UNUSED_QT list")


def _imported_by_the_app() -> set[str]:
    imported: set[str] = set()
    for source in PACKAGE.rglob("*.py"):
        imported.update(re.findall(r"PySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    return imported


def test_no_qt_module_the_app_imports_is_left_out_of_the_bundle() -> None:
    imported = _imported_by_the_app()
    assert {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"} <= imported
    assert not imported & _left_out_of_the_bundle()
