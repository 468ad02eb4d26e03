from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from documents.signing import key_id_of, parse_private_key, public_key_base64
from documents.tests.factories import TEST_KEY


def test_the_command_shows_the_signing_key_and_generates_a_new_one(settings):
    out = StringIO()
    call_command("document_signing_key", stdout=out)
    assert out.getvalue().split() == [
        "signing",
        key_id_of(TEST_KEY.public_key()),
        public_key_base64(TEST_KEY.public_key()),
    ]
    generated = StringIO()
    call_command("document_signing_key", "--generate", stdout=generated, stderr=StringIO())
    new_key = parse_private_key(generated.getvalue())
    assert key_id_of(new_key.public_key()) != key_id_of(TEST_KEY.public_key())
