"""A new customer's first purchase, through the gateway only: register, log in, browse
and search, fill the cart, order, pay, and read the confirmation email, which names the
order, from the stack's mail capture server (SHOP_MAILPIT_URL)."""

import os
import uuid

from mail_capture import Mailbox

from .orders import order_body, stocked_product

MAIL_DEADLINE_S = 30.0
INDEX_DEADLINE_S = 15.0


def mailbox() -> Mailbox:
    return Mailbox(os.environ.get("SHOP_MAILPIT_URL", "http://127.0.0.1:8025"))


def test_a_new_customer_buys_and_gets_the_confirmation_email(admin, new_client, wait_until):
    word = "e2e" + uuid.uuid4().hex[:12]
    teapot = stocked_product(admin, f"Cast iron teapot {word}", quantity=5, price_cents=4500)

    shopper = new_client()
    email = f"first-buyer-{word}@example.com"
    shopper.expect(shopper.register(email, "a-long-password-1", "Fiona First"), 201)
    shopper.expect(shopper.login(email, "a-long-password-1"), 200)

    welcome = wait_until(lambda: mailbox().with_subject(email, "Welcome"), timeout=MAIL_DEADLINE_S,
                         message="the welcome email")
    assert "Fiona First" in welcome[0].text

    def found():
        items = shopper.expect(shopper.products(q=word), 200).json()["items"]
        return [i for i in items if i["id"] == teapot["id"]]

    wait_until(found, timeout=INDEX_DEADLINE_S, message="the teapot found by search")
    shopper.expect(shopper.add_to_cart(teapot["id"], 2), 200)
    assert shopper.expect(shopper.cart(), 200).json()["total_cents"] == 9000

    placed = shopper.expect(shopper.place_order(order_body(), idempotency_key=f"first-{word}"),
                            201, 202).json()

    def confirmed():
        order = shopper.expect(shopper.order(placed["id"]), 200).json()
        return order if order["status"] == "CONFIRMED" else None

    order = wait_until(confirmed, timeout=15.0, message="the order confirmed")
    assert order["payment"]["status"] == "SUCCEEDED"

    mails = wait_until(lambda: mailbox().with_subject(email, "confirmed"), timeout=MAIL_DEADLINE_S,
                       message="the order confirmation email")
    assert len(mails) == 1, [m.subject for m in mails]
    assert order["id"] in mails[0].subject and order["id"] in mails[0].text
    assert mails[0].to == [email]

    history = wait_until(
        lambda: [n for n in shopper.expect(shopper.get("/api/v1/notifications"), 200).json()
                 .get("notifications", []) if n["order_id"] == order["id"] and n["status"] == "sent"],
        timeout=MAIL_DEADLINE_S, message="the confirmation in the notification history")
    assert {(n["channel"], n["template"]) for n in history} == {("email", "order_confirmed")}
