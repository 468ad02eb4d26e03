from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.validators import (
    national_mobile,
    validate_mobile,
    validate_national_id,
    validate_registration_number,
)
from core.languages import in_language
from core.models import NamedInKhmerAndEnglish, user_reference


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
    failed_sign_ins = models.PositiveSmallIntegerField(
        _("wrong passwords in a row"), default=0, editable=False
    )
    sign_in_locked_until = models.DateTimeField(
        _("sign-in locked until"),
        null=True,
        blank=True,
        help_text=_("After too many wrong passwords; clear it to unlock the account now."),
    )

    # AbstractUser.Meta holds only these two names and abstract = True, which a subclass
    # would not inherit anyway: Meta repeats them rather than subclassing it.
    class Meta:
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


class Role(NamedInKhmerAndEnglish):
    """A job an officer does in an office: clerk, approver, head of office, editor...

    Data, not code: the first roles come from a data migration, administrators add more.
    Apps check role codes (`accounts.officers.offices_of(user, roles=["approver"])`), so
    a code never changes once in use.
    """

    READER = "reader"
    CLERK = "clerk"
    APPROVER = "approver"
    HEAD_OF_OFFICE = "head-of-office"
    EDITOR = "editor"
    COUNTER = "counter"
    MARKET_OFFICER = "market-officer"
    CLINICIAN = "clinician"
    DIRECTORY_OFFICER = "directory-officer"
    MODERATOR = "moderator"
    FINANCE_OFFICER = "finance-officer"

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    description_km = models.TextField(_("description in Khmer"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("officer role")
        verbose_name_plural = _("officer roles")
        ordering = ["position", "code"]

    @property
    def description(self) -> str:
        return in_language(self.description_km, self.description_en)


class OfficeMembershipQuerySet(models.QuerySet):
    def active(self) -> OfficeMembershipQuerySet:
        return self.filter(ended_at__isnull=True)


class OfficeMembership(models.Model):
    """An officer's role in one office, from when it was granted until it ended.

    Ending a membership keeps the row (who held which role when is part of the record of
    every case they handled). `office` uses related_name="officer_memberships" so geo's
    Facility never needs to know about accounts.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.CASCADE,
        related_name="office_memberships",
    )
    office = models.ForeignKey(
        "geo.Facility",
        verbose_name=_("office"),
        on_delete=models.PROTECT,
        related_name="officer_memberships",
    )
    role = models.ForeignKey(
        Role, verbose_name=_("role"), on_delete=models.PROTECT, related_name="memberships"
    )
    granted_by = user_reference(_("granted by"))
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = user_reference(_("ended by"))

    objects = OfficeMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("office membership")
        verbose_name_plural = _("office memberships")
        ordering = ["office__name_en", "role__position", "-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "office", "role"],
                condition=Q(ended_at__isnull=True),
                name="accounts_officemembership_one_active",
                violation_error_message=_("This person already has this role in this office."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} / {self.role} / {self.office}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class Organisation(NamedInKhmerAndEnglish):
    """A registered business (or association) that citizens act for on the portal.

    Its people are OrganisationMembers: owners manage the organisation and its members,
    representatives act for it. Whatever someone does "on behalf of" it records the
    organisation (see accounts.acting).
    """

    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    registration_number = models.CharField(
        _("registration number"),
        max_length=20,
        unique=True,
        validators=[validate_registration_number],
        help_text=_("As on the Ministry of Commerce's certificate of incorporation."),
        error_messages={"unique": _("An organisation with this registration number exists.")},
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = user_reference(_("created by"))
    members: models.ManyToManyField[User, OrganisationMember] = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="OrganisationMember",
        through_fields=("organisation", "user"),
        related_name="organisations",
        verbose_name=_("members"),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en"]


class OrganisationMember(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        REPRESENTATIVE = "representative", _("Representative")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    added_by = user_reference(_("added by"))

    class Meta:
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        ordering = ["role", "added_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="accounts_organisationmember_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} / {self.get_role_display()} / {self.organisation}"


class Invitation(models.Model):
    """An invitation to join an organisation, sent to an email address or a mobile number.

    Only the person who holds that address or number (verified on their account) can
    accept it, so a forwarded link is useless to anyone else.
    """

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("email address"), blank=True)
    mobile = models.CharField(
        _("mobile number"), max_length=16, blank=True, validators=[validate_mobile]
    )
    role = models.CharField(_("role"), max_length=20, choices=OrganisationMember.Role.choices)
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = user_reference(_("accepted by"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(email="") & ~Q(mobile="")) | (~Q(email="") & Q(mobile="")),
                name="accounts_invitation_one_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.address}"

    @property
    def address(self) -> str:
        return self.email or national_mobile(self.mobile)

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.withdrawn_at is None
            and self.expires_at > timezone.now()
        )
