"""The cache of tools that are not Debian packages (scripts/lib/tools.sh): each name and
version is built once, a failed build leaves nothing behind, and concurrent callers
share one build."""

import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_ensure(cache: Path, counter: Path, builder: str = "counting_builder"):
    script = f"""
source "{ROOT}/scripts/lib/common.sh"
source "{ROOT}/scripts/lib/tools.sh"
counting_builder() {{ echo built >> "{counter}"; echo hello > "$1/payload"; }}
failing_builder() {{ echo partial > "$1/payload"; return 3; }}
ensure_tool demo 1.2.3 {builder}
"""
    return subprocess.run(["bash", "-c", script], env={"SHOP_TOOL_CACHE": str(cache), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=60)


def builds(counter: Path) -> int:
    return len(counter.read_text().splitlines()) if counter.exists() else 0


def test_a_tool_is_built_once_and_then_reused(tmp_path):
    cache, counter = tmp_path / "cache", tmp_path / "counter"
    first = run_ensure(cache, counter)
    assert first.returncode == 0, first.stderr
    tool_dir = Path(first.stdout.strip())
    assert tool_dir == cache / "demo" / "1.2.3"
    assert (tool_dir / "payload").read_text() == "hello\n"
    second = run_ensure(cache, counter)
    assert second.returncode == 0, second.stderr
    assert Path(second.stdout.strip()) == tool_dir
    assert builds(counter) == 1


def test_a_failed_build_leaves_nothing_behind(tmp_path):
    cache, counter = tmp_path / "cache", tmp_path / "counter"
    failed = run_ensure(cache, counter, builder="failing_builder")
    assert failed.returncode != 0
    assert not (cache / "demo" / "1.2.3").exists()
    assert not list((cache / "demo").glob(".build-*"))
    retried = run_ensure(cache, counter)
    assert retried.returncode == 0, retried.stderr
    assert builds(counter) == 1


def test_concurrent_callers_share_one_build(tmp_path):
    cache, counter = tmp_path / "cache", tmp_path / "counter"
    results = []
    threads = [threading.Thread(target=lambda: results.append(run_ensure(cache, counter))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
    assert {r.stdout.strip() for r in results} == {str(cache / "demo" / "1.2.3")}
    assert builds(counter) == 1
