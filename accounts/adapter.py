"""How allauth fits Sala: new accounts start in the language they signed up in."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils import translation

from accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: User, form: Any, commit: bool = True) -> User:
        language = translation.get_language() or User.Language.KHMER
        if language in User.Language.values:
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)
