"""Waiting on a condition with a deadline: the one way the Python suites synchronize."""

from __future__ import annotations

import time
from typing import Any, Callable

try:
    import httpx

    # Connection errors mean "not yet"; both suites' HTTP clients raise OSError for them.
    _TRANSIENT: tuple[type[BaseException], ...] = (OSError, httpx.HTTPError)
except ModuleNotFoundError:  # the end-to-end suite runs on the standard library alone
    _TRANSIENT = (OSError,)


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.1,
               message: str | None = None) -> Any:
    """Calls predicate() until it returns something truthy and returns that value.
    Transport errors count as "not yet"; an AssertionError inside the predicate fails at
    once. When the deadline passes, fails naming the condition and the last value or
    transport error seen."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while True:
        try:
            last = predicate()
            if last:
                return last
        except _TRANSIENT as exc:
            last = exc
        if time.monotonic() >= deadline:
            what = message or getattr(predicate, "__name__", "condition")
            raise AssertionError(f"{what} not met within {timeout:.1f}s (last: {last!r})")
        time.sleep(interval)  # poll interval; the predicate decides
