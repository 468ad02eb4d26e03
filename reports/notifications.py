"""The reports app's events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.api import Message, register_event

EXAMPLE = {"reference": "7KQ2M9XA", "url": "/en/reports/7KQ2M9XA/"}

REPORT_SENT = register_event(
    "reports.report_sent",
    label=_("Your report of a problem was received"),
    km=Message(
        title="យើងបានទទួលរបាយការណ៍ {{ reference }} របស់អ្នកហើយ",
        body="របាយការណ៍បញ្ហារបស់អ្នកត្រូវបានបញ្ជូនទៅការិយាល័យដែលទទួលខុសត្រូវ។ "
        "អ្នកនឹងទទួលបានដំណឹង នៅពេលស្ថានភាពរបស់វាផ្លាស់ប្តូរ។",
        short="សាលា៖ យើងបានទទួលរបាយការណ៍ {{ reference }} របស់អ្នកហើយ។ {{ link }}",
    ),
    en=Message(
        title="Your report {{ reference }} was received",
        body="Your report of a problem was sent to the office responsible. "
        "We will tell you when its status changes.",
        short="Sala: your report {{ reference }} was received. {{ link }}",
    ),
    example=EXAMPLE,
)

STATUS_CHANGED = register_event(
    "reports.status_changed",
    label=_("The office changed the status of your report"),
    km=Message(
        title="ស្ថានភាពរបាយការណ៍ {{ reference }}៖ {{ status }}",
        body="ការិយាល័យបានធ្វើបច្ចុប្បន្នភាពរបាយការណ៍របស់អ្នក ហើយបានសរសេរកំណត់ចំណាំមួយ។ "
        "សូមមើលទំព័ររបាយការណ៍ដើម្បីអានវា។",
        short="សាលា៖ របាយការណ៍ {{ reference }}៖ {{ status }}។ {{ link }}",
    ),
    en=Message(
        title="Report {{ reference }}: {{ status }}",
        body="The office updated your report and wrote a note. Open the report to read it.",
        short="Sala: report {{ reference }}: {{ status }}. {{ link }}",
    ),
    example={**EXAMPLE, "status": {"km": "កំពុងជួសជុល", "en": "Being fixed"}},
)
