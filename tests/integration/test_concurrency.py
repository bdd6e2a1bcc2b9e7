"""Racing registrations of one email: the database decides, exactly one wins."""

import threading

import httpx

from .support import PASSWORD, assert_problem, unique_email

PARALLEL = 12


def test_parallel_registrations_of_one_email_create_exactly_one_account(stack):
    email = unique_email("race")
    barrier = threading.Barrier(PARALLEL)
    responses: list[httpx.Response] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def attempt(i: int) -> None:
        try:
            with httpx.Client(base_url=stack.gateway_url, timeout=20.0) as c:
                c.get("/health")  # open the connection before the race starts
                barrier.wait(timeout=20)
                r = c.post("/api/v1/auth/register",
                           json={"email": email, "password": PASSWORD, "name": f"Racer {i}"})
            with lock:
                responses.append(r)
        except BaseException as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(PARALLEL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in threads), "a registration did not finish within 60 s"
    assert not errors, errors

    codes = sorted(r.status_code for r in responses)
    assert codes.count(201) == 1, codes
    assert codes.count(409) == PARALLEL - 1, codes
    for r in responses:
        if r.status_code == 409:
            assert_problem(r, 409)

    login = httpx.post(f"{stack.gateway_url}/api/v1/auth/login",
                       json={"email": email, "password": PASSWORD}, timeout=10.0)
    assert login.status_code == 200, login.text
