"""Run the demo's stand-ins until stopped: `python -m standins --portal URL --write FILE`.

Starts the Telegram Bot API stand-in, the SMS gateway stand-in, the CamDigiKey
stand-in (an OpenID Connect provider in a process of its own, standins.camdigikey) and the
population and business registers on CamDX (standins.registries) and the Bakong Open
API with its demo bank (standins.bakong) on free loopback ports, and a ministry's website
(standins.ministry_site) on the fixed port the demo's website source names,
with secrets and keys made up for this run, and writes where they are to FILE (JSON),
which the demo settings read (sala/settings/demo.py); the file is removed on exit.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from standins import bakong, ministry_site, registries, sms, telegram
from standins.camdigikey import control as camdigikey


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--portal", required=True, help="the demo portal's base URL")
    parser.add_argument("--write", required=True, type=Path, help="where to write the addresses")
    parser.add_argument(
        "--ministry-site",
        default=os.environ.get("SALA_DEMO_MINISTRY_SITE_URL", "http://127.0.0.1:8790"),
        help="where the stand-in ministry website listens (the demo's website source)",
    )
    args = parser.parse_args()

    bot_token = f"demo-{secrets.token_hex(8)}"
    telegram_server, _bot = telegram.start(bot_token)
    sms_token, inbound_secret = secrets.token_urlsafe(16), secrets.token_urlsafe(24)
    sms_server, _gateway = sms.start(
        sms_token, f"{args.portal.rstrip('/')}/notifications/sms/inbound/", inbound_secret
    )
    portal = args.portal.rstrip("/")
    client_id, client_secret = "sala-demo", secrets.token_urlsafe(24)
    provider = camdigikey.start_provider(
        [
            f"{portal}/{language}/account/oidc/national-id/login/callback/"
            for language in ("km", "en")
        ],
        client_id=client_id,
        client_secret=client_secret,
    )
    population_server, population = registries.start_population()
    business_server, business = registries.start_business()
    bakong_server, bank = bakong.start()
    # A fixed port: the demo data's website source names it (SALA_DEMO_MINISTRY_SITE_URL).
    site_server, _site = ministry_site.start(port=urlsplit(args.ministry_site).port or 8790)
    addresses = {
        "ministry_site": {"url": site_server.url},
        "bakong": {"url": bakong_server.url, "token": bank.token, "email": bank.email},
        "telegram": {"url": telegram_server.url, "token": bot_token, "username": "SalaDemoBot"},
        "sms": {"url": sms_server.url, "token": sms_token, "inbound_secret": inbound_secret},
        "camdigikey": {
            "url": provider.url,
            "issuer": provider.issuer,
            "client_id": client_id,
            "client_secret": client_secret,
        },
        "registries": {
            "population": {
                "url": population_server.url,
                "service": population.service,
                "public_key": population.public_key_pem,
            },
            "business": {
                "url": business_server.url,
                "service": business.service,
                "public_key": business.public_key_pem,
            },
        },
    }
    args.write.parent.mkdir(parents=True, exist_ok=True)
    args.write.write_text(json.dumps(addresses, indent=2))
    args.write.chmod(0o600)
    print(f"Demo phone, Telegram: {telegram_server.url}/", flush=True)  # noqa: T201
    print(f"Demo phone, SMS:      {sms_server.url}/", flush=True)  # noqa: T201
    print(f"Demo CamDigiKey:      {provider.url}/", flush=True)  # noqa: T201
    print(f"Demo registries:      {population_server.url}/ {business_server.url}/", flush=True)  # noqa: T201
    print(f"Demo bank (Bakong):   {bakong_server.url}/pay/", flush=True)  # noqa: T201
    print(f"Demo ministry site:   {site_server.url}/km/", flush=True)  # noqa: T201

    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    stopped.wait()
    args.write.unlink(missing_ok=True)
    telegram_server.stop()
    sms_server.stop()
    provider.stop()
    bakong_server.stop()
    site_server.stop()
    population_server.stop()
    business_server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
