"""HTTP routes of deal documents: multipart upload, list, download."""

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from backend.accounts.deps import CurrentUser
from backend.core.deps import SessionDep
from backend.core.errors import ERROR_RESPONSES
from backend.core.params import IdPath
from backend.deals import access, documents
from backend.deals.enums import DocumentType
from backend.deals.statements import DocumentOut
from backend.deals.storage import get_storage

router = APIRouter(prefix="/deals/{deal_id}/documents", tags=["deals"], responses=ERROR_RESPONSES)

FILE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The document's bytes; ETag carries its SHA-256",
        "content": {content_type: {} for content_type in sorted(set(documents.CONTENT_TYPES.values()))},
    }
}


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="uploadDealDocument")
def upload(
    session: SessionDep,
    user: CurrentUser,
    deal_id: IdPath,
    file: Annotated[UploadFile, File(description="pdf, jpg, png, docx or xlsx; at most 10 MB")],
    doc_type: Annotated[DocumentType, Form(description="What the document is")],
) -> DocumentOut:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    # Read one byte past the limit: enough to know it is too large without holding more in memory.
    data = file.file.read(documents.MAX_DOCUMENT_BYTES + 1)
    document = documents.upload(
        session,
        storage=get_storage(),
        actor=user,
        deal=deal,
        doc_type=doc_type,
        filename=file.filename or "",
        data=data,
    )
    return DocumentOut.model_validate(document)


@router.get("", operation_id="listDealDocuments")
def list_documents(session: SessionDep, user: CurrentUser, deal_id: IdPath) -> list[DocumentOut]:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    return [DocumentOut.model_validate(d) for d in documents.list_documents(session, deal)]


@router.get("/{document_id}", operation_id="downloadDealDocument", response_class=Response, responses=FILE_RESPONSE)
def download(session: SessionDep, user: CurrentUser, deal_id: IdPath, document_id: IdPath) -> Response:
    deal = access.get_visible(session, user=user, deal_id=deal_id)
    document = documents.get_document(session, deal, document_id)
    data = documents.read(get_storage(), document)
    return Response(
        content=data,
        media_type=document.content_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(document.filename)}",
            "ETag": f'"{document.sha256}"',
        },
    )
