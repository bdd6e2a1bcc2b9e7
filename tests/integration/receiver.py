"""A loopback HTTP server standing in for a webhook receiver or a push service: records
every POST it gets and answers with the statuses it is told to, in turn."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class Receiver:
    def __init__(self, statuses: list[int] | None = None):
        self.received: list[Received] = []
        self._statuses = list(statuses or [])  # answers in turn; 200 once they run out
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (the http.server API)
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.received.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                    status = receiver._statuses.pop(0) if receiver._statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def requests(self) -> list[Received]:
        with self._lock:
            return list(self.received)

    def wait_for(self, predicate, timeout: float = 20.0, what: str = "a request") -> list[Received]:
        """The requests seen once predicate(requests) holds; fails naming `what`."""
        deadline = time.monotonic() + timeout
        while True:
            seen = self.requests()
            if predicate(seen):
                return seen
            if time.monotonic() >= deadline:
                raise AssertionError(f"{what} not received within {timeout:.0f}s; got {len(seen)}")
            time.sleep(0.05)  # poll interval

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
