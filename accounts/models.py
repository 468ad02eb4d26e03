from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: citizen, business representative, officer or administrator.

    Our own model from the first migration, so that profiles, mobile-number sign-in and
    national digital-ID links can be added later without swapping the user model.
    """

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"
