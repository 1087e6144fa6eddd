"""The charter finished as PDF/A-2b, the ISO standard for documents kept for the long term.

reportlab writes the pages, the fonts (embedded, as subsets) and the document information; this
step adds what it does not: XMP metadata that says the same as the document information and
declares the file PDF/A-2b, an sRGB output intent that fixes what the colours mean, a subset tag
of its own for every font subset (reportlab gives the first subset of every font the same one),
the print flag on every annotation, and the empty signature fields. Everything is derived from
the file itself, so the same charter gives the same bytes.

Importing this module loads pikepdf, so only the export code imports it, and only when it runs.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from ..resources import resource_path

PDFA_PART = "2"
PDFA_CONFORMANCE = "B"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
ANNOTATION_PRINT_FLAG = 4
ANNOTATION_HIDING_FLAGS = 1 | 2 | 32  # invisible, hidden, no view: PDF/A forbids them


@dataclass(frozen=True)
class SignatureField:
    """An empty signature field: its name, its description, and where it is on which page."""

    name: str
    description: str
    page: int
    """The page's index, from 0."""
    rectangle: tuple[float, float, float, float]
    """Left, bottom, right and top, in points from the page's lower left corner."""


def finish_as_pdfa(pdf: bytes, signature_fields: Sequence[SignatureField] = ()) -> bytes:
    """The PDF, given as bytes, made a PDF/A-2b file with these empty signature fields.

    The same input gives the same output.
    """
    with Pdf.open(io.BytesIO(pdf)) as document:
        add_signature_fields(document, signature_fields)
        give_each_subset_its_own_tag(document)
        add_output_intent(document)
        flag_annotations_for_printing(document)
        write_xmp_metadata(document)
        finished = io.BytesIO()
        document.save(
            finished,
            deterministic_id=True,  # the file identifier follows from the content, not the clock
            object_stream_mode=pikepdf.ObjectStreamMode.preserve,
        )
    return finished.getvalue()


def add_signature_fields(document: Pdf, fields: Sequence[SignatureField]) -> None:
    """One empty signature field per entry, which any PAdES tool can sign in place.

    Each field is also its own widget, printed and with an empty appearance (PDF/A asks every
    widget for one); signing replaces it with the signature's.
    """
    if not fields:
        return
    created = Array()
    for field in fields:
        left, bottom, right, top = field.rectangle
        page = document.pages[field.page]
        appearance = document.make_stream(b"")
        appearance.Type = Name.XObject
        appearance.Subtype = Name.Form
        appearance.BBox = Array([0, 0, right - left, top - bottom])
        widget = document.make_indirect(
            Dictionary(
                Type=Name.Annot,
                Subtype=Name.Widget,
                FT=Name.Sig,
                T=String(field.name),
                TU=String(field.description),
                Rect=Array([left, bottom, right, top]),
                F=ANNOTATION_PRINT_FLAG,
                P=page.obj,
                AP=Dictionary(N=appearance),
            )
        )
        if "/Annots" not in page.obj:
            page.obj.Annots = Array()
        page.obj.Annots.append(widget)
        created.append(widget)
    document.Root.AcroForm = document.make_indirect(Dictionary(Fields=created))


def _fonts(document: Pdf) -> Iterator[Dictionary]:
    for candidate in document.objects:
        if isinstance(candidate, Dictionary) and candidate.get("/Type") == Name.Font:
            yield candidate


def give_each_subset_its_own_tag(document: Pdf) -> None:
    """Replace every subset tag with one derived from the subset's own glyphs, unique in the file.

    ISO 32000 asks that different subsets never share a tag; reportlab numbers the subsets of
    each font from ``AAAAAA``, so every font's first subset has the same tag.
    """
    used: set[str] = set()
    for font in sorted(_fonts(document), key=lambda font: font.objgen):
        base_name = str(font.get("/BaseFont", ""))[1:]
        if not SUBSET_TAG.match(base_name):
            continue
        name = base_name[7:]
        descriptor = font.get("/FontDescriptor")
        glyphs = b""
        if isinstance(descriptor, Dictionary) and "/FontFile2" in descriptor:
            glyphs = descriptor.FontFile2.read_bytes()
        tag = _unique_tag(name.encode() + glyphs, used)
        font.BaseFont = Name(f"/{tag}+{name}")
        if isinstance(descriptor, Dictionary):
            descriptor.FontName = Name(f"/{tag}+{name}")


def _unique_tag(content: bytes, used: set[str]) -> str:
    counter = 0
    while True:
        digest = hashlib.sha256(content + counter.to_bytes(4, "big")).digest()
        tag = "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
        if tag not in used:
            used.add(tag)
            return tag
        counter += 1


def add_output_intent(document: Pdf) -> None:
    """Declare that the colours are sRGB, with the colour profile embedded."""
    profile = document.make_stream(resource_path("colour", "sRGB.icc").read_bytes())
    profile.N = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String(OUTPUT_CONDITION),
        Info=String(OUTPUT_CONDITION),
        RegistryName=String("http://www.color.org"),
        DestOutputProfile=profile,
    )
    document.Root.OutputIntents = Array([document.make_indirect(intent)])


def flag_annotations_for_printing(document: Pdf) -> None:
    for page in document.pages:
        for annotation in page.obj.get("/Annots", Array()):
            flags = int(annotation.get("/F", 0))
            annotation.F = (flags | ANNOTATION_PRINT_FLAG) & ~ANNOTATION_HIDING_FLAGS


def write_xmp_metadata(document: Pdf) -> None:
    """XMP metadata saying what the document information says, and the PDF/A declaration."""
    info = document.docinfo
    with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        # The trapping flag has no place in PDF/A-2 metadata; a missing flag means "unknown".
        if "/Trapped" in info:
            del info["/Trapped"]
        xmp.load_from_docinfo(info)
        xmp["pdfaid:part"] = PDFA_PART
        xmp["pdfaid:conformance"] = PDFA_CONFORMANCE
        if "/ModDate" in info:
            xmp["xmp:MetadataDate"] = xmp["xmp:ModifyDate"]
