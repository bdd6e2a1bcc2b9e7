"""What the notification tests share: the session's mailbox, a customer's notification
history, publishing raw events, and a marker that proves the planner has got past them."""

from __future__ import annotations

import json
import uuid

import httpx
import pika

from mail_capture import Mailbox
from polling import wait_until

from .support import Session, assert_status, login, register

MAIL_DEADLINE_S = 20.0


def history(client: httpx.Client, session: Session) -> list[dict]:
    r = client.get("/api/v1/notifications", headers=session.headers)
    assert_status(r, 200)
    return r.json().get("notifications", [])


def mails(mailbox: Mailbox, session: Session, words: str) -> list:
    return mailbox.with_subject(session.account.email, words)


def wait_for_mail(mailbox: Mailbox, session: Session, words: str, count: int = 1) -> list:
    return wait_until(lambda: (found := mails(mailbox, session, words)) and len(found) >= count
                      and found, timeout=MAIL_DEADLINE_S,
                      message=f"{count} mail(s) with {words!r} to {session.account.email}")


def publish(amqp_url: str, event: dict) -> None:
    """Puts `event` on shop.events as a producer would, with a broker confirm."""
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        channel.basic_publish("shop.events", event["type"], json.dumps(event).encode(),
                              pika.BasicProperties(content_type="application/cloudevents+json",
                                                   delivery_mode=2))
    finally:
        connection.close()


def with_new_id(event: dict) -> dict:
    return dict(event, id=str(uuid.uuid4()))


def planner_caught_up(client: httpx.Client) -> None:
    """Registers a marker customer and waits until its welcome is planned: the planner
    consumes its queue in order, so everything published before has been handled."""
    marker = login(client, register(client))
    wait_until(lambda: any(n["template"] == "welcome" for n in history(client, marker)),
               timeout=MAIL_DEADLINE_S, message="the marker's welcome planned")
