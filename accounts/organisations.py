"""Organisations (digital businesses): creating one, inviting people, accepting, leaving.

Owners manage the organisation and invite members by email address or mobile number;
the invitation is a link that only the holder of that address or number can accept
(it must be verified on their account). Every change records who made it.
"""

from __future__ import annotations

import datetime
import logging
import secrets
from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.contacts import verified_mobile
from accounts.models import Invitation, Organisation, OrganisationMember, User
from notifications.sms import send_sms

if TYPE_CHECKING:
    from core.typing import AnyUser

logger = logging.getLogger(__name__)

INVITATION_DAYS = 14


def organisations_of(user: User):
    return Organisation.objects.filter(memberships__user=user).order_by("name_en")


def access_organisation_by_id(user: User, organisation_id: int, perm: str) -> Organisation:
    """Return the organisation if the user has `perm` on it; 404 for anyone else, so that
    ids reveal nothing."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    if not user.has_perm(perm, organisation):
        raise Http404
    return organisation


def access_member_by_id(user: User, organisation: Organisation, member_id: int):
    member = get_object_or_404(
        OrganisationMember.objects.select_related("user"),
        pk=member_id,
        organisation=organisation,
    )
    if not user.has_perm("accounts.delete_organisationmember", member):
        raise PermissionDenied
    return member


def access_invitation_by_token(user: AnyUser, token: str) -> Invitation:
    """Return the invitation for the link, for anyone holding it (they still need to be
    its invitee to accept)."""
    return get_object_or_404(Invitation.objects.select_related("organisation"), token=token)


def holds_address(user: User, invitation: Invitation) -> bool:
    """Return whether the invitation's address or number is verified on the account."""
    if invitation.email:
        return EmailAddress.objects.filter(
            user=user, email__iexact=invitation.email, verified=True
        ).exists()
    return bool(invitation.mobile) and verified_mobile(user) == invitation.mobile


@transaction.atomic
def do_create_organisation(user: User, name_km: str, name_en: str, number: str) -> Organisation:
    """Create the organisation with `user` as its first owner."""
    organisation = Organisation.objects.create(
        name_km=name_km, name_en=name_en, registration_number=number, created_by=user
    )
    OrganisationMember.objects.create(
        organisation=organisation, user=user, role=OrganisationMember.Role.OWNER, added_by=user
    )
    logger.info(
        "organisation created", extra={"organisation_id": organisation.pk, "user_id": user.pk}
    )
    return organisation


@transaction.atomic
def check_invite_member(
    invited_by: User, organisation: Organisation, *, email: str, mobile: str, role: str
) -> Invitation:
    """Invite the holder of the address or number; raise ValidationError if they are a
    member already or have an open invitation."""
    if not invited_by.has_perm("accounts.invite_member", organisation):
        raise PermissionDenied
    members = organisation.memberships.all()
    if (email and members.filter(user__emailaddress__email__iexact=email).exists()) or (
        mobile and members.filter(user__mobile=mobile).exists()
    ):
        raise ValidationError(_("This person is already a member of the organisation."))
    open_invitations = organisation.invitations.filter(
        accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
    )
    if (email and open_invitations.filter(email__iexact=email).exists()) or (
        mobile and open_invitations.filter(mobile=mobile).exists()
    ):
        raise ValidationError(_("This person has already been invited and not answered yet."))
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        mobile=mobile,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
        expires_at=timezone.now() + datetime.timedelta(days=INVITATION_DAYS),
    )
    logger.info(
        "member invited",
        extra={"organisation_id": organisation.pk, "invitation_id": invitation.pk},
    )
    language = translation.get_language() or "km"
    transaction.on_commit(lambda: send_invitation(invitation, language))
    return invitation


def invitation_url(invitation: Invitation, language: str) -> str:
    with translation.override(language):
        path = reverse("accounts:invitation", args=[invitation.token])
    return settings.SALA_SITE_URL + path


def send_invitation(invitation: Invitation, language: str) -> None:
    """Send the link by email or SMS, in the language the inviter was using."""
    with translation.override(language):
        context = {
            "invitation": invitation,
            "organisation": invitation.organisation,
            "inviter": invitation.invited_by.display_name if invitation.invited_by else "",
            "url": invitation_url(invitation, language),
            "days": INVITATION_DAYS,
        }
        if invitation.email:
            subject = render_to_string("accounts/email/invitation_subject.txt", context)
            body = render_to_string("accounts/email/invitation_message.txt", context)
            send_mail(" ".join(subject.split()), body, None, [invitation.email])
        else:
            text = render_to_string("accounts/email/invitation_sms.txt", context)
            send_sms(invitation.mobile, " ".join(text.split()))


@transaction.atomic
def check_accept_invitation(user: User, invitation: Invitation) -> OrganisationMember:
    """Make the invitee a member; raise ValidationError if the invitation is not open."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired, been withdrawn or been used."))
    if not user.has_perm("accounts.accept_invitation", invitation):
        raise PermissionDenied
    member, created = OrganisationMember.objects.get_or_create(
        organisation=invitation.organisation,
        user=user,
        defaults={"role": invitation.role, "added_by": invitation.invited_by},
    )
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    logger.info(
        "invitation accepted",
        extra={"invitation_id": invitation.pk, "user_id": user.pk, "new_member": created},
    )
    return member


@transaction.atomic
def do_withdraw_invitation(user: User, invitation: Invitation) -> None:
    if not user.has_perm("accounts.delete_invitation", invitation):
        raise PermissionDenied
    if invitation.is_open:
        invitation.withdrawn_at = timezone.now()
        invitation.save(update_fields=["withdrawn_at"])


@transaction.atomic
def check_remove_member(user: User, member: OrganisationMember) -> None:
    """Remove a member; an organisation always keeps at least one owner."""
    if not user.has_perm("accounts.delete_organisationmember", member):
        raise PermissionDenied
    owners = OrganisationMember.objects.select_for_update().filter(
        organisation=member.organisation, role=OrganisationMember.Role.OWNER
    )
    if member.role == OrganisationMember.Role.OWNER and owners.count() == 1:
        raise ValidationError(_("An organisation needs at least one owner."))
    member.delete()
    logger.info(
        "member removed",
        extra={"organisation_id": member.organisation_id, "removed_by": user.pk},
    )
