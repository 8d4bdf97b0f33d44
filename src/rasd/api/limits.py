"""ASGI middleware for the server's limits: a request-body cap and security headers on every answer.

``HEAD`` on any ``GET`` route answers as ``GET`` would, headers only (no body).
The body cap checks ``Content-Length`` up front and reads uploads (also chunked) up to the cap
before the app sees them, answering 413 in the API's error shape. Security headers keep the offline page self-contained
(``Content-Security-Policy: default-src 'self'``) and stop sniffing and framing.
"""

from __future__ import annotations

import json

from rasd.api.errors import error_body

MAX_BODY_BYTES = 5 * 1024 * 1024

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
]


class LimitsMiddleware:
    """Wrap an ASGI app: cap request bodies at ``max_body`` bytes and add ``SECURITY_HEADERS``."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = False
            if too_big:
                await self._reject(send_with_headers)
                return

        if scope.get("method") == "HEAD":  # answer as GET, drop the body (headers keep its length)
            async def send_headers_only(message) -> None:
                if message["type"] == "http.response.body":
                    if message.get("more_body", False):
                        return
                    message = {"type": "http.response.body", "body": b"", "more_body": False}
                await send_with_headers(message)

            await self.app({**scope, "method": "GET"}, receive, send_headers_only)
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send_with_headers)
            return
        # read the (bounded) body first, then replay it: a chunked upload cannot slip past the cap
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body:
                await self._reject(send_with_headers)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_headers)

    async def _reject(self, send) -> None:
        body = json.dumps(error_body(413, f"request body larger than {self.max_body} bytes")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
