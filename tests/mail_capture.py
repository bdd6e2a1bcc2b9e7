"""Reading the mail the shop sent, from the Mailpit capture server's REST API
(/api/v1/search, /api/v1/message/{ID}). Standard library only, so both suites use it."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass


@dataclass
class Mail:
    id: str
    to: list[str]
    subject: str
    text: str
    html: str
    message_id: str
    headers: dict


class Mailbox:
    def __init__(self, api_url: str, timeout: float = 5.0):
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout

    def _get(self, path: str) -> dict:
        with urllib.request.urlopen(f"{self.api_url}{path}", timeout=self.timeout) as answer:
            return json.load(answer)

    def summaries_to(self, address: str) -> list[dict]:
        """Every message to `address`, newest first (the search API's order)."""
        query = urllib.parse.urlencode({"query": f'to:"{address}"', "limit": "200"})
        return self._get(f"/api/v1/search?{query}")["messages"]

    def read(self, mail_id: str) -> Mail:
        body = self._get(f"/api/v1/message/{mail_id}")
        headers = self._get(f"/api/v1/message/{mail_id}/headers")
        return Mail(id=mail_id, to=[t["Address"] for t in body["To"]], subject=body["Subject"],
                    text=body["Text"], html=body["HTML"], message_id=body["MessageID"],
                    headers=headers)

    def mails_to(self, address: str) -> list[Mail]:
        return [self.read(summary["ID"]) for summary in self.summaries_to(address)]

    def with_subject(self, address: str, words: str) -> list[Mail]:
        return [m for m in self.mails_to(address) if words in m.subject]
