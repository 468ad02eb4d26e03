from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from core.env import envbool, envint, envlist, envsecret


class TestEnvBool:
    @pytest.mark.parametrize("raw", ["1", "true", "True", "YES", "on"])
    def test_it_reads_true_words(self, monkeypatch, raw):
        monkeypatch.setenv("SALA_FLAG", raw)
        assert envbool("SALA_FLAG", False) is True

    @pytest.mark.parametrize("raw", ["0", "false", "No", "off"])
    def test_it_reads_false_words(self, monkeypatch, raw):
        monkeypatch.setenv("SALA_FLAG", raw)
        assert envbool("SALA_FLAG", True) is False

    def test_it_uses_the_default_when_unset_or_empty(self, monkeypatch):
        monkeypatch.delenv("SALA_FLAG", raising=False)
        assert envbool("SALA_FLAG", True) is True
        monkeypatch.setenv("SALA_FLAG", "")
        assert envbool("SALA_FLAG", False) is False

    def test_it_rejects_anything_else(self, monkeypatch):
        monkeypatch.setenv("SALA_FLAG", "maybe")
        with pytest.raises(ImproperlyConfigured, match="SALA_FLAG must be true or false"):
            envbool("SALA_FLAG", False)


def test_envint_parses_whole_numbers_and_rejects_words(monkeypatch):
    monkeypatch.setenv("SALA_COUNT", "42")
    assert envint("SALA_COUNT", 1) == 42
    monkeypatch.setenv("SALA_COUNT", "forty")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        envint("SALA_COUNT", 1)


def test_envlist_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("SALA_HOSTS", " sala.gov.kh, ,www.sala.gov.kh ")
    assert envlist("SALA_HOSTS") == ["sala.gov.kh", "www.sala.gov.kh"]
    monkeypatch.delenv("SALA_HOSTS")
    assert envlist("SALA_HOSTS", ["localhost"]) == ["localhost"]


class TestEnvSecret:
    def test_it_prefers_the_file_named_by_name_file(self, monkeypatch, tmp_path):
        secret_file = tmp_path / "secret"
        secret_file.write_text("from-the-file\n")
        monkeypatch.setenv("SALA_TOKEN", "from-the-variable")
        monkeypatch.setenv("SALA_TOKEN_FILE", str(secret_file))
        assert envsecret("SALA_TOKEN") == "from-the-file"

    def test_it_reads_the_variable_without_a_file(self, monkeypatch):
        monkeypatch.delenv("SALA_TOKEN_FILE", raising=False)
        monkeypatch.setenv("SALA_TOKEN", "from-the-variable")
        assert envsecret("SALA_TOKEN") == "from-the-variable"

    def test_it_fails_loudly_on_a_missing_file(self, monkeypatch, tmp_path):
        monkeypatch.setenv("SALA_TOKEN_FILE", str(tmp_path / "absent"))
        with pytest.raises(ImproperlyConfigured, match="cannot be read"):
            envsecret("SALA_TOKEN")
