"""One JSON shape for every API error, and the handlers that produce it (no stack traces leave).

Shape: ``{"error": {"status": 400, "code": "invalid_parameter", "message": "...", "param": "q"}}``
(``param`` only when one request parameter is at fault).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.api.filters import FilterError

log = logging.getLogger("rasd.api")

_CODES = {
    400: "invalid_parameter", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "body_too_large", 415: "unsupported_media_type",
    422: "invalid_body", 500: "internal_error", 503: "unavailable",
}


class ApiError(Exception):
    """Raise from an endpoint to answer with the error shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None, param: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.param = param
        self.headers = headers


def error_body(status: int, message: str, code: str | None = None, param: str | None = None) -> dict:
    err: dict = {"status": status, "code": code or _CODES.get(status, "error"), "message": message}
    if param:
        err["param"] = param
    return {"error": err}


def error_response(status: int, message: str, code: str | None = None, param: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code, param), status_code=status, headers=headers)


def where(loc: tuple | list, prefix: str = "") -> str:
    """A pydantic error location as the client wrote it: ``documents[0].text``; pydantic's own
    entries (``function-after[...]``, the ``body`` / ``query`` markers) are left out."""
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("body", "query", "path", "header") and not out:
            continue
        elif "[" in str(part) or "(" in str(part):  # a validator's or union member's name
            continue
        else:
            out += ("." if out else "") + str(part)
    return out


_PLAIN = {
    "json_invalid": "not valid JSON",
    "missing": "missing",
    "extra_forbidden": "unknown field",
    "model_attributes_type": "expected a JSON object",
    "model_type": "expected a JSON object",
    "dict_type": "expected a JSON object",
    "list_type": "expected a JSON array",
    "string_type": "expected a string",
}


def plain_message(err: dict, prefix: str = "") -> tuple[str, str | None]:
    """One pydantic error (``ValidationError.errors()`` item) as ``(message, param)`` without pydantic's
    internals: ``("documents[0].text: give exactly one of 'text' or 'html', not empty", "documents[0].text")``."""
    kind = err.get("type", "")
    loc = tuple(err.get("loc", ()))
    if kind == "json_invalid":
        return "body: not valid JSON", "body"
    param = where(loc, prefix) or None
    msg = _PLAIN.get(kind) or str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    return (f"{param}: {msg}" if param else msg), param


def _validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    errs = exc.errors()
    if not errs:
        return "invalid request", None
    if tuple(errs[0].get("loc", ())) == ("body",) and errs[0].get("type") == "missing":
        return 'body: missing (send a JSON document, an array of them, or {"documents": [...]})', "body"
    return plain_message(errs[0])


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.param, exc.headers)

    @app.exception_handler(FilterError)
    async def _filter_error(request: Request, exc: FilterError) -> JSONResponse:
        return error_response(400, f"{exc.param}: {exc.detail}", param=exc.param)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        msg, param = _validation_message(exc)
        in_body = any((e.get("loc") or ("",))[0] == "body" for e in exc.errors())
        return error_response(422 if in_body else 400, msg, param=param)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else _CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error (see the server log)")
