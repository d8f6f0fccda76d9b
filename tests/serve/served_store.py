"""What the served test stores hold (beside conftest.py: the tests import it by this unique name)."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

EXAMPLE = Path(__file__).parents[2] / "examples" / "seed-0001.txt"
SEED_DATE = "2017-12-27"
# An Arabic news sentence with markup in it: the API must give it back as data, unchanged.
MARKUP_ID = "markup-0001"
MARKUP_TEXT = ('اتهمت وزارة الخارجية الروسية الولايات المتحدة <script>alert("x")</script> بدعم '
               'الإرهاب في سوريا، وقال المتحدث " onerror="alert(1) إن موسكو سترد.')

START_S = 60  # the first import of the pipeline's tables takes seconds on a busy machine


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db: str, *options: str) -> Iterator[str]:
    """The base URL of a real `marsad serve` process on a free loopback port (stopped on exit)."""
    port = free_port()
    marsad = Path(sys.executable).with_name("marsad")
    proc = subprocess.Popen([str(marsad), "serve", "--db", db, "--port", str(port), *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_S
        while True:
            assert proc.poll() is None, proc.stderr.read()
            try:
                httpx.get(f"{base}/api/stats", timeout=30)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "marsad serve did not answer"
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
