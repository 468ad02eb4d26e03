"""Start and drive the test identity provider (see the package docstring)."""

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
from django.conf import settings

CLIENT_ID = "sala-tests"
CLIENT_SECRET = "sala-tests-client-secret"


@dataclass
class TestProvider:
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


def start_provider(redirect_uris: list[str]) -> TestProvider:
    """Start the provider in its own process; return once it serves."""
    directory = Path(tempfile.mkdtemp(prefix="sala-oidc-"))
    env = {
        **os.environ,
        "OIDC_PROVIDER_DB": str(directory / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": private_key_pem(),
        "OIDC_PROVIDER_CLIENT_ID": CLIENT_ID,
        "OIDC_PROVIDER_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_PROVIDER_REDIRECT_URIS": " ".join(redirect_uris),
        "DJANGO_SETTINGS_MODULE": "accounts.tests.oidc_provider.settings",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "accounts.tests.oidc_provider.server"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()  # blocks until the server listens (or the process dies)
    if not line.startswith("listening on "):
        process.kill()
        raise RuntimeError(f"The test OIDC provider did not start: {line!r}")
    return TestProvider(url=f"http://127.0.0.1:{line.split()[-1]}", process=process)
