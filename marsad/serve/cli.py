"""`marsad serve`: the read-only HTTP API (marsad.serve.app) on uvicorn."""
from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from marsad.options import Db, open_db

MAX_CONNECTIONS = 64      # open connections at once; more get a 503 from uvicorn
MAX_HEADER_BYTES = 16_384  # a request's line and headers


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 (this machine only) unless told. "
                                      "For a team, keep it and put a reverse proxy in front (README).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    connections: Annotated[int, typer.Option(min=1, max=64, help="Store connections (requests read at once).")] = 8,
) -> None:
    """Serve the store read-only over HTTP: a JSON API (/api/…), its OpenAPI schema (/openapi.json)
    and a docs page (/docs) that loads nothing from elsewhere."""
    import uvicorn

    from marsad.serve.app import LOOPBACK_HOSTS, create_app

    open_db(db).close()  # a missing store is one line and exit 2, before listening
    if not _loopback(host):
        typer.echo(f"warning: listening on {host}: anyone who can reach it reads the store", err=True)
    app = create_app(db, connections, LOOPBACK_HOSTS if _loopback(host) else None)
    uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=MAX_CONNECTIONS,
                h11_max_incomplete_event_size=MAX_HEADER_BYTES, server_header=False)
