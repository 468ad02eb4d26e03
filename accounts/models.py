from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.validators import national_mobile, validate_mobile, validate_national_id


class User(AbstractUser):
    """A person who signs in: citizen, business representative, officer or administrator.

    Our own model from the first migration, so that profiles, mobile-number sign-in and
    national digital-ID links can be added later without swapping the user model. The
    profile lives on the user itself (one row, one access check). `home_area` uses
    related_name="+": areas never list the people who live in them.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    class Language(models.TextChoices):
        KHMER = "km", _("Khmer")
        ENGLISH = "en", _("English")

    home_area = models.ForeignKey(
        "geo.Area",
        verbose_name=_("home area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name_km = models.CharField(_("name in Khmer"), max_length=150, blank=True)
    name_latin = models.CharField(_("name in Latin letters"), max_length=150, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    national_id = models.CharField(
        _("national ID number"),
        max_length=12,
        blank=True,
        validators=[validate_national_id],
        help_text=_("Digits only, as printed on the national ID card."),
    )
    mobile = models.CharField(
        _("mobile number"),
        max_length=16,
        blank=True,
        validators=[validate_mobile],
        help_text=_("E.164, e.g. +85512345678."),
    )
    mobile_verified = models.BooleanField(
        _("mobile number verified"),
        default=False,
        help_text=_("Whether a one-time code sent to the mobile number was entered."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.KHMER
    )
    identity_verified_at = models.DateTimeField(
        _("identity verified at"),
        null=True,
        blank=True,
        help_text=_("When the national digital-ID login last confirmed who this person is."),
    )
    closure_requested_at = models.DateTimeField(
        _("closure requested at"),
        null=True,
        blank=True,
        help_text=_("When the person asked for the account to be closed."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
        swappable = "AUTH_USER_MODEL"
        constraints = [
            models.UniqueConstraint(
                fields=["mobile"],
                condition=~Q(mobile=""),
                name="accounts_user_mobile_unique",
                violation_error_message=_("This mobile number belongs to another account."),
            ),
        ]

    @property
    def display_name(self) -> str:
        """Return the name to greet the person with, in Khmer first."""
        return self.name_km or self.name_latin or self.get_full_name() or self.get_username()

    @property
    def mobile_national(self) -> str:
        return national_mobile(self.mobile)

    @property
    def is_identity_verified(self) -> bool:
        return self.identity_verified_at is not None
