# Replaces PyInstaller's own hook for PySide6.QtGui to leave out the Qt plugins a desktop app has
# no use for, and with them the libraries they would pull in:
# - the GTK platform theme links GTK's whole stack (Pango, Cairo, ATK...), which the bundle would
#   then carry beside the GTK of the machine it runs on, a mix that can crash; without it Qt
#   draws its own file dialogs;
# - the platforms for screens without a window system (eglfs, linuxfb, vnc...) and their input
#   and device plugins; the app runs on X11 or Wayland, and offscreen for checks;
# - image formats the app never reads: its icons are SVG, and Qt reads PNG by itself.
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

LEFT_OUT_TYPES = {"egldeviceintegrations", "generic"}
# By plugin type, the plugins kept (named without "lib" and suffix, as on every platform).
KEPT = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"},
    "platformthemes": {"qxdgdesktopportal"},
    "imageformats": {"qsvg", "qico", "qicns"},
}


def _wanted(source: str, destination: str) -> bool:
    plugin_type = Path(destination).name
    if plugin_type in LEFT_OUT_TYPES:
        return False
    kept = KEPT.get(plugin_type)
    return kept is None or Path(source).name.split(".")[0].removeprefix("lib") in kept


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (source, destination) for source, destination in binaries if _wanted(source, destination)
]
