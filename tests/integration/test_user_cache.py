"""user-service keeps users in memory so GET /users/me skips the database. Every
replica shares the users database, so a change written by someone else (another
replica, an operator's SQL) must reach the cache through the database's notifications,
including a change made while the service's listener connection was away. The cache's
TTL (60 s by default) is far longer than the deadlines here, so only those
notifications can make these tests pass."""

from polling import wait_until

from .support import assert_status

CHANGE_DEADLINE_S = 5.0
LISTENER = "user-service-cache"


def me(client, session) -> dict:
    r = client.get("/api/v1/users/me", headers=session.headers)
    assert_status(r, 200)
    return r.json()


def rename_in_database(stack, user_id: str, name: str) -> None:
    updated = stack.db.psql(f"UPDATE users SET name = '{name}' WHERE id = '{user_id}' RETURNING id",
                            dbname=stack.db.name)
    assert updated.strip() == user_id


LISTENER_PIDS = (f"SELECT pid FROM pg_stat_activity WHERE application_name = '{LISTENER}' "
                 "AND datname = current_database()")


def listeners(stack) -> int:
    return int(stack.db.psql(f"SELECT count(*) FROM ({LISTENER_PIDS}) AS listener",
                             dbname=stack.db.name))


def cache_lookups(user_service_http, result: str) -> float:
    r = user_service_http.get("/metrics")
    assert_status(r, 200)
    prefix = f'shop_user_cache_lookups_total{{result="{result}"}} '
    for line in r.text.splitlines():
        if line.startswith(prefix):
            return float(line[len(prefix):])
    return 0.0


def test_repeated_reads_are_served_from_the_cache(client, customer, user_service_http):
    me(client, customer)
    hits_before = cache_lookups(user_service_http, "hit")
    for _ in range(5):
        assert me(client, customer)["name"] == customer.account.name
    assert cache_lookups(user_service_http, "hit") >= hits_before + 5


def test_a_change_by_another_writer_is_seen(client, stack, customer):
    assert me(client, customer)["name"] == customer.account.name  # now cached
    rename_in_database(stack, customer.account.id, "Renamed Elsewhere")
    wait_until(lambda: me(client, customer)["name"] == "Renamed Elsewhere",
               timeout=CHANGE_DEADLINE_S, message="the other writer's change in GET /users/me")


def test_a_change_while_the_listener_was_away_is_seen(client, stack, customer):
    wait_until(lambda: listeners(stack) == 1, timeout=CHANGE_DEADLINE_S, message="listener connected")
    assert me(client, customer)["name"] == customer.account.name  # now cached
    # In one session: no new connections to the database (the service's pooled ones
    # stay), the listener ended and gone, then the change: its notification reaches
    # nobody. The terminate runs on a materialized list, never on other sessions' rows.
    stack.db.psql([
        f'ALTER DATABASE "{stack.db.name}" CONNECTION LIMIT 0',
        f"WITH listener AS MATERIALIZED ({LISTENER_PIDS}) "
        "SELECT count(*) FROM listener WHERE pg_terminate_backend(pid, 5000)",
        f"UPDATE users SET name = 'Renamed While Away' WHERE id = '{customer.account.id}'",
    ], dbname=stack.db.name)
    try:
        wait_until(lambda: me(client, customer)["name"] == "Renamed While Away",
                   timeout=CHANGE_DEADLINE_S, message="the change made while the listener was away")
    finally:
        stack.db.psql(f'ALTER DATABASE "{stack.db.name}" CONNECTION LIMIT -1')

    wait_until(lambda: listeners(stack) == 1, timeout=CHANGE_DEADLINE_S, message="listener back")
    assert me(client, customer)["name"] == "Renamed While Away"  # cached again
    rename_in_database(stack, customer.account.id, "Renamed After Return")
    wait_until(lambda: me(client, customer)["name"] == "Renamed After Return",
               timeout=CHANGE_DEADLINE_S, message="a change after the listener came back")
