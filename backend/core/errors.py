"""Domain errors that carry their HTTP status and a stable code.

Services raise these; the app turns them into JSON ``{"code", "message", "details"}``
so clients can branch on ``code`` and show ``message``. Every route declares the
shape in OpenAPI through ``ERROR_RESPONSES``.
"""

from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    loc: list[str | int] = Field(default_factory=list, description="Where the problem is, e.g. body.title")
    msg: str
    type: str


class ErrorResponse(BaseModel):
    code: str = Field(description="Stable machine-readable error code")
    message: str = Field(description="Human-readable explanation")
    details: list[ErrorDetail] = Field(default_factory=list)


class DomainError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, code: str | None = None, details: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.details = details or []


class BadRequest(DomainError):
    pass


class NotAuthenticated(DomainError):
    status_code = 401
    code = "not_authenticated"


class Forbidden(DomainError):
    status_code = 403
    code = "forbidden"


class NotFound(DomainError):
    status_code = 404
    code = "not_found"


class Conflict(DomainError):
    status_code = 409
    code = "conflict"


class InvalidState(DomainError):
    status_code = 409
    code = "invalid_state"


class Unprocessable(DomainError):
    status_code = 422
    code = "validation_error"


class TooManyRequests(DomainError):
    status_code = 429
    code = "too_many_requests"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _response(description: str) -> dict[str, Any]:
    return {"model": ErrorResponse, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _response("Malformed request"),
    401: _response("Not signed in or the token is invalid"),
    403: _response("Signed in but not allowed"),
    404: _response("Not found (or not visible to you)"),
    409: _response("Conflict: stale version or invalid state"),
    413: _response("Request body too large"),
    422: _response("Validation error; details list each bad field"),
    429: _response("Too many attempts; retry later"),
}
