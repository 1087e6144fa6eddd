"""Signing one of a charter's signature fields with a certificate, for a facilitator who holds one.

The signature is a PAdES signature added as an incremental update: what was signed before stays
byte for byte as it was, so earlier signatures stay valid. pyHanko does the signing; it is an
optional part of the app (``pip install 'partnerworkshop[sign]'``), loaded only here.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import FileProblem
from ..model.storage import write_atomically

SIGNING_PACKAGE_HINT = "signing needs pyHanko: install it with pip install 'partnerworkshop[sign]'"


def empty_signature_fields(pdf: bytes) -> list[str]:
    """The names of the charter's signature fields that nobody has signed yet."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        form = document.Root.get("/AcroForm")
        if form is None:
            return []
        return [
            str(field.T)
            for field in form.get("/Fields", [])
            if field.get("/FT") == "/Sig" and "/V" not in field and "/T" in field
        ]


def sign_charter(
    charter: Path, field: str, certificate: Path, passphrase: bytes | None, output: Path
) -> None:
    """Sign the field named ``field`` of ``charter`` with the key and certificate in the PKCS#12
    file ``certificate``, and write the signed charter to ``output`` (FileProblem if any of it
    cannot be done; nothing is written then)."""
    try:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers
    except ImportError:
        raise FileProblem(charter, [SIGNING_PACKAGE_HINT]) from None

    import pikepdf

    pdf = _read(charter)
    try:
        empty = empty_signature_fields(pdf)
    except pikepdf.PdfError:
        raise FileProblem(charter, ["this is not a PDF file, or it is damaged"]) from None
    if field not in empty:
        listed = ", ".join(f'"{name}"' for name in empty) or "none"
        raise FileProblem(
            charter,
            [f'there is no unsigned signature field "{field}"; the unsigned fields: {listed}'],
        )
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            _read(certificate), [], passphrase=passphrase
        )
    except ValueError:
        raise FileProblem(
            certificate,
            ["this is not a certificate file (PKCS#12, .p12 or .pfx) or the passphrase is wrong"],
        ) from None
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    signed = signers.sign_pdf(
        writer,
        signers.PdfSignatureMetadata(field_name=field),
        signer=signer,
        existing_fields_only=True,
    )
    if not output.parent.is_dir():
        raise FileProblem(output, [f"the folder {output.parent} does not exist"])
    write_atomically(output, signed.getvalue())


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as problem:
        raise FileProblem(path, [f"cannot be read: {problem.strerror or problem}"]) from None
