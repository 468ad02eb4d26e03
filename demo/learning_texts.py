"""The demo's starter courses, written for the purpose in Khmer and English (demo data).

Each course: slug, institution code (demo.places), titles, summaries and modules; each
module: titles and lessons; each lesson: titles, text (simple HTML) and an optional quiz
(pass mark, questions). A question: kind, prompt in both languages, then for choice
questions the answers (Khmer, English, correct, feedback Khmer, feedback English), for a
number the number, for a short text the accepted answers a line each; and the feedback
when wrong, in both languages.
"""

from __future__ import annotations

from typing import Any

T, F = True, False

SAFE: dict[str, Any] = {
    "slug": "using-the-portal-safely",
    "institution": "mptc",
    "title": ("ការប្រើប្រាស់វិបផតថលជាតិដោយសុវត្ថិភាព", "Using the national portal safely"),
    "summary": (
        "គណនី ពាក្យសម្ងាត់ លេខកូដចូលប្រើ ការស្គាល់ការបោកប្រាស់ និងការពិនិត្យ QR "
        "លើឯកសារ។ វគ្គខ្លីនេះសម្រាប់អ្នកដែលទើបប្រើសេវាអនឡាញលើកដំបូង។",
        "Accounts, passwords, sign-in codes, recognising scams and checking a document's QR "
        "code. A short course for people using an online service for the first time.",
    ),
    "modules": [
        {
            "title": ("គណនីរបស់អ្នក", "Your account"),
            "lessons": [
                {
                    "title": ("គណនី និងពាក្យសម្ងាត់រឹងមាំ", "Your account and a strong password"),
                    "body": (
                        "<p>គណនីលើវិបផតថលគឺជាទ្វាររបស់អ្នកទៅកាន់ពាក្យស្នើសុំ ការបង់ប្រាក់ "
                        "និងឯកសារដែលរដ្ឋចេញឱ្យអ្នក។ អ្នកណាដែលចូលគណនីរបស់អ្នកបាន "
                        "អាចមើលព័ត៌មានផ្ទាល់ខ្លួនរបស់អ្នកបាន។</p>"
                        "<ul><li>ប្រើពាក្យសម្ងាត់វែង យ៉ាងហោចណាស់ ១២ តួ ឧទាហរណ៍ពាក្យបួនប្រាំម៉ាត់"
                        "ដែលអ្នកចាំបាន តែអ្នកដទៃទាយមិនត្រូវ។</li>"
                        "<li>កុំប្រើថ្ងៃកំណើត លេខទូរស័ព្ទ ឬឈ្មោះកូន។</li>"
                        "<li>កុំប្រើពាក្យសម្ងាត់ដូចគ្នានឹង Facebook ឬអ៊ីមែលរបស់អ្នក។</li>"
                        "<li>កុំប្រាប់ពាក្យសម្ងាត់ដល់នរណាម្នាក់ សូម្បីតែមន្ត្រីក៏ដោយ។</li></ul>"
                        "<p>បើអ្នកភ្លេចពាក្យសម្ងាត់ ប្រើ «ភ្លេចពាក្យសម្ងាត់?» នៅទំព័រចូល។ "
                        "វិបផតថលនឹងផ្ញើលេខកូដទៅទូរស័ព្ទ ឬអ៊ីមែលដែលអ្នកបានផ្ទៀងផ្ទាត់។</p>",
                        "<p>Your account on the portal is your door to your applications, your "
                        "payments and the documents the state issues to you. Anyone who gets "
                        "into it can read your personal details.</p>"
                        "<ul><li>Use a long password, at least 12 characters: for example four or "
                        "five words you can remember and others cannot guess.</li>"
                        "<li>Do not use your date of birth, your phone number or a child's "
                        "name.</li>"
                        "<li>Do not use the same password as for Facebook or your email.</li>"
                        "<li>Never tell your password to anyone, not even an officer.</li></ul>"
                        "<p>If you forget your password, use “Forgotten your password?” on the "
                        "sign-in page. The portal sends a code to the phone or email address "
                        "you have confirmed.</p>",
                    ),
                },
                {
                    "title": ("លេខកូដចូលប្រើ", "Sign-in codes"),
                    "body": (
                        "<p>ពេលអ្នកចុះឈ្មោះ ឬចូលដោយលេខទូរស័ព្ទ វិបផតថលផ្ញើសារ SMS "
                        "ដែលមានលេខកូដ ៦ ខ្ទង់។ លេខកូដនេះប្រើបានតែម្តង និងក្នុងរយៈពេលខ្លីប៉ុណ្ណោះ។</p>"
                        "<p><strong>កុំប្រាប់លេខកូដនេះដល់នរណាម្នាក់ឡើយ។</strong> "
                        "វិបផតថល ធនាគារ ឬមន្ត្រីមិនដែលទូរស័ព្ទ ឬផ្ញើសារសុំលេខកូដរបស់អ្នកទេ។ "
                        "បើមាននរណាម្នាក់សុំ នោះជាការបោកប្រាស់។</p>"
                        "<p>មន្ត្រីរាជការត្រូវប្រើកត្តាទីពីរ (កម្មវិធីបង្កើតលេខកូដ ឬ passkey)។ "
                        "ប្រជាពលរដ្ឋក៏អាចបើកវាបាននៅក្នុង «គណនីរបស់ខ្ញុំ» ដើម្បីការពារបន្ថែម។</p>",
                        "<p>When you sign up or sign in with your phone number, the portal sends "
                        "an SMS with a 6-digit code. The code works once, and only for a short "
                        "time.</p>"
                        "<p><strong>Never give this code to anyone.</strong> The portal, banks "
                        "and officers never call or message you to ask for your code. Anyone who "
                        "asks for it is trying to cheat you.</p>"
                        "<p>Civil servants must use a second factor (an authenticator app or a "
                        "passkey). Citizens can turn one on in “My account” for extra "
                        "protection.</p>",
                    ),
                    "quiz": (
                        70,
                        [
                            (
                                "single",
                                "មាននរណាម្នាក់ទូរស័ព្ទមក ហើយនិយាយថាជាមន្ត្រីវិបផតថល "
                                "សុំលេខកូដដែលទើបតែផ្ញើមកអ្នក។ តើអ្នកគួរធ្វើអ្វី?",
                                "Someone calls, says they work for the portal, and asks for "
                                "the code you were just sent. What should you do?",
                                [
                                    ("ប្រាប់លេខកូដ ព្រោះគាត់ជាមន្ត្រី", "Give the code: they are an officer", F,
                                     "ទេ។ គ្មានមន្ត្រីណាត្រូវការលេខកូដរបស់អ្នកទេ។",
                                     "No. No officer ever needs your code."),
                                    ("មិនប្រាប់ ហើយដាក់ទូរស័ព្ទចុះ", "Do not give it, and hang up", T,
                                     "ត្រឹមត្រូវ។ អ្នកណាសុំលេខកូដ គឺកំពុងបោកប្រាស់។",
                                     "Right. Whoever asks for a code is cheating."),
                                    ("ប្រាប់តែបីខ្ទង់ដំបូង", "Give only the first three digits", F,
                                     "ទេ។ កុំប្រាប់ផ្នែកណាមួយនៃលេខកូដឡើយ។",
                                     "No. Do not give any part of the code."),
                                ],
                                "", "",
                            ),
                            (
                                "true-false",
                                "ពាក្យសម្ងាត់ដែលល្អ គឺថ្ងៃខែឆ្នាំកំណើតរបស់អ្នក ព្រោះងាយចាំ។",
                                "Your date of birth is a good password because it is easy to "
                                "remember.",
                                [
                                    ("ពិត", "True", F, "", ""),
                                    ("មិនពិត", "False", T, "", ""),
                                ],
                                "ថ្ងៃកំណើតងាយទាយ។ ប្រើពាក្យវែងៗដែលអ្នកដទៃមិនដឹង។",
                                "A date of birth is easy to guess. Use a long phrase others "
                                "do not know.",
                            ),
                            (
                                "number",
                                "លេខកូដចូលប្រើដែលវិបផតថលផ្ញើតាម SMS មានប៉ុន្មានខ្ទង់?",
                                "How many digits does the sign-in code sent by SMS have?",
                                6,
                                "លេខកូដមាន ៦ ខ្ទង់។", "The code has 6 digits.",
                            ),
                        ],
                    ),
                },
            ],
        },
        {
            "title": ("ការបោកប្រាស់ និងឯកសារ", "Scams and documents"),
            "lessons": [
                {
                    "title": ("ស្គាល់ការបោកប្រាស់", "Recognising scams"),
                    "body": (
                        "<p>អ្នកបោកប្រាស់ក្លែងខ្លួនជាក្រសួង ធនាគារ ឬក្រុមហ៊ុនដឹកជញ្ជូន។ "
                        "សញ្ញាដែលគួរប្រយ័ត្ន៖</p>"
                        "<ul><li>សារប្រញាប់ «គណនីរបស់អ្នកនឹងត្រូវបិទថ្ងៃនេះ»។</li>"
                        "<li>រង្វាន់ ឬប្រាក់ជំនួយដែលអ្នកមិនបានស្នើសុំ។</li>"
                        "<li>តំណភ្ជាប់ក្នុងសារ Telegram ឬ SMS ដែលសុំពាក្យសម្ងាត់ ឬលេខកូដ។</li>"
                        "<li>សុំឱ្យបង់ប្រាក់ទៅគណនីផ្ទាល់ខ្លួនរបស់នរណាម្នាក់។</li></ul>"
                        "<p>កុំចុចតំណក្នុងសារ។ វាយអាសយដ្ឋានវិបផតថលដោយខ្លួនឯង ឬប្រើចំណាំ "
                        "(bookmark) របស់អ្នក ហើយពិនិត្យប្រអប់ជូនដំណឹងក្នុងគណនីរបស់អ្នក។ "
                        "សេវាពិតប្រាកដ បង្ហាញការស្នើសុំបង់ប្រាក់របស់វា នៅក្នុងគណនីរបស់អ្នក។</p>",
                        "<p>Scammers pretend to be a ministry, a bank or a delivery company. "
                        "Signs to watch for:</p>"
                        "<ul><li>Hurry: “your account will be closed today”.</li>"
                        "<li>A prize or a grant you never asked for.</li>"
                        "<li>A link in a Telegram message or SMS that asks for your password or "
                        "a code.</li>"
                        "<li>A request to pay into someone's personal account.</li></ul>"
                        "<p>Do not follow links in messages. Type the portal's address yourself "
                        "or use your bookmark, and look in your account's inbox. A real service "
                        "shows its payment requests inside your account.</p>",
                    ),
                },
                {
                    "title": ("ពិនិត្យ QR លើឯកសារ", "Checking a document's QR code"),
                    "body": (
                        "<p>ឯកសារដែលវិបផតថលចេញ (វិញ្ញាបនបត្រ អាជ្ញាប័ណ្ណ បង្កាន់ដៃ) មាន QR "
                        "និងលេខកូដផ្ទៀងផ្ទាត់។ អ្នកណាក៏អាចពិនិត្យថាឯកសារពិត ហើយនៅមានសុពលភាព។</p>"
                        "<ol><li>ស្កេន QR ដោយកាមេរ៉ាទូរស័ព្ទ ឬបើកទំព័រ «ផ្ទៀងផ្ទាត់» "
                        "(/verify/) ហើយវាយលេខកូដ។</li>"
                        "<li>ពិនិត្យថាអាសយដ្ឋានក្នុងកម្មវិធីរុករក ជាអាសយដ្ឋានរបស់វិបផតថល។</li>"
                        "<li>ប្រៀបធៀបឈ្មោះ និងព័ត៌មានដែលទំព័របង្ហាញ ជាមួយឯកសារក្រដាស។</li></ol>"
                        "<p>បើទំព័រនិយាយថា «បានដកហូត» ឬ «មិនស្គាល់» កុំទទួលយកឯកសារនោះ។</p>",
                        "<p>Documents the portal issues (certificates, licences, receipts) carry a "
                        "QR code and a verification code. Anyone can check that a document is "
                        "genuine and still valid.</p>"
                        "<ol><li>Scan the QR code with a phone's camera, or open the “Verify” "
                        "page (/verify/) and type the code.</li>"
                        "<li>Check that the address in the browser is the portal's.</li>"
                        "<li>Compare the name and details the page shows with the paper.</li></ol>"
                        "<p>If the page says “revoked” or “unknown”, do not accept the "
                        "document.</p>",
                    ),
                    "quiz": (
                        60,
                        [
                            (
                                "multiple",
                                "តើមួយណាជាសញ្ញានៃការបោកប្រាស់? (ជ្រើសរើសទាំងអស់ដែលត្រូវ)",
                                "Which are signs of a scam? (choose all that apply)",
                                [
                                    ("សារប្រញាប់ឱ្យធ្វើភ្លាមៗ", "A message that says you must act now", T,
                                     "", ""),
                                    ("រង្វាន់ដែលអ្នកមិនបានស្នើ", "A prize you never asked for", T, "", ""),
                                    ("ការស្នើសុំបង់ប្រាក់ក្នុងគណនីវិបផតថលរបស់អ្នក",
                                     "A payment request inside your portal account", F,
                                     "នេះជាកន្លែងត្រឹមត្រូវ ដែលសេវាពិតស្នើសុំការបង់ប្រាក់។",
                                     "That is where real services ask for payment."),
                                    ("តំណដែលសុំលេខកូដរបស់អ្នក", "A link asking for your code", T, "", ""),
                                ],
                                "ប្រញាប់ រង្វាន់ និងការសុំលេខកូដ សុទ្ធតែជាសញ្ញាបោកប្រាស់។",
                                "Hurry, prizes and requests for codes are all signs of a scam.",
                            ),
                            (
                                "text",
                                "វាយឈ្មោះទំព័រ ដែលអ្នកពិនិត្យលេខកូដឯកសារ។",
                                "Type the name of the page where you check a document's code.",
                                "ផ្ទៀងផ្ទាត់\n/verify/\nverify\nVerify",
                                "ទំព័រនោះឈ្មោះ «ផ្ទៀងផ្ទាត់» (/verify/)។",
                                "It is the “Verify” page (/verify/).",
                            ),
                            (
                                "true-false",
                                "បើទំព័រផ្ទៀងផ្ទាត់សរសេរថា «បានដកហូត» ឯកសារនោះលែងមានសុពលភាព។",
                                "If the verify page says “revoked”, the document is no longer "
                                "valid.",
                                [("ពិត", "True", T, "", ""), ("មិនពិត", "False", F, "", "")],
                                "ឯកសារដែលបានដកហូត មិនត្រូវទទួលយកទេ។",
                                "A revoked document must not be accepted.",
                            ),
                        ],
                    ),
                },
            ],
        },
    ],
}  # fmt: skip

KHQR: dict[str, Any] = {
    "slug": "paying-a-fee-with-khqr",
    "institution": "mef",
    "title": ("ការបង់ថ្លៃសេវាដោយ KHQR", "Paying a fee with KHQR"),
    "summary": (
        "របៀបបង់ថ្លៃសេវាសាធារណៈ ពីកម្មវិធីធនាគារណាមួយ ដោយស្កេន KHQR ដោយសុវត្ថិភាព "
        "និងអ្វីដែលត្រូវធ្វើបើមានបញ្ហា។",
        "How to pay a public service's fee from any bank's app by scanning a KHQR code, "
        "safely, and what to do if something goes wrong.",
    ),
    "modules": [
        {
            "title": ("មុនពេលបង់ប្រាក់", "Before you pay"),
            "lessons": [
                {
                    "title": ("KHQR ជាអ្វី", "What KHQR is"),
                    "body": (
                        "<p>KHQR គឺជាស្តង់ដារ QR ជាតិសម្រាប់ការទូទាត់ នៃធនាគារជាតិនៃកម្ពុជា "
                        "ដែលភ្ជាប់ជាមួយប្រព័ន្ធបាគង (Bakong)។ កូដ KHQR តែមួយ "
                        "អាចស្កេនបានពីកម្មវិធីធនាគារ និងកាបូបអេឡិចត្រូនិកស្ទើរតែទាំងអស់នៅកម្ពុជា។</p>"
                        "<p>នៅលើវិបផតថល ការស្នើសុំបង់ប្រាក់នីមួយៗមាន KHQR ផ្ទាល់ខ្លួន "
                        "ដែលមានចំនួនទឹកប្រាក់ រូបិយប័ណ្ណ (រៀល ឬដុល្លារ) "
                        "និងលេខយោងនៃពាក្យស្នើសុំរបស់អ្នករួចជាស្រេច។ អ្នកមិនចាំបាច់វាយអ្វីទេ។</p>"
                        "<p>KHQR របស់វិបផតថលមានថ្ងៃផុតកំណត់។ បន្ទាប់ពីថ្ងៃនោះ "
                        "សូមបើកទំព័របង់ប្រាក់ម្តងទៀត ដើម្បីទទួលបានកូដថ្មី។</p>",
                        "<p>KHQR is the National Bank of Cambodia's national QR standard for "
                        "payments, linked to the Bakong system. One KHQR code can be scanned from "
                        "almost every bank and e-wallet app in Cambodia.</p>"
                        "<p>On the portal, each payment request has its own KHQR, which already "
                        "holds the amount, the currency (riel or dollars) and your application's "
                        "reference number. You do not have to type anything.</p>"
                        "<p>The portal's KHQR codes expire. After the expiry date, open the "
                        "payment page again to get a new code.</p>",
                    ),
                },
                {
                    "title": ("ពិនិត្យមុនពេលបញ្ជាក់", "Check before you confirm"),
                    "body": (
                        "<p>បន្ទាប់ពីស្កេន កម្មវិធីធនាគាររបស់អ្នកបង្ហាញឈ្មោះអ្នកទទួល "
                        "និងចំនួនទឹកប្រាក់។ មុនពេលចុច «បញ្ជាក់» សូមពិនិត្យ៖</p>"
                        "<ul><li>ឈ្មោះអ្នកទទួល ដូចឈ្មោះដែលទំព័របង់ប្រាក់របស់វិបផតថលបង្ហាញ។</li>"
                        "<li>ចំនួនទឹកប្រាក់ និងរូបិយប័ណ្ណ ដូចគ្នាទាំងស្រុង។</li>"
                        "<li>អ្នកបានបើកទំព័របង់ប្រាក់ពីគណនីរបស់អ្នក មិនមែនពីរូបភាពដែលនរណាម្នាក់ផ្ញើមកទេ។</li></ul>"
                        "<p>កុំស្កេន QR ដែលមនុស្សមិនស្គាល់ផ្ញើមកតាម Telegram ឬបិទនៅលើជញ្ជាំង។ "
                        "ថ្លៃសេវាពិតប្រាកដ តែងតែបង្ហាញក្នុងគណនីរបស់អ្នក។</p>",
                        "<p>After scanning, your bank's app shows the payee's name and the "
                        "amount. Before you press “Confirm”, check:</p>"
                        "<ul><li>The payee's name is the one the portal's payment page shows.</li>"
                        "<li>The amount and the currency are exactly the same.</li>"
                        "<li>You opened the payment page from your own account, not from a "
                        "picture someone sent you.</li></ul>"
                        "<p>Do not scan a QR code a stranger sends on Telegram or one stuck on a "
                        "wall. A real fee always shows in your account.</p>",
                    ),
                    "quiz": (
                        70,
                        [
                            (
                                "number",
                                "ទំព័របង់ប្រាក់បង្ហាញ ១៥ ០០០ រៀល។ តើកម្មវិធីធនាគាររបស់អ្នក "
                                "ត្រូវបង្ហាញប៉ុន្មានរៀល មុនពេលអ្នកបញ្ជាក់?",
                                "The payment page shows 15,000 riel. How many riel must your "
                                "bank's app show before you confirm?",
                                15000,
                                "ត្រូវតែដូចគ្នា៖ ១៥ ០០០ រៀល។ បើខុស កុំបញ្ជាក់។",
                                "Exactly the same: 15,000 riel. If not, do not confirm.",
                            ),
                            (
                                "single",
                                "មនុស្សម្នាក់ផ្ញើរូប QR តាម Telegram ហើយនិយាយថាជាថ្លៃលិខិតរបស់អ្នក។ "
                                "តើអ្នកធ្វើអ្វី?",
                                "Someone sends a QR picture on Telegram and says it is the fee "
                                "for your letter. What do you do?",
                                [
                                    ("ស្កេន ហើយបង់ភ្លាម", "Scan it and pay at once", F,
                                     "ទេ។ អ្នកមិនដឹងថាប្រាក់នោះទៅណាទេ។",
                                     "No. You cannot know where that money goes."),
                                    ("បើកគណនីវិបផតថលរបស់ខ្ញុំ ហើយបង់ពីទីនោះ",
                                     "Open my portal account and pay from there", T,
                                     "ត្រឹមត្រូវ។ ថ្លៃសេវាពិតមាននៅក្នុងគណនីរបស់អ្នក។",
                                     "Right. The real fee is in your account."),
                                ],
                                "", "",
                            ),
                        ],
                    ),
                },
            ],
        },
        {
            "title": ("បង់ប្រាក់ និងបន្ទាប់មក", "Paying and afterwards"),
            "lessons": [
                {
                    "title": ("បង់ប្រាក់មួយជំហានម្តងៗ", "Paying step by step"),
                    "body": (
                        "<ol><li>បើក «ពាក្យស្នើសុំរបស់ខ្ញុំ» ហើយជ្រើសពាក្យស្នើសុំ។</li>"
                        "<li>ចុច «បង់ប្រាក់»។ ទំព័របង្ហាញ KHQR ចំនួនទឹកប្រាក់ អ្នកទទួល "
                        "និងកូដជាអក្សរ។</li>"
                        "<li>បើកកម្មវិធីធនាគារ ជ្រើស «ស្កេន» ហើយស្កេន QR។ "
                        "បើអ្នកប្រើទូរស័ព្ទតែមួយ សូមថតអេក្រង់ ហើយបើករូបនោះក្នុងកម្មវិធីធនាគារ។</li>"
                        "<li>ពិនិត្យឈ្មោះ និងចំនួនទឹកប្រាក់ ហើយបញ្ជាក់។</li>"
                        "<li>ត្រឡប់មកវិបផតថលវិញ។ ទំព័រនឹងបង្ហាញ «បានបង់» "
                        "នៅពេលធនាគារបញ្ជាក់ ជាធម្មតាក្នុងរយៈពេលប៉ុន្មាននាទី។</li></ol>"
                        "<p>គ្មានធនាគារ? អ្នកក៏អាចបង់ជាសាច់ប្រាក់ នៅបញ្ជរនៃការិយាល័យ "
                        "ដែលកំពុងដោះស្រាយពាក្យស្នើសុំរបស់អ្នក ហើយទទួលបង្កាន់ដៃ។</p>",
                        "<ol><li>Open “My applications” and choose the application.</li>"
                        "<li>Press “Pay”. The page shows the KHQR, the amount, the payee and the "
                        "code as text.</li>"
                        "<li>Open your bank's app, choose “Scan” and scan the QR. If you use only "
                        "one phone, take a screenshot and open it from the bank's app.</li>"
                        "<li>Check the name and the amount, then confirm.</li>"
                        "<li>Come back to the portal. The page shows “Paid” once the bank "
                        "confirms, usually within a few minutes.</li></ol>"
                        "<p>No bank account? You can also pay in cash at the counter of the "
                        "office handling your application, and get a receipt.</p>",
                    ),
                },
                {
                    "title": ("បន្ទាប់ពីបង់ប្រាក់", "After paying"),
                    "body": (
                        "<p>រក្សាទុកលេខយោងប្រតិបត្តិការដែលកម្មវិធីធនាគារបង្ហាញ។ "
                        "វិបផតថលផ្ញើសារប្រាប់អ្នក នៅពេលទទួលបានការបង់ប្រាក់។</p>"
                        "<ul><li>បើទំព័រនៅតែមិនបង្ហាញ «បានបង់» ក្រោយមួយម៉ោង "
                        "សូមផ្ញើសារទៅការិយាល័យតាមពាក្យស្នើសុំ ជាមួយលេខយោងធនាគារ។</li>"
                        "<li>កុំបង់ម្តងទៀត ដោយគ្រាន់តែទំព័រយឺត។ ការបង់ពីរដង "
                        "ត្រូវបានកត់ត្រា ហើយការិយាល័យនឹងដោះស្រាយ ប៉ុន្តែវាត្រូវការពេល។</li>"
                        "<li>បើចំនួនដែលអ្នកបង់ខុស ការិយាល័យនឹងឃើញវា ហើយទាក់ទងអ្នក។</li></ul>",
                        "<p>Keep the transaction reference your bank's app shows. The portal "
                        "sends you a message when it receives the payment.</p>"
                        "<ul><li>If the page still does not say “Paid” after an hour, send the "
                        "office a message from your application, with the bank's reference.</li>"
                        "<li>Do not pay again just because the page is slow. A double payment is "
                        "recorded and the office will sort it out, but it takes time.</li>"
                        "<li>If you paid a wrong amount, the office sees it and contacts "
                        "you.</li></ul>",
                    ),
                    "quiz": (
                        70,
                        [
                            (
                                "true-false",
                                "បើទំព័រមិនទាន់បង្ហាញ «បានបង់» ភ្លាមៗ អ្នកគួរបង់ម្តងទៀត។",
                                "If the page does not say “Paid” at once, you should pay again.",
                                [("ពិត", "True", F, "", ""), ("មិនពិត", "False", T, "", "")],
                                "រង់ចាំ ហើយរក្សាលេខយោងធនាគារ។ កុំបង់ពីរដង។",
                                "Wait and keep the bank's reference. Do not pay twice.",
                            ),
                            (
                                "multiple",
                                "តើអ្វីខ្លះដែលអ្នកគួររក្សាទុក ឬធ្វើ ក្រោយពេលបង់ប្រាក់?",
                                "What should you keep or do after paying?",
                                [
                                    ("រក្សាលេខយោងប្រតិបត្តិការធនាគារ", "Keep the bank's transaction reference", T,
                                     "", ""),
                                    ("ចែករំលែកលេខកូដចូលប្រើ ជាមួយការិយាល័យ", "Share your sign-in code with the office", F,
                                     "កុំចែករំលែកលេខកូដឡើយ។", "Never share a code."),
                                    ("ផ្ញើសារទៅការិយាល័យ បើមួយម៉ោងហើយនៅមិនទាន់បានបង់",
                                     "Message the office if it is still unpaid after an hour", T, "", ""),
                                ],
                                "", "",
                            ),
                        ],
                    ),
                },
            ],
        },
    ],
}  # fmt: skip

COMMUNE: dict[str, Any] = {
    "slug": "finding-your-communes-services",
    "institution": "moi",
    "title": ("ស្វែងរកសេវារបស់ឃុំ សង្កាត់របស់អ្នក", "Finding your commune's services"),
    "summary": (
        "អ្វីដែលសាលាឃុំ សង្កាត់ធ្វើសម្រាប់អ្នក របៀបរកវានៅលើវិបផតថល ម៉ោងធ្វើការ "
        "អ្វីដែលត្រូវយកទៅ និងការស្នើសុំតាមអនឡាញ។",
        "What the commune or sangkat hall does for you, how to find it on the portal, its "
        "opening hours, what to bring, and applying online.",
    ),
    "modules": [
        {
            "title": ("ឃុំ សង្កាត់របស់អ្នក", "Your commune"),
            "lessons": [
                {
                    "title": ("សាលាឃុំ សង្កាត់ធ្វើអ្វីខ្លះ", "What the commune hall does"),
                    "body": (
                        "<p>សាលាឃុំ (នៅជនបទ) ឬសាលាសង្កាត់ (នៅក្រុង) "
                        "គឺជាការិយាល័យរដ្ឋដែលនៅជិតអ្នកបំផុត។ នៅទីនោះ អ្នកអាច៖</p>"
                        "<ul><li>ចុះបញ្ជីកំណើត អាពាហ៍ពិពាហ៍ និងមរណភាព "
                        "ហើយសុំលិខិតបញ្ជាក់ពីអត្រានុកូលដ្ឋាន។</li>"
                        "<li>សុំលិខិតបញ្ជាក់ទីលំនៅ និងលិខិតបញ្ជាក់ផ្សេងៗ។</li>"
                        "<li>ជូនដំណឹងអំពីបញ្ហាក្នុងភូមិ ដូចជាផ្លូវ ទឹក ឬសុវត្ថិភាព។</li></ul>"
                        "<p>សេវាមួយចំនួនទៀត ដូចជាអាជ្ញាប័ណ្ណអាជីវកម្មខ្នាតតូច "
                        "ស្ថិតនៅការិយាល័យច្រកចេញចូលតែមួយ នៃស្រុក ខណ្ឌ។</p>",
                        "<p>The commune hall (in the countryside) or sangkat hall (in towns) is "
                        "the state office closest to you. There you can:</p>"
                        "<ul><li>Register a birth, a marriage or a death, and ask for civil "
                        "registration certificates.</li>"
                        "<li>Ask for a residence certificate and other certifications.</li>"
                        "<li>Report problems in the village, such as roads, water or "
                        "safety.</li></ul>"
                        "<p>Some other services, such as small business licences, are at the "
                        "district or khan's One Window Service Office.</p>",
                    ),
                },
                {
                    "title": ("រកឃុំ សង្កាត់របស់អ្នកនៅលើវិបផតថល", "Finding your commune on the portal"),
                    "body": (
                        "<p>ចុច «ជ្រើសតំបន់របស់អ្នក» ហើយចាប់ផ្តើមវាយឈ្មោះភូមិ ឃុំ "
                        "ឬសង្កាត់របស់អ្នក ជាភាសាខ្មែរ ឬឡាតាំង។ ជ្រើសពីបញ្ជីដែលបង្ហាញ។</p>"
                        "<p>ទំព័រនៃទីកន្លែងរបស់អ្នក បង្ហាញការិយាល័យដែលមានសមត្ថកិច្ចលើវា "
                        "តាមកម្រិត៖ ឃុំ សង្កាត់ ស្រុក ខណ្ឌ និងខេត្ត រាជធានី "
                        "ជាមួយអាសយដ្ឋាន លេខទូរស័ព្ទ និងម៉ោងបើក។</p>"
                        "<p>វិបផតថលចងចាំតំបន់ដែលអ្នកបានជ្រើស ដូច្នេះការស្វែងរក "
                        "និងព័ត៌មាន នឹងបង្ហាញអ្វីដែលនៅជិតអ្នកមុនគេ។</p>",
                        "<p>Press “Choose your area” and start typing the name of your village, "
                        "commune or sangkat, in Khmer or in Latin letters. Pick it from the "
                        "list.</p>"
                        "<p>Your place's page shows the offices whose jurisdiction covers it, by "
                        "level: commune or sangkat, district or khan, province or capital, with "
                        "their address, phone number and opening hours.</p>"
                        "<p>The portal remembers the area you chose, so search and news show "
                        "what is near you first.</p>",
                    ),
                    "quiz": (
                        70,
                        [
                            (
                                "single",
                                "តើអ្នកសុំលិខិតបញ្ជាក់កំណើតកូនរបស់អ្នកនៅឯណា?",
                                "Where do you ask for your child's birth certificate?",
                                [
                                    ("សាលាឃុំ ឬសង្កាត់", "The commune or sangkat hall", T,
                                     "ត្រឹមត្រូវ។ អត្រានុកូលដ្ឋានស្ថិតនៅឃុំ សង្កាត់។",
                                     "Right. Civil registration is at the commune."),
                                    ("ក្រសួងពាណិជ្ជកម្ម", "The Ministry of Commerce", F,
                                     "ទេ។ ក្រសួងនេះចុះបញ្ជីអាជីវកម្ម។",
                                     "No. That ministry registers businesses."),
                                    ("មណ្ឌលសុខភាព", "The health centre", F,
                                     "មណ្ឌលសុខភាពផ្តល់លិខិតកំណើតពីពេទ្យ "
                                     "តែសំបុត្រកំណើតចេញដោយឃុំ សង្កាត់។",
                                     "The health centre gives a birth notice; the certificate "
                                     "comes from the commune."),
                                ],
                                "", "",
                            ),
                            (
                                "true-false",
                                "អ្នកអាចវាយឈ្មោះឃុំរបស់អ្នកជាអក្សរឡាតាំង ដើម្បីរកវា។",
                                "You can type your commune's name in Latin letters to find it.",
                                [("ពិត", "True", T, "", ""), ("មិនពិត", "False", F, "", "")],
                                "បាន៖ ជាភាសាខ្មែរ ឬឡាតាំង។", "Yes: in Khmer or in Latin letters.",
                            ),
                        ],
                    ),
                },
            ],
        },
        {
            "title": ("ទៅ ឬស្នើសុំតាមអនឡាញ", "Going there, or applying online"),
            "lessons": [
                {
                    "title": ("ម៉ោងបើក ថ្ងៃឈប់សម្រាក និងអ្វីដែលត្រូវយកទៅ",
                              "Opening hours, holidays and what to bring"),
                    "body": (
                        "<p>ការិយាល័យភាគច្រើនបើកពីថ្ងៃចន្ទ ដល់ថ្ងៃសុក្រ ពេលព្រឹក និងពេលរសៀល "
                        "ហើយបិទនៅថ្ងៃឈប់សម្រាកសាធារណៈ។ ទំព័ររបស់ការិយាល័យ "
                        "បង្ហាញថាតើវាបើកឥឡូវនេះឬទេ។</p>"
                        "<p>យកទៅជាមួយ៖ អត្តសញ្ញាណប័ណ្ណ សៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ "
                        "ឯកសារដែលសេវានោះសុំ (ទំព័រសេវានីមួយៗមានបញ្ជី) និងច្បាប់ចម្លង។</p>"
                        "<p>ឯកសារភ្ជាប់នៃមេរៀននេះ គឺជាបញ្ជីត្រួតពិនិត្យតូចមួយ ដែលអ្នកអាចបោះពុម្ព។</p>",
                        "<p>Most offices open Monday to Friday, morning and afternoon, and close "
                        "on public holidays. An office's page says whether it is open now.</p>"
                        "<p>Bring: your identity card, your family book or residence book, the "
                        "documents the service asks for (each service's page lists them) and "
                        "copies.</p>"
                        "<p>The file with this lesson is a small checklist you can print.</p>",
                    ),
                    "file": (
                        "checklist.txt",
                        "បញ្ជីត្រួតពិនិត្យ មុនទៅសាលាឃុំ សង្កាត់",
                        "Checklist before going to the commune hall",
                    ),
                },
                {
                    "title": ("ស្នើសុំតាមអនឡាញ ហើយតាមដាន", "Applying online and following it"),
                    "body": (
                        "<p>សេវាជាច្រើនអាចស្នើសុំតាមអនឡាញ៖ បើកទំព័រសេវា ចុច «ចាប់ផ្តើមឥឡូវនេះ» "
                        "ហើយបំពេញទំព័រនីមួយៗ។ សេចក្តីព្រាងត្រូវបានរក្សាទុកនៅគ្រប់ជំហាន។</p>"
                        "<p>ពេលអ្នកផ្ញើ អ្នកទទួលបានលេខយោង។ ពាក្យស្នើសុំទៅដល់ការិយាល័យ "
                        "ដែលមានសមត្ថកិច្ចលើតំបន់របស់អ្នកដោយស្វ័យប្រវត្តិ។</p>"
                        "<p>តាមដាននៅ «ពាក្យស្នើសុំរបស់ខ្ញុំ»។ អ្នកនឹងទទួលសារ នៅពេលការិយាល័យ "
                        "សុំព័ត៌មានបន្ថែម សម្រេច ឬចេញឯកសាររបស់អ្នក។</p>",
                        "<p>Many services can be applied for online: open the service's page, "
                        "press “Start now” and fill in each page. Your draft is saved at every "
                        "step.</p>"
                        "<p>When you send it, you get a reference number. The application goes "
                        "by itself to the office with jurisdiction over your area.</p>"
                        "<p>Follow it in “My applications”. You get a message when the office "
                        "asks for more information, decides, or issues your document.</p>",
                    ),
                    "quiz": (
                        70,
                        [
                            (
                                "text",
                                "តើអ្នកតាមដានពាក្យស្នើសុំរបស់អ្នក នៅទំព័រណា? (វាយឈ្មោះទំព័រ)",
                                "On which page do you follow your applications? (type its name)",
                                "ពាក្យស្នើសុំរបស់ខ្ញុំ\nMy applications",
                                "គឺ «ពាក្យស្នើសុំរបស់ខ្ញុំ»។", "It is “My applications”.",
                            ),
                            (
                                "single",
                                "ពេលផ្ញើពាក្យស្នើសុំ តើអ្នកទទួលបានអ្វី?",
                                "What do you get when you send an application?",
                                [
                                    ("លេខយោង", "A reference number", T, "", ""),
                                    ("លេខកូដចូលប្រើ", "A sign-in code", F,
                                     "លេខកូដចូលប្រើ គឺសម្រាប់ចូលគណនីតែប៉ុណ្ណោះ។",
                                     "A sign-in code is only for signing in."),
                                ],
                                "", "",
                            ),
                        ],
                    ),
                },
            ],
        },
    ],
}  # fmt: skip

CHECKLIST = """បញ្ជីត្រួតពិនិត្យ មុនទៅសាលាឃុំ សង្កាត់ / Checklist before going to the commune hall
(ទិន្នន័យសាកល្បង / demo data)

[ ] អត្តសញ្ញាណប័ណ្ណ / Identity card
[ ] សៀវភៅគ្រួសារ ឬសៀវភៅស្នាក់នៅ / Family book or residence book
[ ] ឯកសារដែលសេវាសុំ (មើលទំព័រសេវា) / Documents the service asks for (see its page)
[ ] ច្បាប់ចម្លងមួយ / One copy of each
[ ] ពិនិត្យម៉ោងបើក និងថ្ងៃឈប់សម្រាក / Check the opening hours and public holidays
[ ] លេខយោង បើអ្នកបានស្នើសុំតាមអនឡាញ / Your reference, if you applied online
"""

COURSES: list[dict[str, Any]] = [SAFE, KHQR, COMMUNE]
