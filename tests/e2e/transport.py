"""HTTP for the end-to-end suite on the standard library alone, so that a plain
`pytest tests/e2e/` works with any Python that has pytest."""

from __future__ import annotations

import json as jsonlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit


class TransportError(OSError):
    """The request got no HTTP answer (refused, reset, timed out)."""


@dataclass
class Request:
    method: str
    url: str

    @property
    def path(self) -> str:
        return urlsplit(self.url).path


@dataclass
class Response:
    request: Request
    status_code: int
    headers: Message
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return jsonlib.loads(self.content)


def send(method: str, url: str, *, headers: dict | None = None, json: Any = None,
         content: bytes | None = None, timeout: float = 10.0) -> Response:
    headers = dict(headers or {})
    if json is not None:
        content = jsonlib.dumps(json).encode()
        headers.setdefault("Content-Type", "application/json")
    request = Request(method, url)
    prepared = urllib.request.Request(url, data=content, method=method, headers=headers)
    try:
        with urllib.request.urlopen(prepared, timeout=timeout) as answer:
            return Response(request, answer.status, answer.headers, answer.read())
    except urllib.error.HTTPError as error:
        return Response(request, error.code, error.headers, error.read())
    except (urllib.error.URLError, OSError) as error:
        raise TransportError(f"{method} {url}: {error}") from error
