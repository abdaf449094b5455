"""PDF/X-4 identification, added after ReportLab has written a press file (pikepdf).

What this writes, and what the tests check, is exactly: PDF version 1.6; an OutputIntent
(/S /GTS_PDFX) with the user's CMYK ICC profile embedded and its OutputConditionIdentifier;
Info keys GTS_PDFXVersion = PDF/X-4, Trapped = False and a Title; XMP metadata that says
what Info says, key for key (title, author, subject, creator tool, producer, dates, trapping,
keywords when there are any, pdfxid:GTS_PDFXVersion), and the xmpMM identifiers preflights
ask for (DocumentID, InstanceID, VersionID, RenditionClass), derived from the content so a
build stays reproducible; a trailer /ID derived from the content. The rest of PDF/X-4 that
printkit's files meet by construction (fonts embedded, TrimBox on every page, no RGB, no
encryption) is checked by the press tests. printkit does not claim a validator's verdict:
there is none offline.
"""

from __future__ import annotations

import hashlib
import uuid
import warnings
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name, String

from printkit.errors import InputError, Location
from printkit.model.production import PdfX
from printkit.read import icc

VERSION = "PDF/X-4"
PDFX_PDF = "1.6"
#: the namespace of printkit's xmpMM identifiers (a fixed UUID: the IDs are uuid5 of content)
ID_NAMESPACE = uuid.UUID("8f0b8a52-93c5-4a57-9d0e-6c3f1e0c2a14")
VERSION_ID = "1"  # every build is the first version of its document
RENDITION = "default"  # the master document, not a proof or a low-resolution copy


def read_profile(path: Path) -> bytes:
    """The ICC profile's bytes (``read.icc``); one changed since the event was read is
    refused at its file."""
    try:
        return icc.read_profile(path)
    except icc.ProfileProblem as exc:
        raise InputError(Location(str(path)), "", exc.problem) from None


def content_digest(doc: pikepdf.Pdf) -> str:
    """A hash of what the file shows: every stream (page content, fonts, images, forms) in
    file order and every page's boxes; the metadata is left out, so it can carry the hash."""
    digest = hashlib.sha256()
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Type") != Name.Metadata:
            digest.update(obj.read_raw_bytes())
    for page in doc.pages:
        for box in ("/MediaBox", "/BleedBox", "/TrimBox"):
            digest.update(repr(page.obj.get(box)).encode())
    return digest.hexdigest()


def identify(doc: pikepdf.Pdf, settings: PdfX) -> None:
    """Add the OutputIntent, the Info keys and the XMP of PDF/X-4 to an open document."""
    profile = read_profile(settings.profile)
    icc = doc.make_stream(profile)
    icc.N = 4
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name.GTS_PDFX,
        OutputConditionIdentifier=String(settings.condition),
        Info=String(settings.info or settings.condition),
        RegistryName=String("http://www.color.org"),
        DestOutputProfile=icc,
    )
    doc.Root.OutputIntents = pikepdf.Array([intent])
    doc.docinfo[Name.GTS_PDFXVersion] = String(VERSION)
    doc.docinfo[Name.Trapped] = Name("/False")
    digest = content_digest(doc)
    with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        with warnings.catch_warnings():  # Info /Trapped and the GTS key: set just below
            warnings.simplefilter("ignore", UserWarning)
            meta.load_from_docinfo(doc.docinfo)  # title, author, subject, tools, dates
        meta["pdfxid:GTS_PDFXVersion"] = VERSION
        meta["pdf:Trapped"] = "False"
        meta["xmp:MetadataDate"] = meta["xmp:ModifyDate"]
        meta["xmpMM:DocumentID"] = f"uuid:{uuid.uuid5(ID_NAMESPACE, 'document ' + digest)}"
        meta["xmpMM:InstanceID"] = f"uuid:{uuid.uuid5(ID_NAMESPACE, 'instance ' + digest)}"
        meta["xmpMM:VersionID"] = VERSION_ID
        meta["xmpMM:RenditionClass"] = RENDITION
