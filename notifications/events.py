"""The notifications app's own events: the daily digest, broadcasts, the inbox welcome and
the demo's copies of text messages. Other apps register theirs in <app>/notifications.py."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from notifications.registry import Message, register_event

DIGEST_LIST_EN = """{% for item in items %}
- {{ item.title }} {{ item.link }}{% endfor %}{% if more %}
… and {{ more }} more in your inbox.{% endif %}"""
DIGEST_LIST_KM = """{% for item in items %}
- {{ item.title }} {{ item.link }}{% endfor %}{% if more %}
… និង {{ more|local_digits }} ទៀតនៅក្នុងប្រអប់សាររបស់អ្នក។{% endif %}"""
DIGEST_HTML_EN = """<p>Here is what happened in the topics you follow:</p>
<ul>{% for item in items %}<li><a href="{{ item.link }}">{{ item.title }}</a></li>{% endfor %}</ul>
{% if more %}<p>… and {{ more }} more in your inbox.</p>{% endif %}"""
DIGEST_HTML_KM = """<p>នេះជាព័ត៌មានថ្មីៗ អំពីប្រធានបទដែលអ្នកតាមដាន៖</p>
<ul>{% for item in items %}<li><a href="{{ item.link }}">{{ item.title }}</a></li>{% endfor %}</ul>
{% if more %}<p>… និង {{ more|local_digits }} ទៀតនៅក្នុងប្រអប់សាររបស់អ្នក។</p>{% endif %}"""

DIGEST = register_event(
    "notifications.digest",
    label=_("Daily digest of followed topics"),
    en=Message(
        title="Your daily summary: {{ count }} new updates",
        body="Here is what happened in the topics you follow:" + DIGEST_LIST_EN,
        html=DIGEST_HTML_EN,
        short="{{ portal }}: {{ count }} new updates about topics you follow. {{ link }}",
    ),
    km=Message(
        title="សេចក្ដីសង្ខេបប្រចាំថ្ងៃ៖ ព័ត៌មានថ្មីចំនួន {{ count|local_digits }}",
        body="នេះជាព័ត៌មានថ្មីៗ អំពីប្រធានបទដែលអ្នកតាមដាន៖" + DIGEST_LIST_KM,
        html=DIGEST_HTML_KM,
        short=(
            "{{ portal }}៖ មានព័ត៌មានថ្មីចំនួន {{ count|local_digits }} អំពីប្រធានបទដែលអ្នកតាមដាន។ {{ link }}"
        ),
    ),
    example={
        "count": 2,
        "items": [
            {"title": "Flood warning for Phnom Penh", "link": "https://sala.gov.kh/en/"},
            {"title": "New opening hours of the Daun Penh office", "link": ""},
        ],
        "more": 0,
    },
)

BROADCAST = register_event(
    "notifications.broadcast",
    label=_("Announcement to the people who follow an area"),
    urgent=True,
    en=Message(
        title="{{ title }}",
        body="{{ body }}",
        subject="Announcement for {{ area }}: {{ title }}",
        short="{{ portal }}: {{ title }}. {{ body|truncatechars:300 }}",
    ),
    km=Message(
        title="{{ title }}",
        body="{{ body }}",
        subject="សេចក្ដីជូនដំណឹងសម្រាប់{{ area }}៖ {{ title }}",
        short="{{ portal }}៖ {{ title }}។ {{ body|truncatechars:300 }}",
    ),
    example={
        "title": {"km": "ប្រកាសអាសន្នទឹកជំនន់", "en": "Flood warning"},
        "body": {
            "km": "ទឹកទន្លេកំពុងឡើងខ្ពស់។ សូមរៀបចំខ្លួនចាកចេញពីតំបន់ទំនាប។",
            "en": "The river is rising. Be ready to leave low-lying areas.",
        },
        "area": {"km": "រាជធានីភ្នំពេញ", "en": "Phnom Penh"},
    },
)

WELCOME = register_event(
    "notifications.welcome",
    label=_("Welcome to the inbox"),
    channels=(),
    en=Message(
        title="Welcome to your Sala inbox",
        body=(
            "Updates about your applications, announcements for the areas you follow and "
            "messages from public offices arrive here. You can also receive them by email, "
            "text message or Telegram: choose in your notification settings."
        ),
    ),
    km=Message(
        title="សូមស្វាគមន៍មកកាន់ប្រអប់សាររបស់អ្នកនៅលើសាលា",
        body=(
            "ព័ត៌មានថ្មីៗអំពីពាក្យស្នើសុំរបស់អ្នក សេចក្ដីជូនដំណឹងសម្រាប់តំបន់ដែលអ្នកតាមដាន "
            "និងសារពីការិយាល័យសាធារណៈ នឹងមកដល់ទីនេះ។ អ្នកក៏អាចទទួលវាតាមអ៊ីមែល សារ SMS "
            "ឬ Telegram ផងដែរ៖ សូមជ្រើសរើសនៅក្នុងការកំណត់ការជូនដំណឹងរបស់អ្នក។"
        ),
    ),
)
