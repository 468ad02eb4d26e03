"""Texts of the demo content that content/demo.py loads: more ministries, the life events,
the step-by-step guides and more news, in Khmer and English. Data only."""

from __future__ import annotations

# --- Ministries without an office in the demo directory ---------------------------------
# (slug, geo.Institution code or "", km fields, en fields)
MORE_MINISTRIES: list[tuple[str, str, dict[str, str], dict[str, str]]] = [
    (
        "economy-and-finance",
        "mef",
        {
            "title": "ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ",
            "introduction": "ក្រសួងដែលរៀបចំថវិកាជាតិ គោលនយោបាយសេដ្ឋកិច្ច និងប្រមូលពន្ធដារ។",
            "mandate": "<p>ក្រសួងសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ រៀបចំ និងអនុវត្តថវិកាជាតិ "
            "គ្រប់គ្រងហិរញ្ញវត្ថុសាធារណៈ និងដឹកនាំគោលនយោបាយសេដ្ឋកិច្ច។</p>"
            "<ul><li>រៀបចំច្បាប់ស្តីពីហិរញ្ញវត្ថុប្រចាំឆ្នាំ។</li>"
            "<li>ប្រមូលពន្ធ និងអាករ តាមរយៈអគ្គនាយកដ្ឋានពន្ធដារ និងអគ្គនាយកដ្ឋានគយ និងរដ្ឋាករ។</li></ul>",
            "leadership": "<p>ក្រសួងដឹកនាំដោយឧបនាយករដ្ឋមន្ត្រី រដ្ឋមន្ត្រី "
            "ដោយមានរដ្ឋលេខាធិការ និងអនុរដ្ឋលេខាធិការជាជំនួយការ។ "
            "នៅរាជធានី និងខេត្តនីមួយៗ មានមន្ទីរសេដ្ឋកិច្ច និងហិរញ្ញវត្ថុ។</p>",
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://mef.gov.kh",
        },
        {
            "title": "Ministry of Economy and Finance",
            "introduction": "The ministry that prepares the national budget and economic "
            "policy and collects taxes.",
            "mandate": "<p>The Ministry of Economy and Finance prepares and carries out the "
            "national budget, manages public finances and leads economic policy.</p>"
            "<ul><li>It prepares the annual finance law.</li>"
            "<li>It collects taxes and duties through the General Department of Taxation "
            "and the General Department of Customs and Excise.</li></ul>",
            "leadership": "<p>The ministry is led by a Deputy Prime Minister who is the "
            "Minister, assisted by Secretaries of State and Under-Secretaries of State. Each "
            "province and the capital has a Department of Economy and Finance.</p>",
            "address": "Phnom Penh",
            "website": "https://mef.gov.kh",
        },
    ),
    (
        "land-management",
        "",
        {
            "title": "ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់",
            "introduction": "ក្រសួងដែលគ្រប់គ្រងការចុះបញ្ជីដីធ្លី ប្លង់គោលប្រើប្រាស់ដី និងលិខិតអនុញ្ញាតសាងសង់។",
            "mandate": "<p>ក្រសួងរៀបចំដែនដី នគរូបនីយកម្ម និងសំណង់ "
            "ចុះបញ្ជីដីធ្លី និងចេញប័ណ្ណកម្មសិទ្ធិ រៀបចំប្លង់គោលប្រើប្រាស់ដី "
            "និងត្រួតពិនិត្យការសាងសង់។</p>",
            "leadership": "<p>ក្រសួងដឹកនាំដោយរដ្ឋមន្ត្រី។ នៅរាជធានី និងខេត្តនីមួយៗ "
            "មានមន្ទីររៀបចំដែនដី នគរូបនីយកម្ម សំណង់ និងសុរិយោដី "
            "ហើយនៅក្រុង ស្រុក ខណ្ឌ មានការិយាល័យសុរិយោដី។</p>",
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://www.mlmupc.gov.kh",
        },
        {
            "title": "Ministry of Land Management, Urban Planning and Construction",
            "introduction": "The ministry that registers land, plans land use and issues "
            "construction permits.",
            "mandate": "<p>The Ministry of Land Management, Urban Planning and Construction "
            "registers land and issues title certificates, prepares land-use master plans "
            "and oversees construction.</p>",
            "leadership": "<p>The ministry is led by the Minister. Each province and the "
            "capital has a Department of Land Management, Urban Planning, Construction and "
            "Cadastre, and each municipality, district and khan a cadastral office.</p>",
            "address": "Phnom Penh",
            "website": "https://www.mlmupc.gov.kh",
        },
    ),
    (
        "public-works-and-transport",
        "",
        {
            "title": "ក្រសួងសាធារណការ និងដឹកជញ្ជូន",
            "introduction": "ក្រសួងដែលគ្រប់គ្រងផ្លូវថ្នល់ ការដឹកជញ្ជូន ប័ណ្ណបើកបរ និងការចុះបញ្ជីយានយន្ត។",
            "mandate": "<p>ក្រសួងសាធារណការ និងដឹកជញ្ជូន សាងសង់ និងថែទាំផ្លូវជាតិ "
            "ចេញប័ណ្ណបើកបរ ចុះបញ្ជីយានយន្ត និងលើកកម្ពស់សុវត្ថិភាពចរាចរណ៍។</p>",
            "leadership": "<p>ក្រសួងដឹកនាំដោយរដ្ឋមន្ត្រី។ នៅរាជធានី និងខេត្តនីមួយៗ "
            "មានមន្ទីរសាធារណការ និងដឹកជញ្ជូន ដែលទទួលពាក្យស្នើសុំប័ណ្ណបើកបរ។</p>",
            "address": "រាជធានីភ្នំពេញ",
            "website": "https://www.mpwt.gov.kh",
        },
        {
            "title": "Ministry of Public Works and Transport",
            "introduction": "The ministry that manages roads and transport, driving "
            "licences and vehicle registration.",
            "mandate": "<p>The Ministry of Public Works and Transport builds and maintains "
            "national roads, issues driving licences, registers vehicles and promotes road "
            "safety.</p>",
            "leadership": "<p>The ministry is led by the Minister. Each province and the "
            "capital has a Department of Public Works and Transport, which takes "
            "applications for driving licences.</p>",
            "address": "Phnom Penh",
            "website": "https://www.mpwt.gov.kh",
        },
    ),
]

# The services each institution page lists (service slugs of the catalogue).
MINISTRY_SERVICES: dict[str, tuple[str, ...]] = {
    "interior": (
        "birth-registration", "marriage-registration", "death-registration", "family-book",
        "residence-book", "national-id-card", "certificate-of-residence",
        "passport-appointment",
    ),
    "commerce": ("business-registration",),
    "education": ("school-enrolment", "scholarship-application"),
    "economy-and-finance": ("patent-tax",),
    "land-management": ("construction-permit", "land-title-transfer"),
    "public-works-and-transport": ("motorbike-registration", "driving-licence"),
}  # fmt: skip

HOME_SERVICES = (
    "birth-registration", "national-id-card", "passport-appointment", "business-registration",
    "driving-licence", "certificate-of-residence", "land-title-transfer", "school-enrolment",
)  # fmt: skip

# --- Life events ------------------------------------------------------------------------
# (slug, service slugs, km fields, en fields); "having-a-baby" and "starting-a-business"
# are in demo.TOPICS.
LIFE_EVENTS: list[tuple[str, tuple[str, ...], dict[str, str], dict[str, str]]] = [
    ("getting-married", ("marriage-registration", "family-book"),
     {"title": "ការរៀបអាពាហ៍ពិពាហ៍",
      "introduction": "ការចុះសំបុត្រអាពាហ៍ពិពាហ៍ និងការធ្វើសៀវភៅគ្រួសារថ្មី។",
      "body": "<p>បន្ទាប់ពីពិធីមង្គលការ សូមចុះសំបុត្រអាពាហ៍ពិពាហ៍នៅសាលាឃុំ ឬសង្កាត់ "
      "ដែលប្តី ឬប្រពន្ធរស់នៅ ហើយស្នើសុំសៀវភៅគ្រួសារថ្មី។</p>"},
     {"title": "Getting married",
      "introduction": "Registering your marriage and getting a new family book.",
      "body": "<p>After the wedding, register the marriage at the commune or sangkat hall "
      "where the husband or the wife lives, and apply for a new family book.</p>"}),
    ("moving-home", ("residence-book", "certificate-of-residence"),
     {"title": "ការផ្លាស់ទីលំនៅ",
      "introduction": "ការប្តូរសៀវភៅស្នាក់នៅ និងការស្នើសុំលិខិតបញ្ជាក់ទីលំនៅ។",
      "body": "<p>ពេលផ្លាស់ទៅរស់នៅកន្លែងថ្មី សូមជូនដំណឹងទៅប៉ុស្តិ៍នគរបាលរដ្ឋបាលថ្មី "
      "ដើម្បីកែប្រែសៀវភៅស្នាក់នៅ។</p>"},
     {"title": "Moving home",
      "introduction": "Changing your residence book and getting a certificate of residence.",
      "body": "<p>When you move, tell the administrative police post of your new place so "
      "that it updates your residence book.</p>"}),
    ("starting-school", ("school-enrolment", "scholarship-application"),
     {"title": "ការចូលរៀន",
      "introduction": "ការចុះឈ្មោះកូនចូលរៀន និងការដាក់ពាក្យសុំអាហារូបករណ៍។",
      "body": "<p>ចុះឈ្មោះកូនរបស់អ្នកនៅសាលាបឋមសិក្សាជិតផ្ទះ នៅមុនឆ្នាំសិក្សាថ្មីចាប់ផ្តើម។</p>"},
     {"title": "Starting school",
      "introduction": "Enrolling your child at school and applying for a scholarship.",
      "body": "<p>Enrol your child at the nearest primary school before the new school "
      "year starts.</p>"}),
    ("death-of-a-family-member", ("death-registration", "family-book"),
     {"title": "ការបាត់បង់សមាជិកគ្រួសារ",
      "introduction": "ការចុះសំបុត្រមរណភាព និងការកែប្រែសៀវភៅគ្រួសារ។",
      "body": "<p>សូមប្រកាសមរណភាពនៅសាលាឃុំ ឬសង្កាត់ ក្នុងរយៈពេល ១៥ ថ្ងៃ "
      "ហើយកែប្រែសៀវភៅគ្រួសារ។</p>"},
     {"title": "When a family member dies",
      "introduction": "Registering the death and updating the family book.",
      "body": "<p>Declare the death at the commune or sangkat hall within 15 days, and "
      "update the family book.</p>"}),
    ("building-a-house", ("construction-permit",),
     {"title": "ការសាងសង់ផ្ទះ",
      "introduction": "ការស្នើសុំលិខិតអនុញ្ញាតសាងសង់ មុនចាប់ផ្តើមសង់។",
      "body": "<p>មុនចាប់ផ្តើមសាងសង់ សូមស្នើសុំលិខិតអនុញ្ញាតសាងសង់ "
      "នៅរដ្ឋបាលក្រុង ស្រុក ខណ្ឌ។</p>"},
     {"title": "Building a house",
      "introduction": "Applying for a construction permit before you build.",
      "body": "<p>Before building starts, apply for a construction permit at the "
      "municipal, district or khan administration.</p>"}),
    ("buying-or-selling-land", ("land-title-transfer",),
     {"title": "ការទិញ ឬលក់ដីធ្លី",
      "introduction": "ការផ្ទេរកម្មសិទ្ធិដីធ្លី និងការបង់ពន្ធប្រថាប់ត្រា។",
      "body": "<p>ពិនិត្យប័ណ្ណកម្មសិទ្ធិ មុនទិញដី ហើយធ្វើការផ្ទេរកម្មសិទ្ធិ "
      "នៅការិយាល័យសុរិយោដី។</p>"},
     {"title": "Buying or selling land",
      "introduction": "Transferring a land title and paying the transfer tax.",
      "body": "<p>Check the title certificate before you buy land, and transfer the "
      "title at the cadastral office.</p>"}),
    ("learning-to-drive", ("motorbike-registration", "driving-licence"),
     {"title": "ការបើកបរ",
      "introduction": "ការប្រឡងយកប័ណ្ណបើកបរ និងការចុះបញ្ជីម៉ូតូ។",
      "body": "<p>អ្នកបើកបរម៉ូតូលើស ១២៥ សង់ទីម៉ែត្រគូប និងរថយន្ត ត្រូវមានប័ណ្ណបើកបរ។</p>"},
     {"title": "Driving",
      "introduction": "Taking the driving test and registering a motorbike.",
      "body": "<p>Riders of motorbikes over 125 cc and drivers of cars need a driving "
      "licence.</p>"}),
    ("travelling-abroad", ("national-id-card", "passport-appointment"),
     {"title": "ការធ្វើដំណើរទៅក្រៅប្រទេស",
      "introduction": "ការធ្វើលិខិតឆ្លងដែន និងអត្តសញ្ញាណប័ណ្ណ។",
      "body": "<p>សូមធ្វើលិខិតឆ្លងដែនឱ្យបានមុនការធ្វើដំណើររបស់អ្នក "
      "ដោយណាត់ជួបតាមអនឡាញ។</p>"},
     {"title": "Travelling abroad",
      "introduction": "Getting a passport and an identity card.",
      "body": "<p>Get your passport well before you travel, with an appointment made "
      "online.</p>"}),
]  # fmt: skip

# --- Step-by-step guides ----------------------------------------------------------------
# (slug, life event slug, km fields, en fields, steps); each step is
# (km title, km text, en title, en text, service slugs, office type code or "").
GUIDES: list[tuple[str, str, dict, dict, list]] = [
    ("start-a-business", "starting-a-business",
     {"title": "ចាប់ផ្តើមអាជីវកម្ម៖ មួយជំហានម្តងៗ",
      "introduction": "ពីការចុះបញ្ជីពាណិជ្ជកម្ម ដល់ការបង់ពន្ធប៉ាតង់។"},
     {"title": "Start a business: step by step",
      "introduction": "From registering the business to paying the patent tax."},
     [("ជ្រើសរើសទម្រង់អាជីវកម្ម",
       "<p>សម្រេចថាអ្នកចុះបញ្ជីជាសហគ្រាសឯកបុគ្គល ឬជាក្រុមហ៊ុន។</p>",
       "Choose the form of your business",
       "<p>Decide whether you register as a sole proprietor or as a company.</p>", (), ""),
      ("ចុះបញ្ជីពាណិជ្ជកម្ម",
       "<p>ចុះបញ្ជីអាជីវកម្មរបស់អ្នកជាមួយក្រសួងពាណិជ្ជកម្ម តាមអនឡាញ។</p>",
       "Register the business",
       "<p>Register your business with the Ministry of Commerce online.</p>",
       ("business-registration",), ""),
      ("ចុះបញ្ជីពន្ធដារ និងបង់ពន្ធប៉ាតង់",
       "<p>ចុះបញ្ជីពន្ធដារ ហើយបង់ពន្ធប៉ាតង់ប្រចាំឆ្នាំ។</p>",
       "Register for tax and pay the patent tax",
       "<p>Register for tax and pay the yearly patent tax.</p>", ("patent-tax",), "")]),
    ("get-married", "getting-married",
     {"title": "ចុះសំបុត្រអាពាហ៍ពិពាហ៍៖ មួយជំហានម្តងៗ",
      "introduction": "ពីការប្រកាសរៀបការ ដល់ការទទួលសៀវភៅគ្រួសារថ្មី។"},
     {"title": "Register a marriage: step by step",
      "introduction": "From announcing the marriage to receiving your new family book."},
     [("ប្រកាសការរៀបការ",
       "<p>ដាក់ពាក្យប្រកាសរៀបការនៅសាលាឃុំ ឬសង្កាត់ យ៉ាងតិច ១០ ថ្ងៃមុនពិធី។</p>",
       "Announce the marriage",
       "<p>File the marriage announcement at the commune or sangkat hall at least 10 days "
       "before the wedding.</p>", (), "commune-hall"),
      ("ចុះសំបុត្រអាពាហ៍ពិពាហ៍",
       "<p>ប្តី និងប្រពន្ធ មកចុះហត្ថលេខាក្នុងបញ្ជីអាពាហ៍ពិពាហ៍ ជាមួយសាក្សីពីរនាក់។</p>",
       "Register the marriage",
       "<p>The husband and wife sign the marriage register with two witnesses.</p>",
       ("marriage-registration",), ""),
      ("ស្នើសុំសៀវភៅគ្រួសារ",
       "<p>ស្នើសុំសៀវភៅគ្រួសារថ្មីសម្រាប់គ្រួសាររបស់អ្នក។</p>",
       "Apply for a family book",
       "<p>Apply for a new family book for your household.</p>", ("family-book",), "")]),
    ("get-a-driving-licence", "learning-to-drive",
     {"title": "យកប័ណ្ណបើកបរ៖ មួយជំហានម្តងៗ",
      "introduction": "ពីការរៀនបើកបរ ដល់ការទទួលប័ណ្ណបើកបរ។"},
     {"title": "Get a driving licence: step by step",
      "introduction": "From learning to drive to receiving your licence."},
     [("រៀនច្បាប់ចរាចរណ៍ផ្លូវគោក",
       "<p>រៀនច្បាប់ចរាចរណ៍ និងសញ្ញាចរាចរណ៍ នៅសាលាបង្រៀនបើកបរ។</p>",
       "Learn the traffic law",
       "<p>Learn the traffic law and road signs at a driving school.</p>", (), ""),
      ("ដាក់ពាក្យ និងប្រឡង",
       "<p>ដាក់ពាក្យនៅមន្ទីរសាធារណការ និងដឹកជញ្ជូន ហើយប្រឡងទ្រឹស្តី និងអនុវត្ត។</p>",
       "Apply and take the test",
       "<p>Apply at the Department of Public Works and Transport and take the theory and "
       "practical tests.</p>", ("driving-licence",), ""),
      ("ចុះបញ្ជីយានយន្តរបស់អ្នក",
       "<p>ម៉ូតូ និងរថយន្តគ្រប់គ្រឿង ត្រូវមានស្លាកលេខ។</p>",
       "Register your vehicle",
       "<p>Every motorbike and car needs a number plate.</p>",
       ("motorbike-registration",), "")]),
    ("get-a-passport", "travelling-abroad",
     {"title": "ធ្វើលិខិតឆ្លងដែន៖ មួយជំហានម្តងៗ",
      "introduction": "ពីអត្តសញ្ញាណប័ណ្ណ ដល់ការទទួលលិខិតឆ្លងដែន។"},
     {"title": "Get a passport: step by step",
      "introduction": "From your identity card to collecting your passport."},
     [("ពិនិត្យអត្តសញ្ញាណប័ណ្ណរបស់អ្នក",
       "<p>អត្តសញ្ញាណប័ណ្ណរបស់អ្នក ត្រូវនៅមានសុពលភាព។</p>",
       "Check your identity card",
       "<p>Your identity card must still be valid.</p>", ("national-id-card",), ""),
      ("ណាត់ជួប",
       "<p>ណាត់ជួបតាមអនឡាញ ហើយបង់ថ្លៃសេវា។</p>",
       "Make an appointment",
       "<p>Make an appointment online and pay the fee.</p>",
       ("passport-appointment",), ""),
      ("ទទួលលិខិតឆ្លងដែន",
       "<p>មកទទួលលិខិតឆ្លងដែនដោយខ្លួនឯង ជាមួយបង្កាន់ដៃ។</p>",
       "Collect the passport",
       "<p>Collect the passport in person with your receipt.</p>", (), "")]),
]  # fmt: skip

# Service links of the "register a birth" guide's steps, by step number.
BIRTH_GUIDE_SERVICES: dict[int, tuple[str, ...]] = {2: ("birth-registration",), 3: ("family-book",)}

# --- More news --------------------------------------------------------------------------
# (slug, days ago, institution slug, topic slugs, province codes, urgent, km, en)
MORE_NEWS: list[tuple[str, int, str, tuple[str, ...], tuple[str, ...], bool, dict, dict]] = [
    ("patent-tax-deadline", 8, "economy-and-finance", ("starting-a-business",), (), False,
     {"title": "ថ្ងៃផុតកំណត់បង់ពន្ធប៉ាតង់ប្រចាំឆ្នាំ",
      "introduction": "អាជីវករត្រូវបង់ពន្ធប៉ាតង់ មុនថ្ងៃទី៣១ ខែមីនា។",
      "body": "<p>ការបង់ពន្ធយឺត នាំឱ្យមានការពិន័យ។</p>"},
     {"title": "Deadline for the yearly patent tax",
      "introduction": "Businesses must pay the patent tax before 31 March.",
      "body": "<p>Late payment brings a penalty.</p>"}),
    ("land-registration-campaign", 11, "land-management", ("buying-or-selling-land",),
     ("03",), False,
     {"title": "យុទ្ធនាការចុះបញ្ជីដីធ្លីមានលក្ខណៈប្រព័ន្ធនៅខេត្តកំពង់ចាម",
      "introduction": "ក្រុមការងារវាស់វែងដីនៅតាមភូមិ ដោយមិនគិតថ្លៃ។",
      "body": "<p>សូមមានវត្តមាននៅពេលក្រុមការងារវាស់ដីរបស់អ្នក។</p>"},
     {"title": "Systematic land registration in Kampong Cham province",
      "introduction": "Teams are measuring land village by village, free of charge.",
      "body": "<p>Please be present when the team measures your land.</p>"}),
    ("helmet-campaign", 13, "public-works-and-transport", ("learning-to-drive",), (), False,
     {"title": "ពាក់មួកសុវត្ថិភាពរាល់ពេលជិះម៉ូតូ",
      "introduction": "មួកសុវត្ថិភាពកាត់បន្ថយហានិភ័យនៃរបួសក្បាល។",
      "body": "<p>អ្នកបើកបរ និងអ្នកជិះពីក្រោយ ត្រូវពាក់មួកសុវត្ថិភាព។</p>"},
     {"title": "Wear a helmet every time you ride",
      "introduction": "A helmet lowers the risk of head injuries.",
      "body": "<p>Riders and passengers must both wear a helmet.</p>"}),
    ("driving-test-centres", 16, "public-works-and-transport", ("learning-to-drive",),
     ("17",), False,
     {"title": "មណ្ឌលប្រឡងប័ណ្ណបើកបរថ្មីនៅខេត្តសៀមរាប",
      "introduction": "បេក្ខជនអាចប្រឡងនៅខេត្ត ដោយមិនចាំបាច់ធ្វើដំណើរទៅភ្នំពេញ។",
      "body": "<p>សូមណាត់ពេលប្រឡង នៅមន្ទីរសាធារណការ និងដឹកជញ្ជូនខេត្ត។</p>"},
     {"title": "New driving test centre in Siem Reap province",
      "introduction": "Candidates can take the test in the province without travelling to "
      "Phnom Penh.",
      "body": "<p>Book the test at the provincial Department of Public Works and "
      "Transport.</p>"}),
    ("scholarships-open", 6, "education", ("education", "starting-school"), (), False,
     {"title": "បើកទទួលពាក្យសុំអាហារូបករណ៍ថ្នាក់ឧត្តមសិក្សា",
      "introduction": "សិស្សដែលប្រឡងជាប់មធ្យមសិក្សាទុតិយភូមិ អាចដាក់ពាក្យបាន។",
      "body": "<p>ពាក្យសុំទទួលរហូតដល់ចុងខែនេះ។</p>"},
     {"title": "Applications open for university scholarships",
      "introduction": "Students who passed the upper secondary examination can apply.",
      "body": "<p>Applications are accepted until the end of this month.</p>"}),
    ("school-year-start", 20, "education", ("education", "starting-school"), (), False,
     {"title": "ឆ្នាំសិក្សាថ្មីចាប់ផ្តើមនៅដើមខែវិច្ឆិកា",
      "introduction": "សាលារៀនរដ្ឋទាំងអស់ចាប់ផ្តើមឆ្នាំសិក្សាថ្មីក្នុងពេលតែមួយ។",
      "body": "<p>សូមរៀបចំសម្ភារៈសិក្សាឱ្យកូនរបស់អ្នក។</p>"},
     {"title": "The new school year starts in early November",
      "introduction": "All public schools start the new school year at the same time.",
      "body": "<p>Get your child's school things ready.</p>"}),
    ("health-centre-hours", 18, "health", ("health",), ("12",), False,
     {"title": "មណ្ឌលសុខភាពនៅរាជធានីភ្នំពេញ បើកដល់ម៉ោង ៧ យប់",
      "introduction": "មណ្ឌលសុខភាពមួយចំនួនបើកយូរជាងមុន សម្រាប់អ្នកធ្វើការ។",
      "body": "<p>សូមពិនិត្យម៉ោងបើករបស់មណ្ឌលសុខភាពជិតអ្នក នៅក្នុងបញ្ជីការិយាល័យ។</p>"},
     {"title": "Health centres in Phnom Penh open until 7 pm",
      "introduction": "Some health centres open longer for people who work.",
      "body": "<p>Check the opening hours of the health centre near you in the "
      "directory.</p>"}),
    ("heat-advice", 2, "health", ("health",), (), False,
     {"title": "ដំបូន្មានសុខភាពក្នុងរដូវក្តៅ",
      "introduction": "ផឹកទឹកឱ្យបានច្រើន ហើយជៀសវាងកម្តៅថ្ងៃត្រង់។",
      "body": "<p>មនុស្សចាស់ និងកុមារតូចៗ ងាយរងគ្រោះដោយសារកម្តៅ។</p>"},
     {"title": "Health advice for the hot season",
      "introduction": "Drink plenty of water and avoid the midday heat.",
      "body": "<p>Older people and young children are most at risk from the heat.</p>"}),
    ("id-card-renewal", 14, "interior", ("travelling-abroad",), (), False,
     {"title": "ការប្តូរអត្តសញ្ញាណប័ណ្ណដែលផុតសុពលភាព",
      "introduction": "អត្តសញ្ញាណប័ណ្ណមានសុពលភាព ១០ ឆ្នាំ។",
      "body": "<p>សូមប្តូរអត្តសញ្ញាណប័ណ្ណរបស់អ្នក នៅប៉ុស្តិ៍នគរបាលរដ្ឋបាល "
      "មុនវាផុតសុពលភាព។</p>"},
     {"title": "Renewing an expired identity card",
      "introduction": "An identity card is valid for 10 years.",
      "body": "<p>Renew your identity card at the administrative police post before it "
      "expires.</p>"}),
    ("commune-council-meeting", 4, "interior", (), ("12",), False,
     {"title": "កិច្ចប្រជុំក្រុមប្រឹក្សាសង្កាត់ បើកចំហជូនប្រជាពលរដ្ឋ",
      "introduction": "ប្រជាពលរដ្ឋអាចចូលរួម និងផ្តល់យោបល់លើគម្រោងអភិវឌ្ឍន៍សង្កាត់។",
      "body": "<p>សូមសាកសួរសាលាសង្កាត់របស់អ្នក អំពីកាលបរិច្ឆេទប្រជុំ។</p>"},
     {"title": "Sangkat council meetings open to the public",
      "introduction": "Residents can attend and comment on the sangkat's development "
      "projects.",
      "body": "<p>Ask your sangkat hall for the meeting dates.</p>"}),
    ("fertiliser-prices", 9, "agriculture", ("farming",), (), False,
     {"title": "តម្លៃជីនៅទីផ្សារក្នុងស្រុក",
      "introduction": "ក្រសួងតាមដានតម្លៃជី ដើម្បីការពារកសិករ។",
      "body": "<p>សូមទិញជីពីអ្នកលក់ដែលមានអាជ្ញាប័ណ្ណ ហើយពិនិត្យស្លាកសញ្ញា។</p>"},
     {"title": "Fertiliser prices in local markets",
      "introduction": "The ministry follows fertiliser prices to protect farmers.",
      "body": "<p>Buy fertiliser from licensed sellers and check the label.</p>"}),
    ("fishing-closed-season", 21, "agriculture", ("farming",), ("03",), False,
     {"title": "រដូវបិទនេសាទក្នុងទឹកសាប",
      "introduction": "ការនេសាទត្រូវបានហាមឃាត់ក្នុងរដូវពងកូនរបស់ត្រី។",
      "body": "<p>ការនេសាទគ្រួសារខ្នាតតូច នៅតែអនុញ្ញាត។</p>"},
     {"title": "Closed season for freshwater fishing",
      "introduction": "Fishing is banned while the fish spawn.",
      "body": "<p>Small-scale family fishing is still allowed.</p>"}),
    ("internet-safety", 17, "mptc", (), (), False,
     {"title": "ការពារខ្លួនពីការបោកប្រាស់តាមអនឡាញ",
      "introduction": "កុំចែករំលែកលេខកូដដែលអ្នកទទួលតាមសារ SMS ជាមួយនរណាម្នាក់។",
      "body": "<p>មន្ត្រីរាជការមិនដែលសុំលេខកូដ ឬពាក្យសម្ងាត់របស់អ្នកតាមទូរស័ព្ទទេ។</p>"},
     {"title": "Protect yourself from online scams",
      "introduction": "Never share a code you received by SMS with anyone.",
      "body": "<p>Civil servants never ask for your codes or passwords by phone.</p>"}),
    ("postal-code-system", 22, "mptc", (), (), False,
     {"title": "ប្រព័ន្ធលេខកូដប្រៃសណីយ៍ថ្មី",
      "introduction": "លេខកូដប្រៃសណីយ៍ជួយឱ្យសំបុត្រ និងកញ្ចប់ទៅដល់ត្រឹមត្រូវ។",
      "body": "<p>សូមសរសេរលេខកូដប្រៃសណីយ៍ នៅលើអាសយដ្ឋានរបស់អ្នក។</p>"},
     {"title": "A new postal code system",
      "introduction": "Postal codes help letters and parcels reach the right place.",
      "body": "<p>Write the postal code in your address.</p>"}),
    ("trademark-registration", 19, "commerce", ("starting-a-business",), (), False,
     {"title": "ការចុះបញ្ជីម៉ាកពាណិជ្ជកម្ម",
      "introduction": "ការពារឈ្មោះ និងស្លាកសញ្ញារបស់អាជីវកម្មអ្នក។",
      "body": "<p>ម៉ាកពាណិជ្ជកម្មដែលបានចុះបញ្ជី មានសុពលភាព ១០ ឆ្នាំ។</p>"},
     {"title": "Registering a trademark",
      "introduction": "Protect the name and logo of your business.",
      "body": "<p>A registered trademark is valid for 10 years.</p>"}),
]  # fmt: skip
