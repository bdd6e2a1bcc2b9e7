"""Many customers race for the last units of one product: exactly as many orders are
confirmed as there are units, every other order waits on the waitlist without being
charged, the stock never goes below zero, and a customer who sends the same order twice
at once (a double click) gets one order."""

from concurrent.futures import ThreadPoolExecutor

from .orders import new_key, order_body, stocked_product

CUSTOMERS = 52
UNITS = 10


def test_customers_race_for_the_last_units(admin, new_client, wait_until):
    product = stocked_product(admin, "Last units lamp", UNITS)
    with ThreadPoolExecutor(max_workers=8) as pool:
        customers = list(pool.map(lambda _: new_client().register_and_login(), range(CUSTOMERS)))

    def order(customer):
        key = new_key()
        body = order_body(product["id"])
        # Every fourth customer double-clicks: the same request twice, at once.
        times = 2 if customers.index(customer) % 4 == 0 else 1
        with ThreadPoolExecutor(max_workers=times) as clicks:
            answers = list(clicks.map(lambda _: customer.place_order(body, key), range(times)))
        return customer, answers

    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(order, customers))

    order_ids = []
    for customer, answers in results:
        placed = {r.json()["id"] for r in answers if r.status_code in (201, 202)}
        assert len(placed) == 1, [(r.status_code, r.text[:200]) for r in answers]
        order_ids.append((customer, placed.pop()))
    assert len({order_id for _, order_id in order_ids}) == CUSTOMERS

    def settled():
        states = [c.expect(c.order(oid), 200).json() for c, oid in order_ids]
        return states if all(s["status"] in ("CONFIRMED", "WAITLISTED") for s in states) else None

    states = wait_until(settled, timeout=60.0, message="every order confirmed or waitlisted")
    confirmed = [s for s in states if s["status"] == "CONFIRMED"]
    waitlisted = [s for s in states if s["status"] == "WAITLISTED"]
    assert len(confirmed) == UNITS
    assert len(waitlisted) == CUSTOMERS - UNITS
    assert all(s["payment"]["status"] == "SUCCEEDED" for s in confirmed)
    assert all(s["payment"]["status"] == "PENDING" for s in waitlisted)
    stock = admin.expect(admin.product(product["id"]), 200).json()["stock_available"]
    assert stock == 0
    for customer, _ in order_ids:
        mine = customer.expect(customer.orders(), 200).json()["orders"]
        assert len(mine) == 1, "a double click placed one order"
