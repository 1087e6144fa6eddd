"""Everything the app needs ships inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import partnerworkshop
from partnerworkshop.model.catalog import builtin_templates, example_session
from partnerworkshop.resources import resources_dir

SOURCE_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def test_every_source_resource_is_found_through_the_package() -> None:
    shipped = resources_dir()
    for path in SOURCE_RESOURCES.rglob("*"):
        if path.is_file():
            relative = path.relative_to(SOURCE_RESOURCES)
            assert (shipped / relative).is_file(), f"{relative} does not ship"


def test_the_wheel_carries_every_resource(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=SOURCE_RESOURCES.parent,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("partnerworkshop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in SOURCE_RESOURCES.rglob("*"):
        if path.is_file():
            relative = path.relative_to(SOURCE_RESOURCES).as_posix()
            assert f"partnerworkshop/resources/{relative}" in names


def test_the_installed_package_uses_its_own_resources() -> None:
    """The test command installs the package from a wheel: it must not lean on the source tree."""
    package = Path(partnerworkshop.__file__).resolve().parent
    source_package = SOURCE_RESOURCES.parent / "partnerworkshop"
    assert package != source_package, "tests run against the installed package"
    assert resources_dir() == package / "resources"


def test_templates_and_example_load() -> None:
    assert len(builtin_templates()) >= 2
    assert example_session().template.id == "partnership-meaning"
