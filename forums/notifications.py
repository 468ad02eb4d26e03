"""The forums' events (imported at start-up by notifications' autodiscovery)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from forums.mailreplies import reply_address
from notifications.api import Message, register_event

EXAMPLE = {"title": "តើត្រូវការឯកសារអ្វីខ្លះដើម្បីធ្វើអត្តសញ្ញាណប័ណ្ណ?", "url": "/en/forums/"}
TITLE_EXAMPLE = {
    "title": {"km": "ផែនការផ្លូវថ្មីនៅស្លក្រាម", "en": "New road plan for Sla Kram"},
    "url": "/en/forums/consultations/",
}

register_event(
    "forums.reply",
    label=_("A new reply in a forum thread you follow"),
    km=Message(
        title="មានចម្លើយថ្មីក្នុង «{{ title }}»",
        body="មាននរណាម្នាក់បានឆ្លើយក្នុងប្រធានបទដែលអ្នកតាមដាន។",
        short="សាលា៖ ចម្លើយថ្មីក្នុង «{{ title }}»។ {{ link }}",
    ),
    en=Message(
        title="New reply in “{{ title }}”",
        body="Someone replied in a thread you follow.",
        short="Sala: new reply in “{{ title }}”. {{ link }}",
    ),
    example=EXAMPLE,
    reply_to=reply_address,
)

register_event(
    "forums.mail_reply_refused",
    label=_("Your reply sent by e-mail could not be posted"),
    km=Message(
        title="ចម្លើយដែលអ្នកផ្ញើតាមអ៊ីមែល មិនអាចដាក់ក្នុង «{{ title }}» បានទេ",
        body=(
            "ចម្លើយរបស់អ្នកមិនស្របតាមច្បាប់នៃវេទិកា៖ វាទទេ វែងពេក ផ្ញើញឹកញាប់ពេក "
            "ឬប្រធានបទនេះលែងទទួលចម្លើយហើយ។ សូមបើកប្រធានបទ ហើយឆ្លើយនៅទីនោះ។"
        ),
        short="សាលា៖ ចម្លើយតាមអ៊ីមែលរបស់អ្នកមិនត្រូវបានដាក់ទេ។ {{ link }}",
    ),
    en=Message(
        title="Your e-mailed reply to “{{ title }}” could not be posted",
        body=(
            "Your reply did not meet the forum's rules: it was empty, too long, sent too "
            "fast, or the thread no longer takes replies. Open the thread and reply there."
        ),
        short="Sala: your e-mailed reply was not posted. {{ link }}",
    ),
    example=EXAMPLE,
)

register_event(
    "forums.answer_accepted",
    label=_("Your forum answer was marked as the accepted answer"),
    km=Message(
        title="ចម្លើយរបស់អ្នកត្រូវបានទទួលយកក្នុង «{{ title }}»",
        body="អ្នកសួរ ឬអ្នកសម្របសម្រួល បានសម្គាល់ចម្លើយរបស់អ្នកថាជាចម្លើយដែលដោះស្រាយសំណួរ។",
        short="សាលា៖ ចម្លើយរបស់អ្នកត្រូវបានទទួលយក។ {{ link }}",
    ),
    en=Message(
        title="Your answer was accepted in “{{ title }}”",
        body="The asker or a moderator marked your answer as the one that solved the question.",
        short="Sala: your answer was accepted. {{ link }}",
    ),
    example=EXAMPLE,
)

register_event(
    "forums.post_approved",
    label=_("A moderator published your held post"),
    km=Message(
        title="សាររបស់អ្នកត្រូវបានផ្សព្វផ្សាយហើយ",
        body=(
            "សារដំបូងរបស់គណនីថ្មី ឬសារដែលមានតំណ ត្រូវរង់ចាំអ្នកសម្របសម្រួលពិនិត្យ។ "
            "អ្នកសម្របសម្រួលបានពិនិត្យ ហើយឥឡូវនេះមនុស្សគ្រប់គ្នាអាចអានសាររបស់អ្នកបាន។"
        ),
        short="សាលា៖ សាររបស់អ្នកត្រូវបានផ្សព្វផ្សាយហើយ។ {{ link }}",
    ),
    en=Message(
        title="Your post is published",
        body=(
            "A new account's first post, or a post with links, waits for a moderator. "
            "A moderator has checked yours, and everyone can read it now."
        ),
        short="Sala: your post is published. {{ link }}",
    ),
    example={"url": "/en/forums/"},
)

register_event(
    "forums.post_hidden",
    label=_("A moderator hid your post, and why"),
    km=Message(
        title="អ្នកសម្របសម្រួលបានលាក់សាររបស់អ្នក",
        body=(
            "មូលហេតុ៖ {{ reason }}។ {{ note }} "
            "ប្រសិនបើអ្នកគិតថានេះជាកំហុស សូមឆ្លើយតបមកកាន់ការិយាល័យតាមរយៈទំព័រទំនាក់ទំនងរបស់វា។"
        ),
        short="សាលា៖ សាររបស់អ្នកត្រូវបានលាក់ ដោយសារ {{ reason }}។ {{ link }}",
    ),
    en=Message(
        title="A moderator hid your post",
        body=(
            "The reason: {{ reason }}. {{ note }} "
            "If you think this is a mistake, write to the office through its contact page."
        ),
        short="Sala: your post was hidden because of {{ reason }}. {{ link }}",
    ),
    example={
        "reason": {"km": "ការផ្សាយពាណិជ្ជកម្ម ឬសារឥតបានការ", "en": "Advertising or spam"},
        "note": "",
        "url": "/en/forums/",
    },
)

register_event(
    "forums.response_owed",
    label=_("A consultation of your office reached its threshold and needs a response"),
    km=Message(
        title="ការពិគ្រោះយោបល់ «{{ title }}» ត្រូវការចម្លើយ",
        body=(
            "ចំនួនអ្នកគាំទ្របានដល់កម្រិតដែលការិយាល័យរបស់អ្នកបានកំណត់។ "
            "សូមផ្សព្វផ្សាយចម្លើយជាសាធារណៈមុនថ្ងៃផុតកំណត់ដែលបង្ហាញនៅលើទំព័រ។"
        ),
        short="សាលា៖ ការពិគ្រោះយោបល់ «{{ title }}» ត្រូវការចម្លើយ។ {{ link }}",
    ),
    en=Message(
        title="Consultation “{{ title }}” needs a response",
        body=(
            "The supports reached the threshold your office set. Publish a public "
            "response before the deadline shown on the page."
        ),
        short="Sala: consultation “{{ title }}” needs a response. {{ link }}",
    ),
    example=TITLE_EXAMPLE,
)

register_event(
    "forums.consultation_answered",
    label=_("The office answered a consultation you supported"),
    km=Message(
        title="ការិយាល័យបានឆ្លើយតបការពិគ្រោះយោបល់ «{{ title }}»",
        body="ការពិគ្រោះយោបល់ដែលអ្នកបានគាំទ្រ ឥឡូវមានចម្លើយជាសាធារណៈពីការិយាល័យ។",
        short="សាលា៖ «{{ title }}» មានចម្លើយហើយ។ {{ link }}",
    ),
    en=Message(
        title="The office answered consultation “{{ title }}”",
        body="A consultation you supported now has the office's public response.",
        short="Sala: “{{ title }}” has been answered. {{ link }}",
    ),
    example=TITLE_EXAMPLE,
)
