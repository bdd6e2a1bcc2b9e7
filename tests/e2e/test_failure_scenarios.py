"""When payment goes wrong or stock runs out, customers get a clear outcome and nothing
is lost or taken twice: refused cards cancel the order with the reason and give the
stock back; an order for stock that is not there waits and is served when it comes
back, oldest first; a slow or failing payment provider never charges twice."""

import pytest

from .orders import (CARD_DECLINED, CARD_NO_FUNDS, CARD_PROVIDER_ERROR, CARD_SLOW, new_key,
                     order_body, stocked_product)


def status_of(client, order_id):
    return client.expect(client.order(order_id), 200).json()


def stock_of(client, product_id):
    return client.expect(client.product(product_id), 200).json()["stock_available"]


@pytest.mark.parametrize("card,reason", [(CARD_DECLINED, "card_declined"),
                                         (CARD_NO_FUNDS, "insufficient_funds")])
def test_a_refused_card_cancels_with_the_reason_and_restores_stock(admin, customer, wait_until,
                                                                   card, reason):
    product = stocked_product(admin, "Refused lamp", 4)
    order = customer.expect(customer.place_order(order_body(product["id"], 2, card), new_key()),
                            201).json()
    assert order["status"] == "CANCELLED"
    assert order["failure_reason"] == reason
    assert order["payment"]["status"] == "FAILED"
    wait_until(lambda: stock_of(customer, product["id"]) == 4, timeout=10.0,
               message="stock restored")


def test_out_of_stock_waits_and_is_served_first_come_first_served(admin, new_client, wait_until):
    product = stocked_product(admin, "Sold out lamp", 0)
    early, late = new_client().register_and_login(), new_client().register_and_login()
    first = early.expect(early.place_order(order_body(product["id"]), new_key()), 201).json()
    second = late.expect(late.place_order(order_body(product["id"]), new_key()), 201).json()
    assert first["status"] == second["status"] == "WAITLISTED"

    admin.expect(admin.set_inventory(product["id"], 1), 200)
    served = wait_until(lambda: status_of(early, first["id"])["status"] == "CONFIRMED" and
                        status_of(early, first["id"]), timeout=15.0, message="first in line served")
    assert served["payment"]["status"] == "SUCCEEDED"
    # The round tries the next order too (PENDING while it does), finds it short, and
    # puts it back in line without charging it.
    waiting = wait_until(lambda: status_of(late, second["id"])["status"] == "WAITLISTED" and
                         status_of(late, second["id"]), timeout=15.0,
                         message="second in line still waiting")
    assert waiting["payment"]["status"] != "SUCCEEDED"

    admin.expect(admin.set_inventory(product["id"], 1), 200)
    wait_until(lambda: status_of(late, second["id"])["status"] == "CONFIRMED", timeout=15.0,
               message="second in line served")


def test_a_slow_provider_confirms_once(admin, customer, wait_until):
    product = stocked_product(admin, "Slow lamp", 3)
    key = new_key()
    body = order_body(product["id"], 1, CARD_SLOW)
    first = customer.expect(customer.place_order(body, key), 201, 202).json()
    again = customer.expect(customer.place_order(body, key), 201, 202).json()
    assert again["id"] == first["id"]
    order = wait_until(lambda: status_of(customer, first["id"])["status"] == "CONFIRMED" and
                       status_of(customer, first["id"]), timeout=30.0, message="slow payment confirmed")
    assert order["payment"]["status"] == "SUCCEEDED"
    assert stock_of(customer, product["id"]) == 2
    assert len(customer.expect(customer.orders(), 200).json()["orders"]) == 1


def test_a_failing_provider_cancels_without_charging(admin, customer, wait_until):
    product = stocked_product(admin, "Unlucky lamp", 3)
    order = customer.expect(customer.place_order(order_body(product["id"], 1, CARD_PROVIDER_ERROR),
                                                 new_key()), 201, 202).json()
    assert order["status"] == "PENDING"
    assert order["payment"]["status"] == "PENDING"
    final = wait_until(lambda: status_of(customer, order["id"])["status"] == "CANCELLED" and
                       status_of(customer, order["id"]), timeout=90.0,
                       message="order cancelled once the provider's books say nothing was charged")
    assert final["failure_reason"] == "payment_provider_unavailable"
    assert final["payment"]["status"] == "FAILED"
    wait_until(lambda: stock_of(customer, product["id"]) == 3, timeout=10.0, message="stock restored")
