"""Real processes for the integration tests: fresh databases on the local stack's
PostgreSQL, a RabbitMQ node and a FerretDB of the session's own, and the services, the
payment provider and the gateway started from the release build on free ports. Nothing
here is faked; the tests talk HTTP to the real binaries."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from polling import wait_until

from .servers import FerretDb, Mailpit, RabbitMq, free_port_family

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_DIR = Path(os.environ.get("SHOP_BUILD_DIR", REPO_ROOT / "build" / "release"))
LOG_ROOT = REPO_ROOT / "var" / "log" / "integration"

START_DEADLINE_S = 30.0
STOP_DEADLINE_S = 15.0


class StackError(RuntimeError):
    pass


def binary(name: str) -> Path:
    return BUILD_DIR / name / name


def missing_binaries() -> list[Path]:
    names = ("user-service", "product-service", "order-service", "payment-provider",
             "notification-service", "api-gateway")
    return [p for p in map(binary, names) if not os.access(p, os.X_OK)]


def free_port() -> int:
    """A free port on 127.0.0.1 outside the ephemeral range (see servers.free_port_family)."""
    return free_port_family(())


# --- PostgreSQL ---------------------------------------------------------------------

@dataclass
class Database:
    """A database created for one test session on the stack's PostgreSQL, as role shop."""

    host: str
    port: int
    name: str = field(default_factory=lambda: f"shop_it_{uuid.uuid4().hex[:12]}")
    role: str = "shop"

    @property
    def url(self) -> str:
        return f"postgresql://{self.role}@{self.host}:{self.port}/{self.name}"

    def psql(self, sql: str | list[str], dbname: str = "postgres") -> str:
        """Runs SQL in one session; each statement of a list commits on its own."""
        psql = shutil.which("psql")
        if psql is None:
            raise StackError("psql is not on PATH (scripts/setup.sh installs PostgreSQL)")
        env = dict(os.environ, PGCONNECT_TIMEOUT="5", PGOPTIONS="-c client_min_messages=warning")
        proc = subprocess.run(
            [psql, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", self.host, "-p", str(self.port),
             "-U", self.role, "-d", dbname,
             *(arg for statement in ([sql] if isinstance(sql, str) else sql) for arg in ("-c", statement))],
            capture_output=True, text=True, env=env, timeout=30)
        if proc.returncode != 0:
            raise StackError(f"psql failed ({sql!r}): {proc.stderr.strip()}")
        return proc.stdout

    def create(self) -> None:
        self.psql(f'CREATE DATABASE "{self.name}"')

    def drop(self) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# --- processes ----------------------------------------------------------------------

class ServiceProcess:
    """One service binary started with a given environment, logs in var/log/integration/."""

    def __init__(self, name: str, env: dict[str, str], health_url: str, log_dir: Path):
        self.name = name
        self.env = env
        self.health_url = health_url
        self.log_path = log_dir / f"{name}.log"  # stderr: the JSON log lines
        self.stdout_path = log_dir / f"{name}.stdout.log"
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> None:
        if self.running:
            raise StackError(f"{self.name} is already running")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.starts += 1
        with open(self.log_path, "ab") as log, open(self.stdout_path, "ab") as out:
            log.write(f"--- start {self.starts}\n".encode())
            log.flush()
            self.proc = subprocess.Popen([str(binary(self.name))], env=self.env,
                                         stdin=subprocess.DEVNULL, stdout=out, stderr=log)

    def wait_healthy(self, timeout: float = START_DEADLINE_S) -> None:
        deadline = time.monotonic() + timeout
        last = "no answer"
        while True:
            if not self.running:
                raise StackError(f"{self.name} exited with {self.proc.returncode} before "
                                 f"{self.health_url} answered 200\n{self.log_tail()}")
            try:
                r = httpx.get(self.health_url, timeout=2.0)
                if r.status_code == 200:
                    return
                last = f"HTTP {r.status_code} {r.text[:200]}"
            except httpx.HTTPError as exc:
                last = repr(exc)
            if time.monotonic() >= deadline:
                raise StackError(f"{self.name}: {self.health_url} not healthy within {timeout}s "
                                 f"(last: {last})\n{self.log_tail()}")
            time.sleep(0.1)  # poll interval

    def stop(self, sig: int = signal.SIGTERM, timeout: float = STOP_DEADLINE_S) -> int | None:
        """Signals the process and waits for it; returns its exit code (None if never started).
        Kills it if it outlives the deadline and raises, since a hang is a failure."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
                raise StackError(f"{self.name} did not exit within {timeout}s of signal {sig}; killed")
        return self.proc.returncode

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_text().splitlines()[-lines:]
        return f"--- end of {self.log_path}:\n" + "\n".join(text)


class Stack:
    """user-service, product-service, order-service, the payment provider,
    notification-service and api-gateway on free ports, each on a fresh database of its
    own; mail goes to the session's own Mailpit."""

    ADMIN_EMAIL = "it-admin@example.com"
    ADMIN_PASSWORD = "it-admin-password-1"
    ACCESS_TOKEN_TTL_SECONDS = 600
    UPSTREAM_TIMEOUT_MS = 2000
    MAX_BODY_BYTES = 1048576
    # The one page origin the test gateway lets read its answers cross-origin.
    CORS_ORIGIN = "http://shop.test:5173"
    PAYMENT_API_KEY = "sk_test_integration"
    PAYMENT_SLOW_MS = 2500
    PAYMENT_TIMEOUT_MS = 800
    PAYMENT_GIVE_UP_SECONDS = 4
    SAGA_WAIT_MS = 1500
    # Short, so the tests that take the mail relay or a webhook receiver away see the
    # retries within seconds.
    NOTIFICATION_RETRY_BASE_MS = 200
    NOTIFICATION_RETRY_CAP_MS = 1000
    NOTIFICATION_MAX_ATTEMPTS = 30

    def __init__(self, db: Database, product_db: Database, payment_db: Database,
                 notification_db: Database, amqp_url: str, search_url: str, mongo_url: str,
                 mailpit: Mailpit):
        self.db = db
        self.notification_db = notification_db
        self.mailpit = mailpit
        self.product_db = product_db
        self.payment_db = payment_db
        self.mongo_url = mongo_url
        self.ferretdb: FerretDb | None = None  # the session's own, when fresh_stack made it
        self.amqp_url = amqp_url
        self.search_url = search_url
        self.search_index = f"it_{product_db.name}"
        self.broker: RabbitMq | None = None  # the session's own, when fresh_stack made it
        self.user_http_port = free_port()
        self.user_grpc_port = free_port()
        self.product_http_port = free_port()
        self.product_grpc_port = free_port()
        self.order_http_port = free_port()
        self.order_grpc_port = free_port()
        self.payment_port = free_port()
        self.notification_http_port = free_port()
        self.notification_grpc_port = free_port()
        self.gateway_port = free_port()
        log_dir = LOG_ROOT / db.name
        base = {k: v for k, v in os.environ.items()}
        base.update(BIND_ADDRESS="127.0.0.1", LOG_LEVEL=os.environ.get("LOG_LEVEL", "info"))
        # The session's services stay out of the stack's service registry (Consul), where
        # the stack's gateway would find them beside its own.
        base.update(CONSUL_HTTP_ADDR="")
        user_env = dict(
            base,
            USER_HTTP_PORT=str(self.user_http_port),
            USER_GRPC_PORT=str(self.user_grpc_port),
            USER_DATABASE_URL=db.url,
            SHOP_ADMIN_EMAIL=self.ADMIN_EMAIL,
            SHOP_ADMIN_PASSWORD=self.ADMIN_PASSWORD,
            ACCESS_TOKEN_TTL_SECONDS=str(self.ACCESS_TOKEN_TTL_SECONDS),
            REFRESH_TOKEN_TTL_SECONDS="1209600",
            PASSWORD_HASH_PROFILE="fast",
            SHOP_AMQP_URL=amqp_url,
        )
        product_env = dict(
            base,
            PRODUCT_HTTP_PORT=str(self.product_http_port),
            PRODUCT_GRPC_PORT=str(self.product_grpc_port),
            PRODUCT_DATABASE_URL=product_db.url,
            USER_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.user_grpc_port}",
            RESERVATION_SWEEP_INTERVAL_MS="200",
            SHOP_AMQP_URL=amqp_url,
            SEARCH_URL=search_url,
            SEARCH_INDEX=self.search_index,
            SHOP_MQ_RETRY_BASE="200",
        )
        payment_env = dict(
            base,
            PAYMENT_PROVIDER_PORT=str(self.payment_port),
            PAYMENT_PROVIDER_DATABASE_URL=payment_db.url,
            PAYMENT_PROVIDER_API_KEY=self.PAYMENT_API_KEY,
            PAYMENT_PROVIDER_SLOW_MS=str(self.PAYMENT_SLOW_MS),
        )
        order_env = dict(
            base,
            ORDER_HTTP_PORT=str(self.order_http_port),
            ORDER_GRPC_PORT=str(self.order_grpc_port),
            ORDER_MONGO_URL=mongo_url,
            SHOP_AMQP_URL=amqp_url,
            SHOP_MQ_RETRY_BASE="200",
            ORDER_EVENT_RELAY_INTERVAL_MS="100",
            USER_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.user_grpc_port}",
            PRODUCT_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.product_grpc_port}",
            PAYMENT_PROVIDER_URL=self.payment_url,
            PAYMENT_PROVIDER_API_KEY=self.PAYMENT_API_KEY,
            PAYMENT_TIMEOUT_MS=str(self.PAYMENT_TIMEOUT_MS),
            PAYMENT_GIVE_UP_SECONDS=str(self.PAYMENT_GIVE_UP_SECONDS),
            ORDER_SAGA_WAIT_MS=str(self.SAGA_WAIT_MS),
            ORDER_RECOVERY_INTERVAL_MS="300",
        )
        notification_env = dict(
            base,
            NOTIFICATION_HTTP_PORT=str(self.notification_http_port),
            NOTIFICATION_GRPC_PORT=str(self.notification_grpc_port),
            NOTIFICATION_DATABASE_URL=notification_db.url,
            USER_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.user_grpc_port}",
            SHOP_AMQP_URL=amqp_url,
            SHOP_MQ_RETRY_BASE="200",
            SMTP_HOST="127.0.0.1",
            SMTP_PORT=str(mailpit.smtp_port),
            WEBHOOK_ALLOW_PRIVATE="1",
            NOTIFICATION_POLL_INTERVAL_MS="100",
            NOTIFICATION_RETRY_BASE_MS=str(self.NOTIFICATION_RETRY_BASE_MS),
            NOTIFICATION_RETRY_CAP_MS=str(self.NOTIFICATION_RETRY_CAP_MS),
            NOTIFICATION_MAX_ATTEMPTS=str(self.NOTIFICATION_MAX_ATTEMPTS),
            OUTBOUND_TIMEOUT_MS="2000",
        )
        gateway_env = dict(
            base,
            NOTIFICATION_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.notification_grpc_port}",
            NOTIFICATION_SERVICE_HTTP_ADDR=f"127.0.0.1:{self.notification_http_port}",
            GATEWAY_PORT=str(self.gateway_port),
            ORDER_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.order_grpc_port}",
            ORDER_SERVICE_HTTP_ADDR=f"127.0.0.1:{self.order_http_port}",
            USER_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.user_grpc_port}",
            USER_SERVICE_HTTP_ADDR=f"127.0.0.1:{self.user_http_port}",
            PRODUCT_SERVICE_GRPC_ADDR=f"127.0.0.1:{self.product_grpc_port}",
            PRODUCT_SERVICE_HTTP_ADDR=f"127.0.0.1:{self.product_http_port}",
            GATEWAY_MAX_BODY_BYTES=str(self.MAX_BODY_BYTES),
            CORS_ALLOWED_ORIGINS=self.CORS_ORIGIN,
            # Every test signs in from 127.0.0.1, and the OpenAPI conformance run sends a
            # few thousand requests as one customer and one admin; test_rate_limits runs
            # a strict gateway.
            RATE_LIMIT_AUTH_PER_MINUTE="100000",
            RATE_LIMIT_WRITE_PER_MINUTE="100000",
            RATE_LIMIT_READ_PER_MINUTE="100000",
            REDIS_URL="",
            UPSTREAM_TIMEOUT_MS=str(self.UPSTREAM_TIMEOUT_MS),
        )
        self.user_service = ServiceProcess("user-service", user_env, f"{self.user_http_url}/health", log_dir)
        self.product_service = ServiceProcess("product-service", product_env,
                                              f"{self.product_http_url}/health", log_dir)
        self.payment_provider = ServiceProcess("payment-provider", payment_env,
                                               f"{self.payment_url}/health", log_dir)
        self.order_service = ServiceProcess("order-service", order_env,
                                            f"{self.order_http_url}/health", log_dir)
        self.notification_service = ServiceProcess("notification-service", notification_env,
                                                   f"{self.notification_http_url}/health", log_dir)
        self.gateway = ServiceProcess("api-gateway", gateway_env, f"{self.gateway_url}/health", log_dir)

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    @property
    def user_http_url(self) -> str:
        return f"http://127.0.0.1:{self.user_http_port}"

    @property
    def product_http_url(self) -> str:
        return f"http://127.0.0.1:{self.product_http_port}"

    @property
    def order_http_url(self) -> str:
        return f"http://127.0.0.1:{self.order_http_port}"

    @property
    def notification_http_url(self) -> str:
        return f"http://127.0.0.1:{self.notification_http_port}"

    @property
    def payment_url(self) -> str:
        return f"http://127.0.0.1:{self.payment_port}"

    def start(self) -> None:
        for svc in (self.user_service, self.product_service, self.payment_provider,
                    self.order_service, self.notification_service, self.gateway):
            svc.start()
            svc.wait_healthy()

    def stop(self) -> None:
        errors = []
        for svc in (self.gateway, self.notification_service, self.order_service,
                    self.payment_provider, self.product_service, self.user_service):
            try:
                svc.stop()
            except StackError as exc:
                errors.append(str(exc))
        if errors:
            raise StackError("; ".join(errors))

    def restart_user_service(self) -> int | None:
        """SIGTERM, wait for the exit, start again, wait for /health. Returns the exit code."""
        code = self.user_service.stop()
        self.user_service.start()
        self.user_service.wait_healthy()
        return code

    def ensure_user_service(self) -> None:
        """Brings user-service back after a test that stopped it, and waits until the
        gateway sees it healthy again."""
        if not self.user_service.running:
            self.user_service.start()
        self.user_service.wait_healthy()
        wait_until(lambda: httpx.get(f"{self.gateway_url}/health", timeout=2.0).status_code == 200,
             timeout=30.0, message="gateway /health back to 200 after user-service restart")


def stack_search_url() -> str:
    """The local stack's search server (scripts/up.sh starts it)."""
    return os.environ.get("SEARCH_URL") or f"http://127.0.0.1:{os.environ.get('SHOP_SEARCH_PORT', '9200')}"


def drop_search_indices(search_url: str, alias: str) -> None:
    try:
        httpx.delete(f"{search_url}/{alias}_v*", timeout=10.0)
    except httpx.HTTPError:
        pass  # the server is gone; so are its indices, for this test's purposes


@contextmanager
def fresh_stack(fail: Callable[[str], None],
                configure: Callable[[Stack], None] | None = None) -> Iterator[Stack]:
    """A started Stack on fresh databases and a RabbitMQ node of its own, against the
    local stack's search server under an index alias of its own; all of it stopped,
    dropped and deleted afterwards. `fail` reports what kept it from starting;
    `configure` may adjust the processes' environments."""
    missing = missing_binaries()
    if missing:
        fail("needs the release build; missing: " + ", ".join(str(p) for p in missing)
             + f" (scripts/build.sh release; build dir {BUILD_DIR})")
    pg_port = int(os.environ.get("SHOP_PG_PORT", "5432"))
    # users, products, payments, notifications, and the one FerretDB keeps its
    # collections in
    databases = [Database(host="127.0.0.1", port=pg_port) for _ in range(5)]
    broker = RabbitMq(databases[1].name)
    ferretdb = FerretDb(databases[4].name, databases[4].url)
    mailpit = Mailpit(databases[3].name)
    try:
        try:
            for db in databases:
                db.create()
            broker.start()
            ferretdb.start()
            mailpit.start()
        except (StackError, RuntimeError) as exc:
            fail(f"cannot create test databases on PostgreSQL at 127.0.0.1:{pg_port} "
                 f"or start RabbitMQ, FerretDB or Mailpit (start the local stack with "
                 f"scripts/up.sh): {exc}")
        stack = Stack(*databases[:4], amqp_url=broker.url, search_url=stack_search_url(),
                      mongo_url=ferretdb.url, mailpit=mailpit)
        stack.broker = broker
        stack.ferretdb = ferretdb
        if configure is not None:
            configure(stack)
        try:
            try:
                stack.start()
            except StackError as exc:
                fail(f"the services under test did not start: {exc}")
            yield stack
        finally:
            stack.stop()
            drop_search_indices(stack.search_url, stack.search_index)
    finally:
        for server in (mailpit, ferretdb, broker):
            if server.running or server.var_dir.exists():
                server.stop()
        for db in databases:
            db.drop()
