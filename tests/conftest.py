"""Settings shared by the Python suites (integration and end to end)."""

import pytest

DEFAULT_TEST_TIMEOUT_S = 120


def pytest_configure(config):
    config.addinivalue_line("markers", "timeout(seconds): fail a test that runs longer")


def pytest_collection_modifyitems(items):
    # Every test ends: a hang becomes a failure (pytest-timeout, where installed).
    for item in items:
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(DEFAULT_TEST_TIMEOUT_S))
