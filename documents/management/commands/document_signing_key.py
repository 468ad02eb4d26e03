"""Show the document signing keys, or generate a new one (for a first install or a rotation)."""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management.base import BaseCommand

from documents.signing import (
    key_id_of,
    private_key_pem,
    public_key_base64,
    signing_key,
    trusted_public_keys,
)


class Command(BaseCommand):
    help = (
        "Print the id and public key of the key that signs documents and of the retired keys "
        "still trusted; with --generate, print a new private key (PEM) to install instead."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--generate", action="store_true", help="print a new Ed25519 private key (PEM)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["generate"]:
            key = Ed25519PrivateKey.generate()
            self.stderr.write(
                f"New key {key_id_of(key.public_key())}; public key "
                f"{public_key_base64(key.public_key())}. Store the PEM below as a secret."
            )
            self.stdout.write(private_key_pem(key), ending="")
            return
        current = signing_key()
        self.stdout.write(f"signing  {current.key_id}  {public_key_base64(current.public_key)}")
        for key_id, public_key in trusted_public_keys().items():
            if key_id != current.key_id:
                self.stdout.write(f"retired  {key_id}  {public_key_base64(public_key)}")
