"""Desktop integration on Linux: the app's menu entry, its icon and the session file type.

``partnerworkshop --install-desktop-entry`` puts them in the current user's data folder
(``$XDG_DATA_HOME``, by default ``~/.local/share``), where desktops look for them, so that the
app appears among the others and a double-clicked ``.pws.json`` file opens in it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .resources import resource_path

APP_ID = "partnerworkshop"
SESSION_MIME_TYPE = "application/x-partnerworkshop-session"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


@dataclass
class DesktopInstall:
    """What was installed where, and which desktop caches were refreshed."""

    data_home: Path
    command: list[str]
    files: list[Path] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)


def user_data_home() -> Path:
    """The folder for the user's own applications, icons and file types (XDG Base Directory)."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    # The specification says a relative path is invalid and must be ignored.
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this copy of the app: the bundle, the installed script or Python."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == APP_ID and script.is_file():
        return [str(script.resolve())]
    # Not resolved: a virtual environment's python is a link, and only through it are the
    # environment's packages found.
    return [str(Path(sys.executable).absolute()), "-m", APP_ID]


def exec_value(command: list[str]) -> str:
    """``command`` as a desktop entry's Exec value, quoted as the specification asks, then %f."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    arguments = []
    for argument in command:
        if reserved & set(argument):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
            argument = f'"{escaped}"'
        # The value itself is a string in which a backslash is escaped once more.
        arguments.append(argument.replace("\\", "\\\\").replace("%", "%%"))
    return " ".join([*arguments, "%f"])


def desktop_entry(command: list[str]) -> str:
    """The shipped desktop entry, starting ``command``."""
    lines = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    return "".join(
        (f"Exec={exec_value(command)}" if line.startswith("Exec=") else line) + "\n"
        for line in lines
    )


def icon_png(size: int) -> bytes:
    """The app icon drawn ``size`` pixels square from its SVG, as PNG data."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(resource_path("icons", f"{APP_ID}.svg")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not QImageWriter(buffer, QByteArray(b"png")).write(image):
        raise OSError(f"the {size}-pixel icon could not be drawn")
    buffer.close()
    return bytes(data.data())


def _write(path: Path, content: bytes, install: DesktopInstall) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    temporary.replace(path)
    install.files.append(path)


def _refresh(tool: str, folder: Path, install: DesktopInstall) -> None:
    """Run a desktop cache tool when the machine has it; the files work without it, only later."""
    executable = shutil.which(tool)
    if executable is None:
        return
    completed = subprocess.run(
        [executable, str(folder)], capture_output=True, text=True, check=False
    )
    if completed.returncode == 0:
        install.refreshed.append(tool)


def install_desktop_entry(
    data_home: Path | None = None, command: list[str] | None = None
) -> DesktopInstall:
    """Install the menu entry, the icons and the session file type for the current user."""
    install = DesktopInstall(data_home or user_data_home(), command or launch_command())
    home = install.data_home
    entry = desktop_entry(install.command)
    _write(home / "applications" / f"{APP_ID}.desktop", entry.encode("utf-8"), install)
    mime = resource_path("desktop", f"{APP_ID}-mime.xml").read_bytes()
    _write(home / "mime" / "packages" / f"{APP_ID}.xml", mime, install)
    icons = home / "icons" / "hicolor"
    svg = resource_path("icons", f"{APP_ID}.svg").read_bytes()
    _write(icons / "scalable" / "apps" / f"{APP_ID}.svg", svg, install)
    for size in ICON_SIZES:
        _write(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png", icon_png(size), install)
    _refresh("update-mime-database", home / "mime", install)
    _refresh("update-desktop-database", home / "applications", install)
    return install


def describe(install: DesktopInstall) -> str:
    """What the command prints: where everything went, and what to do next."""
    lines = [
        f"Installed partnerworkshop's menu entry, icon and session file type in "
        f"{install.data_home}:",
        *(f"  {path.relative_to(install.data_home)}" for path in install.files),
    ]
    if install.refreshed:
        lines.append(f"Refreshed the desktop's lists with {', '.join(install.refreshed)}.")
    lines.append(
        "Session files (.pws.json) now open in the app; some desktops show the new entry only "
        "after you log in again."
    )
    lines.append(f"The entry starts {shlex.join(install.command)}")
    return "\n".join(lines)
