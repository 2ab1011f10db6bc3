"""Exception handlers that give every error the same JSON shape."""

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from backend.core.errors import DomainError, TooManyRequests

_HTTP_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def error_json(status: int, code: str, message: str, details: list[Any] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"code": code, "message": message, "details": details or []})


def _clean_loc(loc: Any) -> list[str | int]:
    return [part if isinstance(part, int) else str(part) for part in loc]


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for err in exc.errors():
        # Never echo the offending input back: it may be huge, binary or confidential.
        details.append(
            {"loc": _clean_loc(err.get("loc", ())), "msg": str(err.get("msg", "")), "type": err.get("type", "")}
        )
    return details


async def _domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    response = error_json(exc.status_code, exc.code, exc.message, exc.details)
    if isinstance(exc, TooManyRequests):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = _validation_details(exc)
    first = details[0] if details else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"])
    message = f"{where}: {first['msg']}" if where else str(first["msg"])
    return error_json(422, "validation_error", message, details)


def _allowed_methods(request: Request) -> str:
    """The methods of the path the router matched; it names only the first route's methods."""
    path = request.url.path
    template = None
    methods: set[str] = set()
    for context in iter_route_contexts(request.app.routes):
        if not context.path or not context.methods:
            continue
        if template is None and compile_path(context.path)[0].match(path):
            template = context.path  # the first match wins, as in routing: /outputs/queue before /{id}
        if context.path == template:
            methods |= set(context.methods)
    return ", ".join(sorted(methods))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    response = error_json(exc.status_code, code, str(exc.detail))
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value
    if exc.status_code == 405:
        response.headers["Allow"] = _allowed_methods(request)
    return response


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
