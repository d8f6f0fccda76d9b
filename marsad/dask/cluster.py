"""`--dask SPEC`: a Dask client on a running cluster (tcp://HOST:PORT) or on a LocalCluster
this process starts (local:N, N worker processes of one thread each).

Dask is an optional extra (`pip install 'marsad[dask]'`): it is imported here, when a command
asks for it, never by the core package.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

INSTALL = "pip install 'marsad[dask]'"
LOCAL_RE = re.compile(r"local:([1-9][0-9]{0,3})")
REMOTE_RE = re.compile(r"(tcp|tls)://[^\s/]+:[0-9]+/?")


class DaskUnavailable(RuntimeError):
    pass


def require_dask() -> None:
    """Fail with the extra to install when dask.distributed is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskUnavailable(f"Dask is not installed ({exc.name} is missing): {INSTALL}") from None


def check_spec(spec: str) -> str:
    """A valid --dask value, or ValueError saying which forms there are.

    >>> check_spec("local:2"), check_spec("tcp://10.0.0.5:8786")
    ('local:2', 'tcp://10.0.0.5:8786')
    >>> check_spec("local:0")
    Traceback (most recent call last):
    ...
    ValueError: --dask takes local:N (N worker processes on this machine, 1-9999) or tcp://HOST:PORT (a running dask-scheduler), not 'local:0'
    """
    if LOCAL_RE.fullmatch(spec) or REMOTE_RE.fullmatch(spec):
        return spec
    raise ValueError("--dask takes local:N (N worker processes on this machine, 1-9999) or tcp://HOST:PORT "
                     f"(a running dask-scheduler), not {spec!r}")


def is_local(spec: str) -> bool:
    return spec.startswith("local:")


def check_cli_spec(spec: str, sqlite: bool, what: str) -> None:
    """The checks `ingest --dask` and `dedup --dask` share, as the CLI reports them: a valid spec
    (else typer.BadParameter), Dask installed (else one error line naming the extra, exit 2), and
    no SQLite store on a remote cluster. `what`: the command's store advice for that case."""
    import typer

    try:
        check_spec(spec)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--dask") from None
    try:
        require_dask()
    except DaskUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if sqlite and not is_local(spec):
        raise typer.BadParameter(f"a SQLite store is one file on this machine: with a Dask cluster (tcp://), {what}; "
                                 "SQLite takes --dask local:N", param_hint="--dask")


@contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A distributed.Client for `spec`; a LocalCluster started for it is closed on exit."""
    check_spec(spec)
    require_dask()
    from distributed import Client, LocalCluster

    if not is_local(spec):
        with Client(spec) as client:
            yield client
        return
    workers = int(spec.split(":", 1)[1])
    # processes, one thread each: the pipeline is pure Python, threads would share one GIL
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        yield client
