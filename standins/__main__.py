"""Run the demo's stand-ins until stopped: `python -m standins --portal URL --write FILE`.

Starts the Telegram Bot API stand-in and the SMS gateway stand-in on free loopback ports,
with secrets made up for this run, and writes where they are to FILE (JSON), which the
demo settings read (sala/settings/demo.py); the file is removed on exit.
"""

from __future__ import annotations

import argparse
import json
import secrets
import signal
import sys
import threading
from pathlib import Path

from standins import sms, telegram


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--portal", required=True, help="the demo portal's base URL")
    parser.add_argument("--write", required=True, type=Path, help="where to write the addresses")
    args = parser.parse_args()

    bot_token = f"demo-{secrets.token_hex(8)}"
    telegram_server, _bot = telegram.start(bot_token)
    sms_token, inbound_secret = secrets.token_urlsafe(16), secrets.token_urlsafe(24)
    sms_server, _gateway = sms.start(
        sms_token, f"{args.portal.rstrip('/')}/notifications/sms/inbound/", inbound_secret
    )
    addresses = {
        "telegram": {"url": telegram_server.url, "token": bot_token, "username": "SalaDemoBot"},
        "sms": {"url": sms_server.url, "token": sms_token, "inbound_secret": inbound_secret},
    }
    args.write.parent.mkdir(parents=True, exist_ok=True)
    args.write.write_text(json.dumps(addresses, indent=2))
    args.write.chmod(0o600)
    print(f"Demo phone, Telegram: {telegram_server.url}/", flush=True)  # noqa: T201
    print(f"Demo phone, SMS:      {sms_server.url}/", flush=True)  # noqa: T201

    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    args.write.unlink(missing_ok=True)
    telegram_server.stop()
    sms_server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
