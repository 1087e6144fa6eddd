"""The charter's fonts, and the one helper that turns user text into safe paragraph markup.

The charter is set in DejaVu Sans, which ships with the app and covers Latin, Greek and
Cyrillic. Chinese, Japanese and Korean characters are drawn with a TrueType font found on the
computer (reportlab cannot embed the OpenType/CFF fonts many systems carry); without one, the
characters are reported as undrawable rather than printed as empty boxes.

Importing this module loads reportlab, so only the export code imports it, and only when it runs.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from ..resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
FALLBACK = "CharterFallback"

# Common places of TrueType CJK fonts that reportlab can embed, most suitable first.
CJK_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/msgothic.ttc", 0),
    ("C:/Windows/Fonts/malgun.ttf", 0),
)
CJK_PROBE = "中"
CJK_INSTALL_HINT = (
    "install a TrueType CJK font such as WenQuanYi Micro Hei "
    "(on Debian or Ubuntu: the package fonts-wqy-microhei) and export again"
)


@dataclass(frozen=True)
class FallbackFont:
    path: Path
    subfont: int = 0


@cache
def _loadable(path: Path, subfont: int) -> TTFont | None:
    """The font, read once (a CJK font file takes a good part of a second to read)."""
    try:
        font = TTFont(FALLBACK, str(path), subfontIndex=subfont)
    except (TTFError, OSError, ValueError):
        return None
    return font if ord(CJK_PROBE) in font.face.charToGlyph else None


def _fc_match_cjk() -> Path | None:
    """The font fontconfig picks for Chinese text, when it is a TrueType file."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        found = subprocess.run(
            [fc_match, "--format=%{file}", ":lang=zh"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(found) if found.lower().endswith((".ttf", ".ttc")) else None


@cache
def find_cjk_font() -> FallbackFont | None:
    """A TrueType font on this computer that draws Chinese, Japanese and Korean text."""
    candidates = [(Path(path), subfont) for path, subfont in CJK_FONT_CANDIDATES]
    found = _fc_match_cjk()
    if found is not None:
        candidates.append((found, 0))
    for path, subfont in candidates:
        if path.is_file() and _loadable(path, subfont) is not None:
            return FallbackFont(path, subfont)
    return None


class CharterFonts:
    """The registered fonts and what they can draw."""

    def __init__(self, fallback: FallbackFont | None) -> None:
        fonts_dir = resource_path("fonts")
        regular = TTFont(REGULAR, str(fonts_dir / "DejaVuSans.ttf"))
        for font in (
            regular,
            TTFont(BOLD, str(fonts_dir / "DejaVuSans-Bold.ttf")),
            TTFont(ITALIC, str(fonts_dir / "DejaVuSans-Oblique.ttf")),
        ):
            pdfmetrics.registerFont(font)
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        self.fallback = fallback
        self._main: dict[int, int] = regular.face.charToGlyph
        self._extra: dict[int, int] = {}
        if fallback is not None:
            fallback_font = _loadable(fallback.path, fallback.subfont)
            if fallback_font is not None:
                pdfmetrics.registerFont(fallback_font)
                self._extra = fallback_font.face.charToGlyph
            else:
                self.fallback = None

    def can_draw(self, character: str) -> bool:
        code = ord(character)
        return code in self._main or code in self._extra

    def missing(self, texts: Iterable[str]) -> list[str]:
        """The characters in ``texts`` that no charter font can draw, in order of appearance."""
        found: dict[str, None] = {}
        for text in texts:
            if text.isascii():
                continue
            for character in text:
                if (
                    character not in found
                    and not is_invisible(character)
                    and not self.can_draw(character)
                ):
                    found[character] = None
        return list(found)

    def markup(self, text: str) -> str:
        """User text as paragraph markup that prints exactly what was typed.

        Markup characters are escaped, line breaks kept, control characters shown as spaces,
        and characters the main font lacks are set in the fallback font when it has them.
        """
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text.isascii() and text.isprintable():
            return escape(text)
        pieces: list[str] = []
        run: list[str] = []
        run_in_fallback = False
        for character in text:
            if character == "\n":
                shown = character
            elif is_invisible(character):
                shown = " "
            elif unicodedata.category(character) == "Cs":
                shown = "\ufffd"  # half of a broken character pair: show the replacement mark
            else:
                shown = character
            in_fallback = (
                bool(self._extra)
                and ord(shown) not in self._main
                and ord(shown) in self._extra
                and shown != "\n"
            )
            if in_fallback != run_in_fallback and run:
                pieces.append(self._run_markup("".join(run), run_in_fallback))
                run = []
            run_in_fallback = in_fallback
            run.append(shown)
        if run:
            pieces.append(self._run_markup("".join(run), run_in_fallback))
        return "".join(pieces)

    @staticmethod
    def _run_markup(run: str, in_fallback: bool) -> str:
        escaped = escape(run).replace("\n", "<br/>")
        return f'<font name="{FALLBACK}">{escaped}</font>' if in_fallback else escaped

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """``text`` split into runs of one font each: (font name, characters)."""
        main = BOLD if bold else REGULAR
        runs: list[tuple[str, str]] = []
        for character in text:
            code = ord(character)
            name = FALLBACK if code not in self._main and code in self._extra else main
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + character)
            else:
                runs.append((name, character))
        return runs

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide ``text`` is when drawn on one line."""
        return float(
            sum(pdfmetrics.stringWidth(run, name, size) for name, run in self.runs(text, bold))
        )

    def draw(
        self,
        canvas: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        align: Literal["left", "right", "centre"] = "left",
    ) -> None:
        """Draw one line of user text, each character in a font that has it."""
        text = "".join(" " if is_invisible(character) else character for character in text)
        if align != "left":
            width = self.width(text, size, bold)
            x -= width if align == "right" else width / 2
        for name, run in self.runs(text, bold):
            canvas.setFont(name, size)
            canvas.drawString(x, y, run)
            x += pdfmetrics.stringWidth(run, name, size)

    def fit(self, text: str, size: float, width: float, bold: bool = False) -> str:
        """``text`` cut short with an ellipsis so that it fits on one line of ``width``."""
        if self.width(text, size, bold) <= width:
            return text
        while text and self.width(text + "…", size, bold) > width:
            text = text[:-1]
        return text.rstrip() + "…"


def is_invisible(character: str) -> bool:
    """Control characters: they have no glyph, and the charter prints them as spaces."""
    return unicodedata.category(character) == "Cc"


@cache
def charter_fonts(fallback: FallbackFont | None) -> CharterFonts:
    return CharterFonts(fallback)


def fonts_for(texts: Iterable[str]) -> CharterFonts:
    """The charter's fonts for these texts: the shipped font, and a CJK font from this computer
    only when the texts hold characters the shipped font cannot draw (looking for one is slow).
    """
    shipped = charter_fonts(None)
    if not shipped.missing(texts):
        return shipped
    return charter_fonts(find_cjk_font())
