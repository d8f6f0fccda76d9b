"""The ASGI app: routes (routes.py), limits and headers, error shapes, the schema and its docs page.

JSON answers are built by the JSON encoder from values, never by pasting strings, so an article
holding `<script>` comes back as a JSON string with those characters in it, served as
`application/json` with `nosniff`: no browser runs it. Escaping for HTML is the web app's job.
"""
from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.middleware.trustedhost import TrustedHostMiddleware
from fastapi.staticfiles import StaticFiles

from marsad import __version__
from marsad.options import ValueProblem
from marsad.serve.params import api_message, known_params, problem_param
from marsad.serve.pool import PoolBusy, StorePool
from marsad.serve.review import ReviewConfig
from marsad.serve.review import router as review_router
from marsad.serve.routes import router

MAX_QUERY_BYTES = 4096   # a URL's query string; every parameter is short
COMMON_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
HEADERS = [*COMMON_HEADERS,
           (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")]
# The web app (static/): its own scripts, styles and JSON only, from this server; no inline script,
# so text that slipped into the page as markup could still run nothing.
APP_HEADERS = [*COMMON_HEADERS,
               (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; "
                b"img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")]
STATIC = Path(__file__).parent / "static"
API_PATHS = ("/api/", "/openapi.json", "/docs")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


class Limits:
    """Pure ASGI middleware: the API reads GET query strings only, so a long query string is a 414
    and any request body a 413, before a route sees them; every answer gets HEADERS."""

    def __init__(self, app):  # noqa: ANN001
        self.app = app

    async def __call__(self, scope, receive, send):  # noqa: ANN001
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if len(scope.get("query_string") or b"") > MAX_QUERY_BYTES:
            return await _refuse(send, 414, f"query string longer than {MAX_QUERY_BYTES} bytes")
        if not length.isdigit() or int(length) > 0 or b"transfer-encoding" in headers:
            return await _refuse(send, 413, "this API takes no request body")

        extra = HEADERS if scope["path"].startswith(API_PATHS) else APP_HEADERS

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


async def _refuse(send, status: int, message: str) -> None:  # noqa: ANN001
    import orjson

    body = orjson.dumps({"detail": message})
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *HEADERS]})
    await send({"type": "http.response.body", "body": body})


def create_app(db: str | None, pool_size: int = 8, allowed_hosts: list[str] | None = None,
               review: ReviewConfig | None = None) -> FastAPI:
    """The read-only API over the store at `db` (a --db value). `allowed_hosts`: the Host headers
    answered (None: any); `marsad serve` on a loopback address answers loopback names only, so a
    web page cannot reach it by DNS rebinding. `review`: the writes of `--allow-review` (None:
    every write refused)."""
    pool = StorePool(db, pool_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="Marsad", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Read-only API over a Marsad store: Arabic news as PLOVER events, claims, actors.",
                  dependencies=[Depends(known_params)])
    app.state.pool = pool
    app.state.review = review
    app.include_router(router)
    app.include_router(review_router)

    @app.exception_handler(ValueProblem)
    async def value_problem(request: Request, exc: ValueProblem) -> JSONResponse:
        return JSONResponse({"detail": [{"loc": ["query", problem_param(exc)], "msg": api_message(exc),
                                         "type": "value_error"}]}, status_code=422)

    @app.exception_handler(PoolBusy)
    async def busy(request: Request, exc: PoolBusy) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "1"})

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> str:
        return docs_page(app.openapi())

    # the web app last: every route above is matched first; `/` serves static/index.html
    app.mount("/", StaticFiles(directory=STATIC, html=True), name="web")
    app.add_middleware(Limits)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app


def docs_page(schema: dict) -> str:
    """The API's routes and parameters as one plain HTML page from the OpenAPI schema: no script,
    no stylesheet from elsewhere (the usual Swagger page loads both from a CDN)."""
    esc = html.escape
    parts = [f"<!doctype html><html lang='en'><meta charset='utf-8'><title>{esc(schema['info']['title'])} API</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}code{background:#eee}"
             "td{vertical-align:top;padding:0 .5em}</style>",
             f"<h1>{esc(schema['info']['title'])} API {esc(schema['info']['version'])}</h1>",
             f"<p>{esc(schema['info'].get('description', ''))} The schema: <a href='/openapi.json'>/openapi.json</a>.</p>"]
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            parts.append(f"<h2><code>{esc(method.upper())} {esc(path)}</code></h2><p>{esc(op.get('summary', ''))}</p>")
            params = op.get("parameters") or []
            if params:
                parts.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>")
                for p in params:
                    kind = p.get("schema", {}).get("type") or " | ".join(
                        str(x.get("type", "")) for x in p.get("schema", {}).get("anyOf", []))
                    parts.append(f"<tr><td><code>{esc(p['name'])}</code></td><td>{esc(p['in'])}</td>"
                                 f"<td>{esc(str(kind))}</td><td>{esc(p.get('description', ''))}</td></tr>")
                parts.append("</table>")
    return "".join(parts) + "</html>"

