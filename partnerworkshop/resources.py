"""Finding the files that ship with the app: templates, examples, icons and fonts.

In an installed package they live in ``partnerworkshop/resources``; in a source checkout they
live in the top-level ``resources`` folder beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    package_dir = Path(__file__).resolve().parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError(
        "The resources folder that ships with partnerworkshop is missing "
        f"(looked beside {package_dir})."
    )


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("icons", "open.svg")``."""
    return resources_dir().joinpath(*parts)
