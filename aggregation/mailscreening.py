"""Decide whether a mailed message may become an announcement.

What we check, in this order (the first that matches names the reason it is ignored):

1. **Bounces**: a delivery status report (`multipart/report`), a sender named
   MAILER-DAEMON or postmaster, or an empty envelope sender (`Return-Path: <>`).
2. **Auto-replies**: `Auto-Submitted` other than `no` (RFC 3834), `X-Autoreply`,
   `X-Autorespond`, or `Precedence: bulk`, `junk`, `list` or `auto_reply`.
3. **Unknown senders**: the From address (exactly one) is not among the source's
   allowed senders (a full address, or `@domain` for a whole domain).
4. **Forged From**: when SALA_AGGREGATION_MAIL_AUTHSERV_ID names our mail server, only its
   own `Authentication-Results` count, and they must show `dmarc=pass`, or `dkim=pass`
   for the From domain. Without it (headers anyone could have written are not trusted) the
   envelope sender (`Return-Path`, written by the delivering server) must be in the same
   domain as From. A message with neither is treated as forged.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import getaddresses

from django.conf import settings

AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
BOUNCE_SENDERS = {"mailer-daemon", "postmaster"}
RESULT = re.compile(r"\b(dkim|dmarc)=(\w+)([^;]*)", re.IGNORECASE)
DKIM_DOMAIN = re.compile(r"header\.(?:d|i)=@?([\w.-]+)", re.IGNORECASE)


def sender_address(message: EmailMessage) -> str:
    """Return the one From address in lower case, or "" when there is none or several."""
    addresses = [address for _name, address in getaddresses(message.get_all("From", []))]
    return addresses[0].lower() if len(addresses) == 1 and "@" in addresses[0] else ""


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].strip("<> ").lower()


def same_domain(one: str, other: str) -> bool:
    """Return whether two domains are the same or one is a subdomain of the other."""
    if not one or not other:
        return False
    return one == other or one.endswith("." + other) or other.endswith("." + one)


def screen(message: EmailMessage, allowed: list[str]) -> str:
    """Return why `message` must be ignored ("bounce", "auto_reply", "unknown_sender",
    "forged"), or "" when it may become an announcement."""
    sender = sender_address(message)
    return_path = str(message.get("Return-Path", "")).strip()
    if (
        message.get_content_type() == "multipart/report"
        or sender.partition("@")[0] in BOUNCE_SENDERS
        or return_path == "<>"
    ):
        return "bounce"
    auto_submitted = str(message.get("Auto-Submitted", "")).strip().lower()
    if (
        (auto_submitted and auto_submitted != "no")
        or message.get("X-Autoreply")
        or message.get("X-Autorespond")
        or str(message.get("Precedence", "")).strip().lower() in AUTO_PRECEDENCE
    ):
        return "auto_reply"
    if not sender or not is_allowed(sender, allowed):
        return "unknown_sender"
    if not is_authentic(message, sender):
        return "forged"
    return ""


def is_allowed(sender: str, allowed: list[str]) -> bool:
    domain = "@" + domain_of(sender)
    return any(entry == sender or entry == domain for entry in allowed)


def is_authentic(message: EmailMessage, sender: str) -> bool:
    """Return whether the From address is borne out (see the module's docstring)."""
    from_domain = domain_of(sender)
    authserv_id = settings.SALA_AGGREGATION_MAIL_AUTHSERV_ID
    if authserv_id:
        ours = [
            str(header).partition(";")[2]
            for header in message.get_all("Authentication-Results", [])
            if str(header).split(";", 1)[0].strip().split()[:1] == [authserv_id]
        ]
        if ours:
            return any(_passes(results, from_domain) for results in ours)
    return_path = str(message.get("Return-Path", "")).strip()
    return bool(return_path) and same_domain(domain_of(return_path), from_domain)


def _passes(results: str, from_domain: str) -> bool:
    for method, outcome, properties in RESULT.findall(results):
        if outcome.lower() != "pass":
            continue
        if method.lower() == "dmarc":
            return True
        signed = DKIM_DOMAIN.search(properties)
        if signed and same_domain(signed.group(1).lower(), from_domain):
            return True
    return False
