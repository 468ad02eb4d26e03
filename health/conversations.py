"""The danger-sign screen by Telegram and SMS (autodiscovered by `notifications`).

"health" or "សុខភាព" (a Telegram "/health" too) starts the screen of the published
decision table: who is ill, then one yes/no danger sign at a time, as buttons (numbered
choices by SMS). The buttons carry the table version, the group and the step, so nothing
is kept between messages. The first "yes" ends the screen with the urgent advice (119 and
the nearest hospitals and health centres to the person's area, if the account has one);
"no" to every sign ends it with the clear message. Each finished screen is a `Screening`
of that table version, as on the web. "health <place>" finds the nearest care to a place.

Nothing of what the person answered is logged.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.formatting import localise_prose_digits
from geo.models import Area, Facility
from geo.validators import format_phone
from health import care, triage
from health.models import DangerSignTable, Group, Screening
from notifications.conversations import (
    Button,
    Inbound,
    Reply,
    register_buttons,
    register_keywords,
)

PREFIX = "health"
KEYWORDS = ["health", "សុខភាព"]
EMERGENCY_NUMBER = "119"
PLACE_CHOICES = 5
CHANNELS = {"telegram": Screening.Channel.TELEGRAM, "sms": Screening.Channel.SMS}


def prose(text: str) -> str:
    """Return the text with Khmer digits when the reply is in Khmer."""
    return localise_prose_digits(text, get_language())


def page_link(name: str) -> str:
    return f"{settings.SALA_SITE_URL}{reverse(name)}"


def start(inbound: Inbound) -> Reply:
    """ "health" alone starts the screen; "health <place>" finds the nearest care."""
    if inbound.argument:
        return places_reply(inbound.argument)
    table = triage.published_table()
    if table is None:
        return Reply(
            _(
                "The danger-sign check is not available now. If someone is very ill, go to a "
                "health facility."
            )
        )
    buttons = tuple(
        (Button(str(label), f"{PREFIX}:g:{table.version}:{value}"),)
        for value, label in Group.choices
    )
    text = _("Danger-sign check. If someone is very ill, call %(number)s now. Who is ill?") % {
        "number": EMERGENCY_NUMBER
    }
    return Reply(prose(text), buttons)


def on_button(inbound: Inbound) -> Reply:
    """A pressed button: a group chosen, a danger sign answered, or a place chosen."""
    kind, *values = inbound.data.split(":")[1:]
    if kind == "p" and len(values) == 1:
        area = Area.objects.current().select_related("parent__parent").filter(code=values[0])
        return care_reply(area.first())
    if kind == "g" and len(values) == 2:
        version, group, step, answer = values[0], values[1], "0", ""
    elif kind == "a" and len(values) == 4:
        version, group, step, answer = values
    else:
        return start(inbound)
    table = triage.published_table()
    if table is None or str(table.version) != version or group not in Group.values:
        # The ministry published a new version meanwhile: begin again with it.
        restarted = start(inbound)
        return Reply(
            _("The danger signs have been updated. Please start again.") + "\n" + restarted.text,
            restarted.buttons,
        )
    signs = list(triage.signs_for(table, group))
    if not step.isdigit() or int(step) >= len(signs) or answer not in ("", "y", "n"):
        return start(inbound)  # not a button we sent: begin again, record nothing
    index = int(step)
    if answer == "y":
        return record(inbound, table, group, [signs[index].code])
    following = index + 1 if answer == "n" else index
    if following >= len(signs):
        return record(inbound, table, group, [])
    sign = signs[following]
    data = f"{PREFIX}:a:{table.version}:{group}:{following}"
    text = f"({following + 1}/{len(signs)}) {sign.question}"
    return Reply(prose(text), ((Button(_("Yes"), f"{data}:y"), Button(_("No"), f"{data}:n")),))


def record(inbound: Inbound, table: DangerSignTable, group: str, present: list[str]) -> Reply:
    screening = triage.do_record_screening(
        None, table, group, present, CHANNELS.get(inbound.channel, Screening.Channel.WEB)
    )
    if not screening.is_urgent:
        return Reply(
            _(
                "No danger sign now. Watch the person: if a danger sign appears, go to a "
                "health facility straight away. To ask a health worker, open this page:"
            ),
            link=page_link("health:start"),
        )
    area = getattr(inbound.user, "home_area", None)
    urgent = [
        _("Urgent: go to a health facility now."),
        _("Call %(number)s for an ambulance now.") % {"number": EMERGENCY_NUMBER},
    ]
    if area is None:
        urgent.append(
            _(
                "To find the nearest hospital and health centre, send: HEALTH and the name of "
                "your commune."
            )
        )
        return Reply(prose("\n".join(urgent)))
    return Reply(prose("\n".join(urgent)) + "\n" + care_text(area))


def places_reply(text: str) -> Reply:
    """The nearest care to the one place with this name, or the places to choose from."""
    matches = list(
        Area.objects.current()
        .search(text)
        .exclude(level=Area.Level.VILLAGE)
        .select_related("parent__parent")
        .order_by("level", "code")[: PLACE_CHOICES + 1]
    )
    if not matches:
        return Reply(_("No place has this name. Try the name of your district or province."))
    if len(matches) == 1:
        return care_reply(matches[0])
    return Reply(
        _("Which place?"),
        tuple(
            (Button(area.name_with_parents[:60], f"{PREFIX}:p:{area.code}"),)
            for area in matches[:PLACE_CHOICES]
        ),
    )


def care_reply(area: Area | None) -> Reply:
    if area is None:
        return Reply(_("No place has this name. Try the name of your district or province."))
    return Reply(care_text(area), link=page_link("health:urgent") + f"?area={area.code}")


def care_text(area: Area) -> str:
    """The nearest referral hospitals and health centres, open ones first, with phones."""
    nearest = care.nearest_care(area)
    lines = [_("Nearest care to %(place)s") % {"place": area.name_with_parents}]
    for heading, facilities in (
        (_("Referral hospitals"), nearest.hospitals),
        (_("Health centres"), nearest.health_centres),
    ):
        if facilities:
            lines.append(heading + ":")
            lines.extend(f"- {facility_line(facility)}" for facility in facilities)
    if len(lines) == 1:
        lines.append(_("No health facility is listed near this place."))
    return "\n".join(lines)


def facility_line(facility: Facility) -> str:
    state = _("Open now") if getattr(facility, "open_now", False) else _("Closed now")
    phones = ", ".join(format_phone(phone) for phone in facility.phones)
    return f"{facility.name} ({state})" + (f" {phones}" if phones else "")


register_keywords(
    KEYWORDS,
    start,
    help_km="ពិនិត្យសញ្ញាគ្រោះថ្នាក់ (សុខភាព ឃុំ៖ កន្លែងព្យាបាលជិតបំផុត)",
    help_en="danger-sign check (health COMMUNE: the nearest care)",
)
register_buttons(PREFIX, on_button)
