from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from core.health import beat
from core.management.commands.run_worker import Heartbeat
from core.models import WorkerHeartbeat


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: any query here would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_readyz_fails_while_no_worker_has_reported(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert any(problem.startswith("worker:") for problem in body["problems"])


@pytest.mark.django_db
def test_readyz_passes_with_a_fresh_heartbeat(client):
    beat("worker-a", timezone.now())
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "problems": []}


@pytest.mark.django_db
def test_a_stale_heartbeat_does_not_count(client, settings):
    beat("worker-a", timezone.now())
    stale = timezone.now() - datetime.timedelta(seconds=settings.SALA_WORKER_HEARTBEAT_SECONDS * 5)
    WorkerHeartbeat.objects.update(last_seen_at=stale)
    assert client.get("/readyz").status_code == 503


@pytest.mark.django_db
def test_readyz_reports_a_broken_cache(client, settings):
    beat("worker-a", timezone.now())
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"] == ["cache: value not read back"]


@pytest.mark.django_db
def test_a_worker_heartbeat_makes_it_ready_and_stopping_removes_it(client):
    heartbeat = Heartbeat("worker-under-test")
    heartbeat.beat_once()
    assert WorkerHeartbeat.objects.filter(worker_id="worker-under-test").exists()
    assert client.get("/readyz").status_code == 200
    heartbeat.stop()
    assert not WorkerHeartbeat.objects.filter(worker_id="worker-under-test").exists()
    assert client.get("/readyz").status_code == 503
