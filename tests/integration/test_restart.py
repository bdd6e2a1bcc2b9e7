"""Data and signing keys survive a restart of user-service; SIGTERM ends it cleanly."""

from polling import wait_until

from .support import assert_status, bearer, login, register

RECONNECT_DEADLINE_S = 15.0


def test_restart_keeps_users_tokens_and_keys(client, user_service_control):
    account = register(client)
    before = login(client, account)

    exit_code = user_service_control.restart_user_service()
    assert exit_code == 0, f"user-service exited with {exit_code} on SIGTERM"
    user_service_control.ensure_user_service()

    # The account is still there. The gateway reconnects to the new process within
    # the deadline; until then it may answer 503, never anything else.
    def logged_in():
        r = client.post("/api/v1/auth/login", json={"email": account.email, "password": account.password})
        assert r.status_code in (200, 503), f"{r.status_code} {r.text[:300]}"
        return r.status_code == 200

    wait_until(logged_in, RECONNECT_DEADLINE_S, message="login through the gateway after the restart")
    # The access token issued before the restart still verifies (same signing key).
    me = client.get("/api/v1/users/me", headers=bearer(before.access_token))
    assert_status(me, 200)
    assert me.json()["id"] == account.id
    # The refresh token issued before the restart still rotates.
    assert_status(client.post("/api/v1/auth/refresh", json={"refresh_token": before.refresh_token}), 200)
