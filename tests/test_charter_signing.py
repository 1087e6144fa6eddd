"""The charter's signature fields: one per signatory, on that signatory's line, and signable one
after the other without breaking the signatures before (each signature an incremental update)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pikepdf
import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from factories import agree_on_example
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from partnerworkshop.app import main
from partnerworkshop.export.charter import charter_pdf
from partnerworkshop.export.charter.signatures import field_names
from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.edits import SessionEditor
from partnerworkshop.model.session import Session, Signatory

PASSPHRASE = b"not a secret"


def throwaway_certificate(name: str) -> tuple[bytes, x509.Certificate]:
    """A self-signed signing certificate and its key, as a PKCS#12 file's bytes."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    bundle = pkcs12.serialize_key_and_certificates(
        name.encode(),
        key,
        certificate,
        None,
        serialization.BestAvailableEncryption(PASSPHRASE),
    )
    return bundle, certificate


def sign(pdf: bytes, field: str, bundle: bytes) -> bytes:
    signer = signers.SimpleSigner.load_pkcs12_data(bundle, [], passphrase=PASSPHRASE)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    # Only into a field the charter has: the signature must land on the signatory's line.
    signed = signers.sign_pdf(
        writer,
        signers.PdfSignatureMetadata(field_name=field),
        signer=signer,
        existing_fields_only=True,
    )
    return signed.getvalue()


def statuses(pdf: bytes, roots: list[x509.Certificate]) -> dict[str, PdfSignatureStatus]:
    context = ValidationContext(
        trust_roots=[
            asn1_x509.Certificate.load(root.public_bytes(serialization.Encoding.DER))
            for root in roots
        ],
        allow_fetching=False,
    )
    reader = PdfFileReader(io.BytesIO(pdf))
    return {
        str(signature.field_name): validate_pdf_signature(signature, context)
        for signature in reader.embedded_signatures
    }


@pytest.fixture(scope="module")
def signed_example() -> Session:
    session = example_session()
    agree_on_example(session)
    return session


def test_one_signature_field_per_signatory_on_their_line(signed_example: Session) -> None:
    pdf, _, _ = charter_pdf(signed_example)
    document = pikepdf.open(io.BytesIO(pdf))
    fields = list(document.Root.AcroForm.Fields)
    signatories = signed_example.agreement.signatories
    assert [str(field.T) for field in fields] == [
        "James Whitfield",
        "Dr Helen Marsh",
        "Sarah Okafor",
        "Zoë Łukasiewicz",
    ]
    assert sorted(str(field.T) for field in fields) == sorted(s.name for s in signatories)
    reader = PdfReader(io.BytesIO(pdf))
    for field in fields:
        assert field.FT == "/Sig" and "/V" not in field  # empty: nobody has signed yet
        assert field.Subtype == "/Widget" and int(field.F) & 4
        assert str(field.TU).startswith(f"Signature of {field.T}, ")
        page = document.pages.index(pikepdf.Page(field.P))
        assert field.objgen in {annotation.objgen for annotation in document.pages[page].Annots}
        assert "6 Signatures" in reader.pages[page].extract_text()
        # The field lies under the signatory's name, above the word "Signature" on its line.
        left, bottom, right, top = (float(value) for value in field.Rect)
        name_at = text_position(reader, page, str(field.T))
        signature_at = [
            (x, y)
            for x, y in text_positions(reader, page, "Signature")
            if abs(x - left) < 1 and y < bottom
        ]
        assert abs(name_at[0] - left) < 1 and name_at[1] > top
        assert signature_at and bottom - max(y for _, y in signature_at) < 15
        assert right - left > 150 and top - bottom > 20
    party_a = [f for f in fields if str(f.T) in ("James Whitfield", "Sarah Okafor")]
    party_b = [f for f in fields if str(f.T) in ("Dr Helen Marsh", "Zoë Łukasiewicz")]
    assert max(float(f.Rect[2]) for f in party_a) < min(float(f.Rect[0]) for f in party_b)


def text_positions(reader: PdfReader, page: int, text: str) -> list[tuple[float, float]]:
    found: list[tuple[float, float]] = []

    def visit(shown: str, cm: list[float], tm: list[float], *_: object) -> None:
        if shown.strip() == text:  # where the text starts on the page: tm, then cm
            x, y = tm[4], tm[5]
            found.append((cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]))

    reader.pages[page].extract_text(visitor_text=visit)
    return found


def text_position(reader: PdfReader, page: int, text: str) -> tuple[float, float]:
    (position,) = text_positions(reader, page, text)
    return position


def test_field_names_are_unique_and_never_a_hierarchy() -> None:
    people = [
        Signatory(party="A", name="J. R. Smith"),
        Signatory(party="B", name="J  R  Smith"),
        Signatory(party="B", name=""),
    ]
    assert field_names(people) == ["J R Smith", "J R Smith (2)", "Signatory 3"]


def test_each_signs_in_turn_and_every_signature_stays_valid(signed_example: Session) -> None:
    session = signed_example.model_copy(deep=True)
    editor = SessionEditor(session)
    editor.add_signatory(Signatory(party="A", name="ليلى حداد", title="مديرة المشتريات"))
    pdf, _, _ = charter_pdf(session)
    first_bundle, first_root = throwaway_certificate("James Whitfield")
    second_bundle, second_root = throwaway_certificate("ليلى حداد")

    once = sign(pdf, "James Whitfield", first_bundle)
    (first,) = statuses(once, [first_root]).values()
    assert first.intact and first.valid and first.trusted

    twice = sign(once, "ليلى حداد", second_bundle)
    found = statuses(twice, [first_root, second_root])
    assert set(found) == {"James Whitfield", "ليلى حداد"}
    for status in found.values():
        assert status.intact and status.valid and status.trusted
    # The first signature covers its own revision; what came after is only the filling in
    # of another signature field, which it allows.
    assert found["James Whitfield"].coverage.name == "ENTIRE_REVISION"
    assert found["James Whitfield"].modification_level.name == "FORM_FILLING"
    assert found["James Whitfield"].docmdp_ok
    assert found["ليلى حداد"].coverage.name == "ENTIRE_FILE"
    # The untouched fields are still there for the others.
    fields = PdfFileReader(io.BytesIO(twice)).root["/AcroForm"]["/Fields"]
    assert len(fields) == 5


def test_the_sign_command_signs_a_named_field(
    signed_example: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    charter, signed = tmp_path / "charter.pdf", tmp_path / "signed.pdf"
    charter.write_bytes(charter_pdf(signed_example)[0])
    bundle, root = throwaway_certificate("Sarah Okafor")
    certificate = tmp_path / "sarah.p12"
    certificate.write_bytes(bundle)
    monkeypatch.setenv("PARTNERWORKSHOP_CERTIFICATE_PASSPHRASE", PASSPHRASE.decode())

    def sign_with(*extra: str) -> int:
        return main(["sign", str(charter), "--certificate", str(certificate), *extra])

    assert sign_with("--field", "Sarah Okafor", "-o", str(signed)) == 0
    assert 'signed in the field "Sarah Okafor"' in capsys.readouterr().out
    (status,) = statuses(signed.read_bytes(), [root]).values()
    assert status.intact and status.valid and status.trusted

    assert sign_with("--field", "Sarah", "-o", str(tmp_path / "other.pdf")) == 1
    message = capsys.readouterr().err
    assert 'no unsigned signature field "Sarah"' in message and '"Sarah Okafor"' in message
    assert not (tmp_path / "other.pdf").exists()
    assert sign_with("--field", "Sarah Okafor", "-o", str(signed)) == 1  # it exists already
    assert "--force" in capsys.readouterr().err

    monkeypatch.setenv("PARTNERWORKSHOP_CERTIFICATE_PASSPHRASE", "wrong")
    assert sign_with("--field", "James Whitfield", "-o", str(tmp_path / "third.pdf")) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    charter.write_text("not a PDF")
    monkeypatch.setenv("PARTNERWORKSHOP_CERTIFICATE_PASSPHRASE", PASSPHRASE.decode())
    assert sign_with("--field", "James Whitfield", "-o", str(tmp_path / "fourth.pdf")) == 1
    assert "not a PDF file" in capsys.readouterr().err
