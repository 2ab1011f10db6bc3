"""ASGI middleware that refuses oversized bodies and NUL bytes in URLs before any parsing."""

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.core.handlers import error_json


class _TooLarge(HTTPException):
    """An HTTPException, so FastAPI's body reading re-raises it (as 413) instead of a vague 400."""

    def __init__(self, max_body_bytes: int) -> None:
        super().__init__(413, f"The request body is larger than {max_body_bytes / (1024 * 1024):g} MB")


class RequestLimits:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_query: bytes = scope.get("query_string", b"")
        if b"%00" in raw_query or "\x00" in scope.get("path", ""):
            await error_json(400, "bad_request", "NUL bytes are not allowed in the URL")(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body_bytes:
            await self._reject(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _TooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._reject(scope, receive, send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit_mb = self.max_body_bytes / (1024 * 1024)
        response = error_json(413, "payload_too_large", f"The request body is larger than {limit_mb:g} MB")
        await response(scope, receive, send)
