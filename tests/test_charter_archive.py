"""The charter as PDF/A-2b: each requirement checked in the file itself.

No full PDF/A validator can be installed here, so these tests read the file with pikepdf and an
XML parser and check, one by one, what PDF/A-2b asks of a file like the charter: XMP metadata
that says what the document information says and declares the part and conformance level, an
output intent with an embedded sRGB profile, every font embedded, a distinct tag for each font
subset, printable annotations, a file identifier and an allowed PDF version.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from datetime import UTC, datetime

import pikepdf
import pytest
from factories import agree_on_example, park_the_rest

from partnerworkshop.export.charter import charter_pdf
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Representative, Session, Signatory

EXPORTED = datetime(2026, 5, 14, 12, 40, tzinfo=UTC)
NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}
SUBSET_NAME = re.compile(r"^/([A-Z]{6})\+(.+)$")


def with_many_scripts(session: Session) -> Session:
    """The session with Chinese and Arabic names among the people in it."""
    editor = agree_on_example(session)
    editor.add_representative("B", Representative(name="王小明", role="顾问"))
    editor.add_representative("A", Representative(name="ليلى حداد", role="مديرة المشتريات"))
    editor.add_signatory(Signatory(party="A", name="ليلى حداد", title="مديرة المشتريات"))
    return session


@pytest.fixture(scope="module", params=["draft", "agreed"])
def charter(request: pytest.FixtureRequest) -> pikepdf.Pdf:
    session = with_many_scripts(example_session())
    if request.param == "agreed":
        editor = park_the_rest_and_agree(session)
        assert editor.session.agreement.status == "agreed"
    pdf, summary, _ = charter_pdf(session, at=EXPORTED)
    assert summary.status == request.param
    return pikepdf.open(io.BytesIO(pdf))


def park_the_rest_and_agree(session: Session) -> SessionEditor:
    editor = SessionEditor(session)
    park_the_rest(editor)
    editor.set_status("agreed")
    return editor


def xmp_value(root: ElementTree.Element, name: str) -> list[str]:
    """The values of one XMP property: a simple value, or the items of an Alt, Seq or Bag."""
    prefix, local = name.split(":")
    attribute = f"{{{NAMESPACES[prefix]}}}{local}"
    values = [  # a property may be written as an attribute of its description
        element.attrib[attribute]
        for element in root.findall(".//rdf:Description", NAMESPACES)
        if attribute in element.attrib
    ]
    found = root.findall(f".//rdf:Description/{name}", NAMESPACES)
    for element in found:
        items = element.findall(".//rdf:li", NAMESPACES)
        values += [item.text or "" for item in items] if items else [element.text or ""]
    return values


def pdf_date(text: str) -> datetime:
    """A PDF date string (D:YYYYMMDDHHmmSS+HH'mm')."""
    match = re.fullmatch(r"D:(\d{14})(?:([+-])(\d\d)'(\d\d)'?|Z)?", text)
    assert match, text
    moment = datetime.strptime(match.group(1), "%Y%m%d%H%M%S")
    offset = dt.timedelta(0)
    if match.group(2):
        offset = dt.timedelta(hours=int(match.group(3)), minutes=int(match.group(4)))
        offset = -offset if match.group(2) == "-" else offset
    return moment.replace(tzinfo=dt.timezone(offset))


def test_xmp_metadata_matches_the_document_information(charter: pikepdf.Pdf) -> None:
    metadata = charter.Root.Metadata
    assert metadata.Type == "/Metadata" and metadata.Subtype == "/XML"
    packet = metadata.read_bytes()
    assert packet.startswith(b"<?xpacket begin=") and packet.rstrip().endswith(b"?>")
    root = ElementTree.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    info = charter.docinfo

    assert xmp_value(root, "pdfaid:part") == ["2"]
    assert xmp_value(root, "pdfaid:conformance") == ["B"]
    assert xmp_value(root, "dc:title") == [str(info.Title)]
    assert str(info.Title).startswith("Partnership charter: ")
    assert xmp_value(root, "dc:creator") == [str(info.Author)] == ["Priya Raman"]
    assert xmp_value(root, "dc:description") == [str(info.Subject)]
    assert xmp_value(root, "pdf:Keywords") == [str(info.Keywords)]
    assert "fingerprint" in str(info.Keywords)
    assert xmp_value(root, "pdf:Producer") == [str(info.Producer)]
    assert xmp_value(root, "xmp:CreatorTool") == [str(info.Creator)]
    dates = [("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")]
    for xmp_date, info_date in dates:
        (value,) = xmp_value(root, xmp_date)
        assert datetime.fromisoformat(value) == pdf_date(str(info[info_date]))
    assert xmp_value(root, "xmp:MetadataDate") == xmp_value(root, "xmp:ModifyDate")
    # Entries of the document information that XMP cannot say would contradict it.
    assert set(info.keys()) <= {
        "/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer",
        "/CreationDate", "/ModDate",
    }  # fmt: skip


def test_an_srgb_output_intent_with_its_profile(charter: pikepdf.Pdf) -> None:
    (intent,) = charter.Root.OutputIntents
    assert intent.Type == "/OutputIntent" and intent.S == "/GTS_PDFA1"
    assert "sRGB" in str(intent.OutputConditionIdentifier)
    profile = intent.DestOutputProfile
    assert profile.N == 3
    data = profile.read_bytes()
    assert int.from_bytes(data[:4], "big") == len(data)
    assert data[36:40] == b"acsp"  # the ICC signature
    assert data[12:16] == b"mntr" and data[16:20] == b"RGB "  # a display profile for RGB


def fonts_of(resources: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """Every font a page's resources name, in form XObjects and Type 3 fonts too."""
    for font in resources.get("/Font", {}).values():
        yield font
        if font.Subtype == "/Type0":
            yield from font.DescendantFonts
        if "/Resources" in font:
            yield from fonts_of(font.Resources)
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from fonts_of(xobject.Resources)


def all_fonts(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    found: dict[tuple[int, int], pikepdf.Dictionary] = {}
    for page in pdf.pages:
        for font in fonts_of(page.Resources):
            found[font.objgen] = font
        for annotation in page.obj.get("/Annots", []):
            for appearance in annotation.get("/AP", {}).values():
                if "/Resources" in appearance:
                    for font in fonts_of(appearance.Resources):
                        found[font.objgen] = font
    return list(found.values())


def test_every_font_is_embedded(charter: pikepdf.Pdf) -> None:
    fonts = all_fonts(charter)
    assert len(fonts) >= 4  # regular, bold, italic, and the CJK font
    for font in fonts:
        if font.Subtype == "/Type0":
            continue  # its descendant font carries the glyphs, and is checked itself
        descriptor = font.FontDescriptor
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
            font.BaseFont
        )
        assert descriptor.FontName == font.BaseFont


def test_each_font_subset_has_its_own_tag(charter: pikepdf.Pdf) -> None:
    tags = []
    for font in all_fonts(charter):
        match = SUBSET_NAME.match(str(font.BaseFont))
        assert match, f"{font.BaseFont} is not named as a subset"
        tags.append(match.group(1))
    assert len(tags) == len(set(tags)), tags


def test_annotations_print_and_file_structure(charter: pikepdf.Pdf) -> None:
    for page in charter.pages:
        for annotation in page.obj.get("/Annots", []):
            flags = int(annotation.get("/F", 0))
            assert flags & 4, annotation.get("/Subtype")  # printed
            assert not flags & (1 | 2 | 32)  # neither invisible, hidden nor "no view"
    assert float(charter.pdf_version) <= 1.7
    assert len(charter.trailer.ID) == 2
    assert "/Encrypt" not in charter.trailer


def test_the_same_charter_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """With SOURCE_DATE_EPOCH set, as reproducible builds do, an export is byte for byte the
    same each time: the file identifier and subset tags follow from the content."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1778762400")
    session = with_many_scripts(example_session())
    first, _, _ = charter_pdf(session, at=EXPORTED)
    second, _, _ = charter_pdf(session, at=EXPORTED)
    assert first == second
    assert pikepdf.open(io.BytesIO(first)).docinfo.CreationDate == "D:20260514124000+00'00'"
