"""Arabic and Hebrew in the charter: letters joined, words in right-to-left order, also beside
Latin text on one line, in paragraphs and in the lines drawn on the page.

``right-to-left.png`` beside this file is how :func:`sample_page` looks, checked by eye: Arabic
letters joined, each right-to-left phrase read from the right, the Arabic name upright in the
italic line. Rendered again, the page must look the same, give or take antialiasing.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pypdfium2
from factories import agree_on_example
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from partnerworkshop.export import fonts
from partnerworkshop.export.charter import charter_pdf, charter_summary
from partnerworkshop.export.scripts import (
    bidi_levels,
    logical_pieces,
    needs_shaping,
    shown_neutral,
    visual_order,
    word_class,
)
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Representative

REFERENCE = Path(__file__).with_name("right-to-left.png")
SCALE = 2  # pixels per point
ARABIC_ORGANISATION = "شركة النور للخدمات"
ARABIC_NAME = "ليلى حداد"


def shown(line: str) -> str:
    """The line's pieces from the left, each word still as written (shaping reverses it)."""
    pieces = logical_pieces(line)
    levels = bidi_levels(pieces)
    return "|".join(
        shown_neutral(pieces[index], levels[index])
        if word_class(pieces[index]) == "ON"
        else pieces[index]
        for index in visual_order(levels)
    ).replace("| |", " ")


def test_pieces_show_in_the_order_of_the_bidirectional_algorithm() -> None:
    assert shown("Acme شركة النور Ltd") == "Acme النور شركة Ltd"
    assert shown("שלום עולם") == "עולם שלום"
    # Digits after Arabic letters stay with them; a Latin word ends the run.
    assert shown("with شركة النور 2025 today") == "with 2025 النور شركة today"
    # Punctuation between two right-to-left words joins their run; before Latin it does not,
    # so a full stop after Arabic text stays at the end, on the right.
    assert shown("דוד - כהן and more") == "כהן - דוד and more"
    assert shown("agree: الشراكة والمخاطر. Next") == "agree|: والمخاطر الشراكة|. Next"
    # Brackets inside a right-to-left run are mirrored; around it, they are not.
    assert shown("a (شركة) b") == "a (|شركة|) b"
    assert shown("شركة (النور) كبرى") == "كبرى (|النور|) شركة"
    assert shown("Latin only, 2026") == "Latin only|, 2026"
    assert not needs_shaping("Zoë Łukasiewicz, 王小明") and needs_shaping("Acme شركة")


def sample_page() -> bytes:
    """A small page of mixed-script text, set as the charter sets it."""
    charter_fonts = fonts.charter_fonts(None)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(340, 200), initialFontName=fonts.REGULAR)
    body = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=10, leading=14, shaping=1)
    bold = ParagraphStyle("bold", parent=body, fontName=fonts.BOLD)
    markup = charter_fonts.markup
    paragraphs = [
        (
            markup(
                "Northwind (شركة النور) and Contoso agree: الشراكة الاستراتيجية "
                "تعني تقاسم المسؤوليات والمخاطر."
            ),
            body,
        ),
        (f"<b>{markup(ARABIC_NAME)}</b>, {markup('مديرة المشتريات')}", body),
        (f"<b>{markup('דוד כהן')}</b>, {markup('יועץ משפטי')}", body),
        (f"<i>No signatory named yet for {markup(ARABIC_ORGANISATION)}.</i>", body),
        (markup(ARABIC_ORGANISATION), bold),
    ]
    y = 190.0
    for text, style in paragraphs:
        paragraph = fonts.ShapedParagraph(text, style)
        _, height = paragraph.wrap(300, 200)
        y -= height + 4
        paragraph.drawOn(canvas, 20, y)
    charter_fonts.draw(canvas, 20, 14, f"Partnership charter  Northwind and {ARABIC_NAME}", 8)
    charter_fonts.draw(canvas, 320, 14, ARABIC_ORGANISATION, 8, bold=True, align="right")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def rendered(pdf: bytes) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=SCALE).to_pil().convert("L")
    finally:
        document.close()


def test_mixed_scripts_look_as_checked_by_eye() -> None:
    page = rendered(sample_page())
    reference = Image.open(REFERENCE).convert("L")
    assert page.size == reference.size
    difference = ImageChops.difference(page, reference)
    histogram = difference.histogram()
    # Antialiasing may shift the grey of edge pixels a little; a glyph, word or letter form
    # drawn differently changes many pixels entirely.
    clearly_different = sum(histogram[96:])
    assert clearly_different <= 0.002 * page.width * page.height, clearly_different
    assert (
        sum(value * count for value, count in enumerate(histogram)) / (page.width * page.height)
        < 1.5
    )


def test_the_charter_shapes_and_orders_arabic_names() -> None:
    session = example_session()
    editor = agree_on_example(session)
    editor.set_party("A", "organisation", ARABIC_ORGANISATION)
    editor.add_representative("A", Representative(name=ARABIC_NAME, role="مديرة المشتريات"))
    editor.add_representative("B", Representative(name="王小明", role="顾问"))
    pdf, summary, _ = charter_pdf(session)
    cover = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # Shaped: the letters are drawn in their joined forms (Arabic presentation forms), which
    # read back as the letters written; unshaped, they would be the letters' isolated forms.
    joined = [character for character in cover if 0xFE70 <= ord(character) <= 0xFEFF]
    assert len(joined) >= len(ARABIC_NAME.replace(" ", "")) // 2
    letters = unicodedata.normalize("NFKC", "".join(joined))
    assert set(letters) <= set(ARABIC_NAME + ARABIC_ORGANISATION + "مديرة المشتريات")
    if fonts.find_cjk_font() is not None:
        assert "王小明, 顾问" in cover
    assert "missing_characters" not in {warning.kind for warning in summary.warnings}


def test_letters_no_font_has_are_still_reported() -> None:
    session = example_session()
    editor = agree_on_example(session)
    editor.set_definition(f"{ARABIC_ORGANISATION} ܫܠܡܐ")  # Syriac: not in the charter's fonts
    (warning,) = [w for w in charter_summary(session).warnings if w.kind == "missing_characters"]
    assert "U+072B" in warning.message and "U+0634" not in warning.message


right_to_left_text = st.text(
    st.one_of(
        st.sampled_from("شركة النور ליל כהן 123 ٤٥ ().,:!-%\u200f\u2067\u2069 Latin"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(right_to_left_text)
def test_any_mixed_text_is_placed_and_laid_out_without_losing_a_piece(text: str) -> None:
    pieces = logical_pieces(text)
    assert "".join(pieces) == text  # every character, in exactly one piece
    order = visual_order(bidi_levels(pieces))
    assert sorted(order) == list(range(len(pieces)))
    charter_fonts = fonts.fonts_for([text])
    shown = text.replace("\n", " ")
    charter_fonts.width(shown, 9)
    paragraph = fonts.ShapedParagraph(
        charter_fonts.markup(text),
        ParagraphStyle("t", fontName=fonts.REGULAR, shaping=int(needs_shaping(text))),
    )
    paragraph.wrap(120, 800)
    canvas = Canvas(io.BytesIO())
    paragraph.drawOn(canvas, 0, 0)
    charter_fonts.draw(canvas, 0, 0, shown, 9)
