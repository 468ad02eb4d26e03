"""Start and drive the CamDigiKey stand-in (see the package docstring).

`start_provider` runs it in a process of its own and returns once it serves; the demo
(`python -m standins`) and the tests (accounts/tests/conftest.py) both start it so.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

# The project's root: the process runs `python -m standins.camdigikey.server` from there.
ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "sala-tests"
CLIENT_SECRET = "sala-tests-client-secret"  # noqa: S105 - the tests' client (the demo makes one up)


@dataclass
class Provider:
    url: str
    process: subprocess.Popen

    @property
    def issuer(self) -> str:
        return f"{self.url}/o"

    def control(self, action: str, **data: str) -> dict:
        request = urllib.request.Request(  # noqa: S310 - loopback only
            f"{self.url}/test/{action}/", data=json.dumps(data).encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def expire_codes(self) -> None:
        self.control("expire-codes")

    def name_issuer(self, issuer: str) -> None:
        self.control("issuer", issuer=issuer)

    def name_nonce(self, nonce: str) -> None:
        self.control("nonce", nonce=nonce)

    def allow_redirect_uri(self, uri: str) -> None:
        self.control("redirect-uri", redirect_uri=uri)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def start_provider(
    redirect_uris: list[str], client_id: str = CLIENT_ID, client_secret: str = CLIENT_SECRET
) -> Provider:
    """Start the provider in its own process, with a new database and signing key; return
    once it serves."""
    directory = Path(tempfile.mkdtemp(prefix="sala-camdigikey-"))
    env = {
        **os.environ,
        "OIDC_PROVIDER_DB": str(directory / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": private_key_pem(),
        "OIDC_PROVIDER_CLIENT_ID": client_id,
        "OIDC_PROVIDER_CLIENT_SECRET": client_secret,
        "OIDC_PROVIDER_REDIRECT_URIS": " ".join(redirect_uris),
        "DJANGO_SETTINGS_MODULE": "standins.camdigikey.settings",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "standins.camdigikey.server"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    # Blocks until the server listens (or the process dies).
    line = process.stdout.readline() if process.stdout else ""
    if not line.startswith("listening on "):
        process.kill()
        raise RuntimeError(f"The CamDigiKey stand-in did not start: {line!r}")
    return Provider(url=f"http://127.0.0.1:{line.split()[-1]}", process=process)
