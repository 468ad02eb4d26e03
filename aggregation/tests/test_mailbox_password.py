"""A mailbox's password is kept encrypted: the database column holds a Fernet token, the
admin never shows it back, and mail is still fetched from the real dovecot with it."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from aggregation.admin import SourceForm
from aggregation.models import Item, Source
from aggregation.polling import poll_source
from aggregation.tests.dovecot import PASSWORD
from aggregation.tests.test_mail import announcement, mailbox_source
from core.sealing import derived_key

pytestmark = pytest.mark.django_db


def stored_password(source: Source) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT imap_password FROM aggregation_source WHERE id = %s", [source.pk])
        return cursor.fetchone()[0]


def test_the_column_holds_no_password_and_mail_is_still_fetched(dovecot):
    source = mailbox_source(dovecot)
    stored = stored_password(source)
    assert PASSWORD not in stored
    assert stored.startswith("gAAAAA")  # a Fernet token
    dovecot.append("announce@moh", announcement())

    report = poll_source(Source.objects.get(pk=source.pk))

    assert report.counts["new"] == 1
    assert Item.objects.get().title == "Free eye checks at provincial hospitals"


def test_the_admin_form_never_shows_the_password_and_keeps_it_when_left_empty(dovecot):
    source = mailbox_source(dovecot)
    form = SourceForm(instance=source)
    assert PASSWORD not in form.as_div()
    form = SourceForm(data={"imap_password": ""}, instance=source)
    assert form.is_valid(), form.errors
    form.save()
    assert Source.objects.get(pk=source.pk).imap_password == PASSWORD


def test_a_new_key_in_front_still_opens_the_old_tokens_and_reseal_moves_them(dovecot, settings):
    source = mailbox_source(dovecot)
    old_key = derived_key(settings.SECRET_KEY)
    new_key = Fernet.generate_key()
    settings.SALA_STORED_SECRET_KEYS = [new_key.decode(), old_key.decode()]
    assert Source.objects.get(pk=source.pk).imap_password == PASSWORD

    call_command("reseal_secrets", stdout=open("/dev/null", "w"))

    settings.SALA_STORED_SECRET_KEYS = [new_key.decode()]  # the old key dropped
    assert Source.objects.get(pk=source.pk).imap_password == PASSWORD
    assert Fernet(new_key).decrypt(stored_password(source).encode()).decode() == PASSWORD


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_encrypts_existing_passwords_and_reverses():
    executor = MigrationExecutor(connection)
    before = [("aggregation", "0002_item_story_url")]
    after = [("aggregation", "0004_website_sources")]  # the model as it is now reads it
    executor.migrate(before)
    old_source = executor.loader.project_state(before).apps.get_model("aggregation", "Source")
    old_source.objects.create(name_en="Mailbox", kind="imap", imap_password="s3cret")
    executor.loader.build_graph()
    executor.migrate(after)
    source = Source.objects.get(name_en="Mailbox")
    assert source.imap_password == "s3cret"
    assert "s3cret" not in stored_password(source)

    executor.loader.build_graph()
    executor.migrate(before)
    assert stored_password(source) == "s3cret"
    executor.loader.build_graph()
    executor.migrate(after)
