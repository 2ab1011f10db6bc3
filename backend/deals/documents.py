"""Deal documents: type, size limit, allowed formats checked by extension and content, sha256 checksum."""

import hashlib
import io
import zipfile
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import User
from backend.core import audit
from backend.core.errors import Conflict, DomainError, NotFound, Unprocessable
from backend.deals import access
from backend.deals.enums import DocumentType
from backend.deals.models import Deal, DealDocument
from backend.deals.storage import Storage

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class PayloadTooLarge(DomainError):
    status_code = 413
    code = "file_too_large"


def _looks_like(ext: str, data: bytes) -> bool:
    """The content must be what the extension says: a renamed executable is refused."""
    if ext == "pdf":
        return data.startswith(b"%PDF-")
    if ext in ("jpg", "jpeg"):
        return data.startswith(b"\xff\xd8\xff")
    if ext == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    # docx and xlsx are ZIP packages; the part that names the document kind must be inside.
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names and ("word/document.xml" if ext == "docx" else "xl/workbook.xml") in names


def _bad_file(msg: str, code: str) -> Unprocessable:
    return Unprocessable(f"file: {msg}", code=code, details=[{"loc": ["body", "file"], "msg": msg, "type": code}])


def upload(
    session: Session,
    *,
    storage: Storage,
    actor: User,
    deal: Deal,
    doc_type: DocumentType,
    filename: str,
    data: bytes,
    max_bytes: int | None = None,
) -> DealDocument:
    access.require_actor(actor, deal)
    limit = MAX_DOCUMENT_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise PayloadTooLarge(f"A document may be at most {limit / (1024 * 1024):g} MB ({limit} bytes)")
    if not data:
        raise _bad_file("the file is empty", "empty_file")
    name = PurePath(filename.replace("\\", "/")).name[:255] or "document"
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in CONTENT_TYPES:
        raise _bad_file("allowed formats are pdf, jpg, png, docx and xlsx", "format_not_allowed")
    if not _looks_like(ext, data):
        raise _bad_file(f"the content is not a {ext} file", "content_mismatch")
    digest = hashlib.sha256(data).hexdigest()
    # Content-addressed per deal: the same bytes are stored once however often they are uploaded.
    key = f"deals/{deal.id}/{digest}"
    if not storage.exists(key):
        storage.put(key, data)
    document = DealDocument(
        deal_id=deal.id,
        doc_type=doc_type,
        filename=name,
        content_type=CONTENT_TYPES[ext],
        size=len(data),
        sha256=digest,
        storage_key=key,
        uploaded_by_id=actor.id,
    )
    session.add(document)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id,
        entity_type="deal",
        entity_id=deal.id,
        action="document",
        changes={"document_id": document.id, "doc_type": doc_type, "sha256": digest, "size": len(data)},
    )
    return document


def list_documents(session: Session, deal: Deal) -> list[DealDocument]:
    return list(session.scalars(select(DealDocument).where(DealDocument.deal_id == deal.id).order_by(DealDocument.id)))


def get_document(session: Session, deal: Deal, document_id: int) -> DealDocument:
    document = session.get(DealDocument, document_id)
    if document is None or document.deal_id != deal.id:
        raise NotFound("Document not found")
    return document


def read(storage: Storage, document: DealDocument) -> bytes:
    data = storage.get(document.storage_key)
    # A stored file that no longer matches its checksum is never served as if it were the original.
    if hashlib.sha256(data).hexdigest() != document.sha256:
        raise Conflict("The stored document fails its checksum; ask an administrator", code="checksum_mismatch")
    return data
