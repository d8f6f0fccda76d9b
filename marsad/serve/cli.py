"""`marsad serve`: the read-only HTTP API (marsad.serve.app) on uvicorn."""
from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from marsad.options import Db

MAX_CONNECTIONS = 64      # open connections at once; more get a 503 from uvicorn
MAX_HEADER_BYTES = 16_384  # a request's line and headers


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def _check_store(db: str | None) -> None:
    """The store exists and has this Marsad's schema, checked before listening: a missing store is
    one line and exit 2, and an older store is not migrated (opening it through `open_store` would
    write the migration; the server only reads)."""
    from marsad.store import schema
    from marsad.store.base import StoreError
    from marsad.store.urls import DbUrlError, parse_db_url

    try:
        url = parse_db_url(db)
        if url.kind == "postgresql":
            from marsad.store.postgres import PostgresStore
            store = PostgresStore(url, readonly=True)
        else:
            from marsad.store.sqlite import SqliteStore
            store = SqliteStore(url, readonly=True, create=False)
    except (StoreError, DbUrlError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        stored = store._schema()
    finally:
        store.close()
    if stored != schema.SCHEMA_VERSION:
        what = f"store schema {stored}" if stored else "no Marsad store here"
        typer.echo(f"error: {url}: {what}; this Marsad serves schema {schema.SCHEMA_VERSION} (a writer, such as "
                   "`marsad ingest`, brings an older store up to date)", err=True)
        raise typer.Exit(2)


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 (this machine only) unless told. "
                                      "For a team, keep it and put a reverse proxy in front (README).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    connections: Annotated[int, typer.Option(min=1, max=64, help="Store connections (requests read at once).")] = 8,
    allow_review: Annotated[bool, typer.Option("--allow-review", help="Let the web app reject, confirm and correct "
                                               "events (writes the store; off by default).")] = False,
    reviewer: Annotated[str | None, typer.Option(help="With --allow-review: the reviewer's name recorded "
                                                 "(default $USER).")] = None,
    reviewer_header: Annotated[str | None, typer.Option(help="With --allow-review behind a proxy that logs users "
                                                        "in: the header naming the user (e.g. X-Remote-User).")] = None,
) -> None:
    """Serve the store read-only over HTTP: the web app (/), a JSON API (/api/…), its OpenAPI schema
    (/openapi.json) and a docs page (/docs), none loading anything from elsewhere."""
    try:
        import uvicorn

        from marsad.serve.app import LOOPBACK_HOSTS, create_app
        from marsad.serve.review import ReviewConfig
    except ImportError as exc:  # FastAPI and uvicorn are the `serve` extra
        typer.echo(f"error: marsad serve needs FastAPI and uvicorn ({exc}): pip install 'marsad[serve]'", err=True)
        raise typer.Exit(2) from None

    _check_store(db)
    if not _loopback(host):
        typer.echo(f"warning: listening on {host}: anyone who can reach it reads the store", err=True)
    review = ReviewConfig(db, reviewer, reviewer_header) if allow_review else None
    if review:
        typer.echo("review is on: the web app can change the store (every change recorded with who and when)", err=True)
    app = create_app(db, connections, LOOPBACK_HOSTS if _loopback(host) else None, review)
    shown = f"[{host}]" if ":" in host else host
    mode = "with reviews" if review else "read-only"
    typer.echo(f"serving {db or 'marsad.db'} {mode}: the web app at http://{shown}:{port}/, the API at /api/events "
               "(docs: /docs, schema: /openapi.json); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=MAX_CONNECTIONS,
                h11_max_incomplete_event_size=MAX_HEADER_BYTES, server_header=False)
