"""Infrastructure servers a test session runs for itself, started and stopped by the
project's own scripts (scripts/lib/*.sh) under var/integration/, on ports of their own,
so a test may stop them without touching the local stack's."""

from __future__ import annotations

import os
import random
import socket
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = REPO_ROOT / "scripts" / "lib"
VAR_ROOT = REPO_ROOT / "var" / "integration"
SCRIPT_DEADLINE_S = 240


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


# Below Linux's ephemeral range (32768-60999 by default): a port found free there can be
# taken by any outgoing connection before the server binds it.
EPHEMERAL_LOW = 32768
_handed_out: set[int] = set()


def free_port_family(offsets: tuple[int, ...], low: int = 20000, high: int = EPHEMERAL_LOW) -> int:
    """A port p in [low, high) with p + each offset free too (servers that derive their
    other ports from their main one)."""
    for _ in range(200):
        port = random.randrange(low, high)
        family = {port + offset for offset in (0, *offsets)}
        # Found free is not yet bound: never hand out the same port twice in one run.
        if not family & _handed_out and all(port_is_free(p) for p in family):
            _handed_out.update(family)
            return port
    raise RuntimeError(f"no free port family in {low}..{high}")


class ScriptServer:
    """A server run by `bash scripts/lib/<script> start|stop` with its own SHOP_VAR."""

    def __init__(self, script: str, name: str, env: dict[str, str]):
        self.script = str(SCRIPTS / script)
        self.var_dir = VAR_ROOT / name
        self.env = dict(os.environ, SHOP_VAR=str(self.var_dir), **env)
        self.running = False

    def _run(self, action: str) -> None:
        proc = subprocess.run(["bash", self.script, action], env=self.env, capture_output=True,
                              text=True, timeout=SCRIPT_DEADLINE_S)
        if proc.returncode != 0:
            raise RuntimeError(f"{self.script} {action} failed ({proc.returncode}):\n"
                               f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")

    def start(self) -> None:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self._run("start")
        self.running = True

    def stop(self) -> None:
        self._run("stop")
        self.running = False


class RabbitMq(ScriptServer):
    def __init__(self, name: str):
        # rabbitmq.sh puts distribution at +20000 and epmd at +21000.
        self.port = free_port_family((20000, 21000), low=10000, high=EPHEMERAL_LOW - 21000)
        super().__init__("rabbitmq.sh", name, {"SHOP_AMQP_PORT": str(self.port)})

    @property
    def url(self) -> str:
        return f"amqp://guest:guest@127.0.0.1:{self.port}/"


class OpenSearch(ScriptServer):
    def __init__(self, name: str):
        self.port = free_port_family(())
        transport = free_port_family(())
        super().__init__("opensearch.sh", name, {"SHOP_SEARCH_PORT": str(self.port),
                                                 "SHOP_SEARCH_TRANSPORT_PORT": str(transport)})

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class FerretDb(ScriptServer):
    """FerretDB (the MongoDB API) storing its collections in the given PostgreSQL
    database, e.g. one the test session created."""

    def __init__(self, name: str, postgresql_url: str, database: str = "shop_orders"):
        # ferretdb.sh puts its debug HTTP listener at +1000.
        self.port = free_port_family((1000,))
        self.database = database
        super().__init__("ferretdb.sh", name, {"SHOP_MONGO_PORT": str(self.port),
                                                "SHOP_MONGO_POSTGRESQL_URL": postgresql_url})

    @property
    def url(self) -> str:
        return f"mongodb://127.0.0.1:{self.port}/{self.database}"


class Mailpit(ScriptServer):
    """A mail capture server (SMTP in, REST API out) of the session's own."""

    def __init__(self, name: str):
        self.smtp_port = free_port_family(())
        self.http_port = free_port_family(())
        super().__init__("mailpit.sh", name, {"SHOP_SMTP_PORT": str(self.smtp_port),
                                               "SHOP_MAILPIT_HTTP_PORT": str(self.http_port)})

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


class Redis(ScriptServer):
    """A Redis of the test's own (rate-limit buckets), so its counts start from zero."""

    def __init__(self, name: str):
        self.port = free_port_family(())
        super().__init__("redis.sh", name, {"SHOP_REDIS_PORT": str(self.port)})

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"
