"""Application forms of the demo catalogue (definitions as administrators would write them)."""

from __future__ import annotations

from typing import Any


def t(en: str, km: str) -> dict[str, str]:
    return {"km": km, "en": en}


def field(key: str, kind: str, en: str, km: str, **options: Any) -> dict[str, Any]:
    return {"key": key, "type": kind, "label": t(en, km), **options}


def choice(key: str, en: str, km: str, choices: list[tuple[str, str, str]], **options) -> dict:
    return field(
        key, "choice", en, km, choices=[{"value": v, "label": t(e, k)} for v, e, k in choices],
        **options,
    )  # fmt: skip


def page(key: str, en: str, km: str, fields: list[dict], **options: Any) -> dict[str, Any]:
    return {"key": key, "title": t(en, km), "fields": fields, **options}


def applicant_page(with_address: bool = True) -> dict[str, Any]:
    fields = [
        field("applicant_name", "person_name", "Your name", "ឈ្មោះរបស់អ្នក",
              source="population.name"),
        field("applicant_id", "national_id", "Your national ID card number",
              "លេខអត្តសញ្ញាណប័ណ្ណរបស់អ្នក", source="account.national_id",
              help=t("The 9 to 12 digits on the front of the card.",
                     "លេខ ៩ ដល់ ១២ ខ្ទង់ នៅខាងមុខប័ណ្ណ។")),
        field("applicant_phone", "phone", "Your mobile number", "លេខទូរស័ព្ទដៃរបស់អ្នក",
              source="account.phone", help=t("We send you a text message when something changes.",
                     "យើងនឹងផ្ញើសារទៅអ្នក នៅពេលមានការផ្លាស់ប្ដូរ។")),
        field("applicant_email", "email", "Your email address", "អាសយដ្ឋានអ៊ីមែលរបស់អ្នក",
              required=False, source="account.email"),
    ]  # fmt: skip
    if with_address:
        fields.append(
            field("home_village", "area", "The village where you live", "ភូមិដែលអ្នករស់នៅ",
                  help=t("Type the name or the code of your village.",
                         "វាយឈ្មោះ ឬលេខកូដភូមិរបស់អ្នក។"))
        )  # fmt: skip
    return page("applicant", "About you", "អំពីអ្នក", fields)


DECLARATION = t(
    "I declare that the information I have given is true and complete. I understand that "
    "giving false information to obtain a public service is an offence.",
    "ខ្ញុំសូមប្រកាសថា ព័ត៌មានដែលខ្ញុំបានផ្ដល់ជូននេះ ពិតប្រាកដ និងគ្រប់គ្រាន់។ ខ្ញុំយល់ថា "
    "ការផ្ដល់ព័ត៌មានមិនពិត ដើម្បីទទួលបានសេវាសាធារណៈ គឺជាបទល្មើស។",
)
SEX = [("male", "Male", "ប្រុស"), ("female", "Female", "ស្រី")]
PROOF = ["image/jpeg", "image/png", "application/pdf"]

BIRTH_REGISTRATION = {
    "pages": [
        page("child", "About the child", "អំពីកុមារ", [
            field("child_name", "person_name", "The child's name", "ឈ្មោះកុមារ"),
            choice("child_sex", "Sex", "ភេទ", SEX),
            field("date_of_birth", "date", "Date of birth", "ថ្ងៃខែឆ្នាំកំណើត",
                  not_after_today=True),
            choice("place_of_birth", "Where was the child born?", "តើកុមារកើតនៅឯណា?", [
                ("health_facility", "At a hospital or health centre",
                 "នៅមន្ទីរពេទ្យ ឬមណ្ឌលសុខភាព"),
                ("home", "At home", "នៅផ្ទះ"),
                ("other", "Somewhere else", "នៅកន្លែងផ្សេង"),
            ]),
            field("birth_village", "area", "Village of birth", "ភូមិកំណើត",
                  help=t("Type the name or the code of the village.",
                         "វាយឈ្មោះ ឬលេខកូដភូមិ។")),
        ]),
        page("facility", "The health facility", "មូលដ្ឋានសុខាភិបាល", [
            field("facility_name", "text", "Name of the hospital or health centre",
                  "ឈ្មោះមន្ទីរពេទ្យ ឬមណ្ឌលសុខភាព", max_length=200),
        ], when={"field": "place_of_birth", "equals": "health_facility"}),
        page("mother", "The mother", "ម្ដាយ", [
            field("mother_name", "person_name", "The mother's name", "ឈ្មោះម្ដាយ"),
            field("mother_id", "national_id", "The mother's national ID card number",
                  "លេខអត្តសញ្ញាណប័ណ្ណរបស់ម្ដាយ", required=False),
            field("mother_birth_date", "date", "The mother's date of birth",
                  "ថ្ងៃខែឆ្នាំកំណើតរបស់ម្ដាយ", not_after_today=True),
            field("father_known", "yes_no", "Is the father to be registered?",
                  "តើត្រូវចុះឈ្មោះឪពុកដែរឬទេ?"),
        ]),
        page("father", "The father", "ឪពុក", [
            field("father_name", "person_name", "The father's name", "ឈ្មោះឪពុក"),
            field("father_id", "national_id", "The father's national ID card number",
                  "លេខអត្តសញ្ញាណប័ណ្ណរបស់ឪពុក", required=False),
            field("father_birth_date", "date", "The father's date of birth",
                  "ថ្ងៃខែឆ្នាំកំណើតរបស់ឪពុក", not_after_today=True),
        ], when={"field": "father_known", "equals": True}),
        page("informant", "Who is applying", "អ្នកដាក់ពាក្យ", [
            choice("relationship", "Your relationship to the child", "ទំនាក់ទំនងរបស់អ្នកជាមួយកុមារ", [
                ("mother", "Mother", "ម្ដាយ"), ("father", "Father", "ឪពុក"),
                ("grandparent", "Grandparent", "ជីដូនជីតា"),
                ("guardian", "Guardian", "អាណាព្យាបាល"),
            ], widget="select"),
            field("applicant_phone", "phone", "Your mobile number", "លេខទូរស័ព្ទដៃរបស់អ្នក"),
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("birth_notice", "file", "Birth notice", "លិខិតបញ្ជាក់កំណើត",
                  help=t("The notice from the hospital or health centre, or the village "
                         "chief's letter for a birth at home. A photo or a PDF.",
                         "លិខិតពីមន្ទីរពេទ្យ ឬមណ្ឌលសុខភាព ឬលិខិតមេភូមិ សម្រាប់ការសម្រាលនៅផ្ទះ។ "
                         "រូបថត ឬ PDF។"),
                  accept=PROOF, max_size_mb=5, max_files=2),
            field("parents_ids", "file", "Copies of the parents' ID cards",
                  "ច្បាប់ចម្លងអត្តសញ្ញាណប័ណ្ណរបស់ឪពុកម្ដាយ", accept=PROOF, max_size_mb=5,
                  max_files=4, required=False),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "birth_village",
}  # fmt: skip

MARRIAGE_REGISTRATION = {
    "pages": [
        page("spouses", "The couple", "គូស្វាមីភរិយា", [
            field("husband_name", "person_name", "The husband's name", "ឈ្មោះស្វាមី"),
            field("husband_id", "national_id", "The husband's national ID card number",
                  "លេខអត្តសញ្ញាណប័ណ្ណរបស់ស្វាមី"),
            field("wife_name", "person_name", "The wife's name", "ឈ្មោះភរិយា"),
            field("wife_id", "national_id", "The wife's national ID card number",
                  "លេខអត្តសញ្ញាណប័ណ្ណរបស់ភរិយា"),
        ]),
        page("wedding", "The wedding", "ពិធីអាពាហ៍ពិពាហ៍", [
            field("wedding_date", "date", "Date of the wedding", "កាលបរិច្ឆេទរៀបអាពាហ៍ពិពាហ៍"),
            field("residence_village", "area", "Village where the couple will live",
                  "ភូមិដែលគូស្វាមីភរិយានឹងរស់នៅ"),
        ]),
        page("witnesses", "Witnesses", "សាក្សី", [
            {"key": "witnesses", "type": "group", "label": t("Witnesses", "សាក្សី"),
             "item_label": t("Witness", "សាក្សី"), "min_items": 2, "max_items": 4,
             "help": t("Two adult witnesses who know the couple.",
                       "សាក្សីពេញវ័យពីរនាក់ ដែលស្គាល់គូស្វាមីភរិយា។"),
             "fields": [
                 field("witness_name", "text", "Name", "ឈ្មោះ", max_length=120),
                 field("witness_id", "national_id", "National ID card number",
                       "លេខអត្តសញ្ញាណប័ណ្ណ"),
             ]},
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("marriage_documents", "file", "Birth certificates and residence proof",
                  "សំបុត្រកំណើត និងលិខិតបញ្ជាក់ទីលំនៅ", accept=PROOF, max_size_mb=5,
                  max_files=4),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "residence_village",
}  # fmt: skip

DEATH_REGISTRATION = {
    "pages": [
        page("deceased", "The person who died", "អ្នកទទួលមរណភាព", [
            field("deceased_name", "person_name", "Their name", "ឈ្មោះ"),
            choice("deceased_sex", "Sex", "ភេទ", SEX),
            field("deceased_id", "national_id", "Their national ID card number",
                  "លេខអត្តសញ្ញាណប័ណ្ណ", required=False),
            field("date_of_death", "date", "Date of death", "កាលបរិច្ឆេទមរណភាព",
                  not_after_today=True),
            field("death_village", "area", "Village where they died", "ភូមិដែលបានទទួលមរណភាព"),
            choice("cause", "Cause of death", "មូលហេតុនៃមរណភាព", [
                ("illness", "Illness", "ជំងឺ"), ("old_age", "Old age", "ជរាពាធ"),
                ("accident", "Accident", "គ្រោះថ្នាក់"), ("other", "Other", "ផ្សេងៗ"),
            ]),
        ]),
        page("informant", "Who is applying", "អ្នកដាក់ពាក្យ", [
            field("applicant_name", "person_name", "Your name", "ឈ្មោះរបស់អ្នក"),
            field("relationship", "text", "Your relationship to them",
                  "ទំនាក់ទំនងរបស់អ្នកជាមួយអ្នកស្លាប់", max_length=60),
            field("applicant_phone", "phone", "Your mobile number", "លេខទូរស័ព្ទដៃរបស់អ្នក"),
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("death_notice", "file", "Death notice", "លិខិតបញ្ជាក់មរណភាព",
                  help=t("From the hospital, or the village chief's letter.",
                         "ពីមន្ទីរពេទ្យ ឬលិខិតមេភូមិ។"), accept=PROOF, max_files=2),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "death_village",
}  # fmt: skip

HOUSEHOLD_MEMBERS = {
    "key": "members", "type": "group", "label": t("Members of the household", "សមាជិកគ្រួសារ"),
    "item_label": t("Member", "សមាជិក"), "max_items": 15,
    "fields": [
        field("member_name", "text", "Name", "ឈ្មោះ", max_length=120),
        choice("member_sex", "Sex", "ភេទ", SEX),
        field("member_birth_date", "date", "Date of birth", "ថ្ងៃខែឆ្នាំកំណើត",
              not_after_today=True),
        field("member_relation", "text", "Relationship to the head of the household",
              "ត្រូវជាអ្វីនឹងមេគ្រួសារ", max_length=60),
    ],
}  # fmt: skip

FAMILY_BOOK = {
    "pages": [
        applicant_page(),
        page("household", "Your household", "គ្រួសាររបស់អ្នក", [
            choice("request", "What do you need?", "តើអ្នកត្រូវការអ្វី?", [
                ("new", "A new family book", "សៀវភៅគ្រួសារថ្មី"),
                ("update", "To add or remove a member", "បន្ថែម ឬដកសមាជិក"),
                ("replace", "A replacement for a lost or damaged book",
                 "សៀវភៅជំនួស ព្រោះបាត់ ឬខូច"),
            ]),
            HOUSEHOLD_MEMBERS,
        ]),
        page("lost", "The lost book", "សៀវភៅដែលបាត់", [
            field("loss_report", "file", "Police report of the loss",
                  "របាយការណ៍បាត់បង់ពីនគរបាល", accept=PROOF),
        ], when={"field": "request", "equals": "replace"}),
        page("documents", "Documents", "ឯកសារ", [
            field("ids", "file", "ID cards or birth certificates of the members",
                  "អត្តសញ្ញាណប័ណ្ណ ឬសំបុត្រកំណើតរបស់សមាជិក", accept=PROOF, max_files=10),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "home_village",
}  # fmt: skip

RESIDENCE_BOOK = {
    "pages": [
        applicant_page(),
        page("stay", "Where you stay", "កន្លែងស្នាក់នៅ", [
            choice("housing", "Your home is", "ផ្ទះរបស់អ្នកជា", [
                ("owned", "Owned by you or your family", "កម្មសិទ្ធិរបស់អ្នក ឬគ្រួសារ"),
                ("rented", "Rented", "ផ្ទះជួល"),
            ]),
            field("moved_in", "date", "When you moved in", "កាលបរិច្ឆេទចូលស្នាក់នៅ",
                  not_after_today=True),
            HOUSEHOLD_MEMBERS,
        ]),
        page("landlord", "The owner of the home", "ម្ចាស់ផ្ទះ", [
            field("landlord_name", "text", "The owner's name", "ឈ្មោះម្ចាស់ផ្ទះ", max_length=120),
            field("landlord_phone", "phone", "The owner's mobile number",
                  "លេខទូរស័ព្ទដៃរបស់ម្ចាស់ផ្ទះ"),
        ], when={"field": "housing", "equals": "rented"}),
    ],
    "declaration": DECLARATION,
    "area_field": "home_village",
}  # fmt: skip

CERTIFICATE_OF_RESIDENCE = {
    "pages": [
        applicant_page(),
        page("purpose", "What it is for", "គោលបំណង", [
            choice("purpose", "What do you need the certificate for?",
                   "តើអ្នកត្រូវការលិខិតបញ្ជាក់សម្រាប់អ្វី?", [
                ("bank", "A bank or microfinance loan", "កម្ចីធនាគារ ឬមីក្រូហិរញ្ញវត្ថុ"),
                ("job", "A job application", "ដាក់ពាក្យធ្វើការ"),
                ("school", "School enrolment", "ចុះឈ្មោះចូលរៀន"),
                ("other", "Something else", "ផ្សេងៗ"),
            ]),
            field("years_at_address", "number", "How many years have you lived there?",
                  "តើអ្នករស់នៅទីនោះរយៈពេលប៉ុន្មានឆ្នាំ?", min=0, max=120),
        ]),
        page("purpose_other", "What it is for", "គោលបំណង", [
            field("purpose_other", "text", "Tell us what you need the certificate for",
                  "សូមប្រាប់ពីគោលបំណងដែលអ្នកត្រូវការលិខិតបញ្ជាក់", max_length=200),
        ], when={"field": "purpose", "equals": "other"}),
    ],
    "declaration": DECLARATION,
    "area_field": "home_village",
}  # fmt: skip

BUSINESS_REGISTRATION = {
    "pages": [
        applicant_page(with_address=False),
        page("business", "The business", "អាជីវកម្ម", [
            field("business_name_km", "text", "Name of the business in Khmer",
                  "ឈ្មោះអាជីវកម្មជាភាសាខ្មែរ", max_length=200),
            field("business_name_en", "text", "Name of the business in English",
                  "ឈ្មោះអាជីវកម្មជាភាសាអង់គ្លេស", max_length=200),
            choice("business_type", "Kind of business", "ប្រភេទអាជីវកម្ម", [
                ("sole", "Sole proprietorship", "សហគ្រាសឯកបុគ្គល"),
                ("private_limited", "Private limited company", "ក្រុមហ៊ុនឯកជនទទួលខុសត្រូវមានកម្រិត"),
                ("single_member", "Single-member private limited company",
                 "សហគ្រាសឯកបុគ្គលទទួលខុសត្រូវមានកម្រិត"),
            ]),
            choice("activities", "Main activities", "សកម្មភាពចម្បង", [
                ("retail", "Retail trade", "ពាណិជ្ជកម្មលក់រាយ"),
                ("food", "Restaurants and food", "ភោជនីយដ្ឋាន និងម្ហូបអាហារ"),
                ("manufacturing", "Manufacturing", "កម្មន្តសាល"),
                ("services", "Services", "សេវាកម្ម"),
                ("agriculture", "Agriculture", "កសិកម្ម"),
            ], widget="checkboxes"),
            field("capital", "number", "Registered capital in riel", "ដើមទុនចុះបញ្ជី (រៀល)",
                  min=0),
            field("business_village", "area", "Where the business is", "ទីតាំងអាជីវកម្ម"),
        ]),
        page("shareholders", "Shareholders", "ម្ចាស់ភាគហ៊ុន", [
            {"key": "shareholders", "type": "group", "label": t("Shareholders", "ម្ចាស់ភាគហ៊ុន"),
             "item_label": t("Shareholder", "ម្ចាស់ភាគហ៊ុន"), "max_items": 10,
             "fields": [
                 field("shareholder_name", "text", "Name", "ឈ្មោះ", max_length=120),
                 field("shareholder_id", "national_id", "National ID card number",
                       "លេខអត្តសញ្ញាណប័ណ្ណ"),
                 field("shares", "number", "Share in percent", "ភាគហ៊ុនគិតជាភាគរយ",
                       min=0, max=100, decimals=2),
             ]},
        ], when={"field": "business_type", "equals": "private_limited"}),
        page("documents", "Documents", "ឯកសារ", [
            field("articles", "file", "Articles of incorporation", "លក្ខន្តិកៈក្រុមហ៊ុន",
                  accept=["application/pdf"], max_size_mb=10,
                  when={"field": "business_type", "not_equals": "sole"}),
            field("owner_photo", "file", "Photo of the owner or director",
                  "រូបថតម្ចាស់ ឬនាយក", accept=["image/jpeg", "image/png"], max_size_mb=2),
        ]),
    ],
    "declaration": DECLARATION,
}  # fmt: skip

# Once-only: the company's name and directors come from the business register (CamDX),
# asked about the number given on the first page; the person checks and confirms them.
ANNUAL_DECLARATION = {
    "pages": [
        page("company_number", "Your company", "ក្រុមហ៊ុនរបស់អ្នក", [
            field("company_number", "text", "Registration number of the company",
                  "លេខចុះបញ្ជីក្រុមហ៊ុន", pattern=r"[0-9]{8}",
                  pattern_message=t("Enter the 8 digits on the certificate of incorporation, "
                                    "e.g. 00012345.",
                                    "សូមបញ្ចូលលេខ ៨ ខ្ទង់ ដូចមានក្នុងវិញ្ញាបនបត្រចុះបញ្ជី ឧ. 00012345។")),
        ]),
        page("company", "The company on the register", "ក្រុមហ៊ុនក្នុងបញ្ជី", [
            field("company_name", "text", "Name of the company", "ឈ្មោះក្រុមហ៊ុន",
                  max_length=200, source="business.name", record_field="company_number"),
            field("directors", "long_text", "Directors, one a line", "នាយក ម្នាក់មួយបន្ទាត់",
                  source="business.directors", record_field="company_number"),
            choice("still_trading", "Is the company still trading?",
                   "តើក្រុមហ៊ុននៅតែធ្វើអាជីវកម្មឬទេ?", [
                       ("yes", "Yes", "បាទ/ចាស"), ("no", "No, it has stopped", "ទេ បានឈប់ហើយ"),
                   ]),
        ]),
        page("applicant", "About you", "អំពីអ្នក", [
            field("applicant_name", "person_name", "Your name", "ឈ្មោះរបស់អ្នក",
                  source="account.name"),
            field("applicant_phone", "phone", "Your mobile number", "លេខទូរស័ព្ទដៃរបស់អ្នក",
                  source="account.phone"),
        ]),
    ],
    "declaration": DECLARATION,
}  # fmt: skip

PATENT_TAX = {
    "pages": [
        applicant_page(with_address=False),
        page("business", "Your business", "អាជីវកម្មរបស់អ្នក", [
            field("tin", "text", "Tax identification number (TIN)", "លេខអត្តសញ្ញាណកម្មសារពើពន្ធ",
                  pattern=r"[A-Z0-9\-]{9,15}",
                  pattern_message=t("Enter the TIN as printed on your tax certificate, e.g. "
                                    "K001-123456789.",
                                    "សូមបញ្ចូលលេខ TIN ដូចមានក្នុងវិញ្ញាបនបត្រពន្ធ ឧ. K001-123456789។")),
            choice("taxpayer_size", "Size of taxpayer", "ប្រភេទអ្នកជាប់ពន្ធ", [
                ("small", "Small taxpayer", "អ្នកជាប់ពន្ធតូច"),
                ("medium", "Medium taxpayer", "អ្នកជាប់ពន្ធមធ្យម"),
                ("large", "Large taxpayer", "អ្នកជាប់ពន្ធធំ"),
            ]),
            field("tax_year", "number", "Tax year", "ឆ្នាំជាប់ពន្ធ", min=2020, max=2100),
            field("business_village", "area", "Where the business is", "ទីតាំងអាជីវកម្ម"),
        ]),
    ],
    "declaration": DECLARATION,
}  # fmt: skip

VEHICLE_PAGES = [
    page("vehicle", "The motorbike", "ម៉ូតូ", [
        field("make", "text", "Make and model", "ម៉ាក និងម៉ូដែល", max_length=80),
        field("engine_cc", "number", "Engine size (cc)", "ទំហំម៉ាស៊ីន (cc)", min=49, max=2000),
        field("chassis", "text", "Chassis number", "លេខតួ", max_length=30),
        field("engine_number", "text", "Engine number", "លេខម៉ាស៊ីន", max_length=30),
        choice("acquired", "How did you get it?", "តើអ្នកទទួលបានវាដោយរបៀបណា?", [
            ("new", "Bought new", "ទិញថ្មី"), ("used", "Bought used", "ទិញមួយទឹក"),
            ("gift", "Gift or inheritance", "អំណោយ ឬមរតក"),
        ]),
    ]),
    page("documents", "Documents", "ឯកសារ", [
        field("invoice", "file", "Sales invoice or deed of transfer",
              "វិក្កយបត្រលក់ ឬលិខិតផ្ទេរកម្មសិទ្ធិ", accept=PROOF, max_files=2),
        field("customs", "file", "Customs or tax receipt", "បង្កាន់ដៃគយ ឬពន្ធ",
              accept=PROOF, when={"field": "acquired", "equals": "new"}),
    ]),
]  # fmt: skip

MOTORBIKE_REGISTRATION = {
    "pages": [applicant_page(), *VEHICLE_PAGES],
    "declaration": DECLARATION,
    "area_field": "home_village",
}

DRIVING_LICENCE = {
    "pages": [
        applicant_page(),
        page("licence", "The licence", "ប័ណ្ណបើកបរ", [
            choice("category", "Category", "ប្រភេទ", [
                ("a1", "A1: motorbike up to 125 cc", "A1៖ ម៉ូតូរហូតដល់ ១២៥ cc"),
                ("a", "A: motorbike over 125 cc", "A៖ ម៉ូតូលើសពី ១២៥ cc"),
                ("b", "B: car", "B៖ រថយន្ត"),
            ]),
            choice("request", "What do you need?", "តើអ្នកត្រូវការអ្វី?", [
                ("first", "A first licence (after the test)", "ប័ណ្ណលើកដំបូង (ក្រោយការប្រឡង)"),
                ("renewal", "To renew my licence", "បន្តសុពលភាពប័ណ្ណ"),
            ]),
            field("old_licence", "text", "Number of your current licence",
                  "លេខប័ណ្ណបើកបរបច្ចុប្បន្ន", max_length=20, required=False,
                  help=t("Only if you renew it.", "សម្រាប់តែការបន្តសុពលភាពប៉ុណ្ណោះ។")),
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("photo", "file", "Passport-style photo", "រូបថតទំហំលិខិតឆ្លងដែន",
                  accept=["image/jpeg", "image/png"], max_size_mb=2),
            field("medical", "file", "Medical certificate", "លិខិតបញ្ជាក់សុខភាព", accept=PROOF),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "home_village",
}  # fmt: skip

PASSPORT_APPOINTMENT = {
    "pages": [
        applicant_page(with_address=False),
        page("passport", "The passport", "លិខិតឆ្លងដែន", [
            choice("request", "What do you need?", "តើអ្នកត្រូវការអ្វី?", [
                ("first", "A first passport", "លិខិតឆ្លងដែនលើកដំបូង"),
                ("renewal", "A new passport to replace an expired one",
                 "លិខិតឆ្លងដែនថ្មី ជំនួសលិខិតឆ្លងដែនផុតសុពលភាព"),
                ("lost", "A replacement for a lost passport", "លិខិតឆ្លងដែនជំនួសលិខិតដែលបាត់"),
            ]),
            field("old_passport", "text", "Number of the old passport",
                  "លេខលិខិតឆ្លងដែនចាស់", max_length=12, required=False,
                  help=t("If you had a passport before.", "ប្រសិនបើអ្នកធ្លាប់មានលិខិតឆ្លងដែន។")),
            choice("speed", "Service", "សេវា", [
                ("normal", "Normal", "ធម្មតា"), ("express", "Express", "បន្ទាន់"),
            ]),
            field("appointment_date", "date", "Preferred appointment date",
                  "កាលបរិច្ឆេទណាត់ជួបដែលចង់បាន", not_before_today=True),
            choice("appointment_time", "Preferred time", "ពេលវេលាដែលចង់បាន", [
                ("morning", "Morning (8:00-11:00)", "ពេលព្រឹក (៨:០០-១១:០០)"),
                ("afternoon", "Afternoon (14:00-16:30)", "ពេលរសៀល (១៤:០០-១៦:៣០)"),
            ]),
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("id_copy", "file", "Copy of your national ID card",
                  "ច្បាប់ចម្លងអត្តសញ្ញាណប័ណ្ណរបស់អ្នក", accept=PROOF, max_files=2),
        ]),
    ],
    "declaration": DECLARATION,
}  # fmt: skip

SCHOOL_ENROLMENT = {
    "pages": [
        applicant_page(),
        page("children", "The children", "កុមារ", [
            {"key": "children", "type": "group", "label": t("Children to enrol", "កុមារដែលត្រូវចុះឈ្មោះ"),
             "item_label": t("Child", "កុមារ"), "max_items": 6,
             "fields": [
                 field("child_name", "text", "Name", "ឈ្មោះ", max_length=120),
                 choice("child_sex", "Sex", "ភេទ", SEX),
                 field("child_birth_date", "date", "Date of birth", "ថ្ងៃខែឆ្នាំកំណើត",
                       not_after_today=True),
                 choice("grade", "Grade", "ថ្នាក់ទី", [
                     ("preschool", "Pre-school", "មត្តេយ្យ"), ("1", "Grade 1", "ថ្នាក់ទី ១"),
                     ("7", "Grade 7", "ថ្នាក់ទី ៧"), ("10", "Grade 10", "ថ្នាក់ទី ១០"),
                 ], widget="select"),
             ]},
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("birth_certificates", "file", "Birth certificates of the children",
                  "សំបុត្រកំណើតរបស់កុមារ", accept=PROOF, max_files=6),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "home_village",
}  # fmt: skip

SCHOLARSHIP_APPLICATION = {
    "pages": [
        applicant_page(),
        page("studies", "Your studies", "ការសិក្សារបស់អ្នក", [
            field("school_name", "text", "Your upper secondary school",
                  "វិទ្យាល័យរបស់អ្នក", max_length=200),
            field("grade_12_result", "choice", "Grade of your upper secondary certificate",
                  "និទ្ទេសសញ្ញាបត្រមធ្យមសិក្សាទុតិយភូមិ",
                  choices=[{"value": g, "label": t(g, g)} for g in "A B C D E".split()]),
            choice("field", "What do you want to study?", "តើអ្នកចង់សិក្សាអ្វី?", [
                ("stem", "Science, technology, engineering or mathematics",
                 "វិទ្យាសាស្ត្រ បច្ចេកវិទ្យា វិស្វកម្ម ឬគណិតវិទ្យា"),
                ("health", "Health sciences", "វិទ្យាសាស្ត្រសុខាភិបាល"),
                ("education", "Teacher training", "គរុកោសល្យ"),
                ("agriculture", "Agriculture", "កសិកម្ម"),
                ("other", "Another field", "ជំនាញផ្សេង"),
            ]),
            field("poor_household", "yes_no", "Does your household hold an IDPoor card?",
                  "តើគ្រួសាររបស់អ្នកមានប័ណ្ណសមធម៌ (IDPoor) ដែរឬទេ?"),
            field("idpoor_number", "text", "IDPoor card number", "លេខប័ណ្ណសមធម៌",
                  max_length=30, required=False,
                  help=t("If your household has one.", "ប្រសិនបើគ្រួសាររបស់អ្នកមាន។")),
            field("motivation", "long_text", "Why should you receive the scholarship?",
                  "ហេតុអ្វីបានជាអ្នកគួរទទួលបានអាហារូបករណ៍?", max_length=2000),
        ]),
        page("documents", "Documents", "ឯកសារ", [
            field("certificate", "file", "Your upper secondary certificate or result slip",
                  "សញ្ញាបត្រ ឬលទ្ធផលប្រឡងមធ្យមសិក្សាទុតិយភូមិ", accept=PROOF),
            field("idpoor_card", "file", "Your household's IDPoor card", "ប័ណ្ណសមធម៌របស់គ្រួសារ",
                  accept=PROOF, when={"field": "poor_household", "equals": True}),
        ]),
    ],
    "declaration": DECLARATION,
    "area_field": "home_village",
}  # fmt: skip

FORMS = {
    "birth-registration": BIRTH_REGISTRATION,
    "marriage-registration": MARRIAGE_REGISTRATION,
    "death-registration": DEATH_REGISTRATION,
    "family-book": FAMILY_BOOK,
    "residence-book": RESIDENCE_BOOK,
    "certificate-of-residence": CERTIFICATE_OF_RESIDENCE,
    "business-registration": BUSINESS_REGISTRATION,
    "business-annual-declaration": ANNUAL_DECLARATION,
    "patent-tax": PATENT_TAX,
    "motorbike-registration": MOTORBIKE_REGISTRATION,
    "driving-licence": DRIVING_LICENCE,
    "passport-appointment": PASSPORT_APPOINTMENT,
    "school-enrolment": SCHOOL_ENROLMENT,
    "scholarship-application": SCHOLARSHIP_APPLICATION,
}
