"""The commodities, units and grades the portal starts with (seeded by the app's data
migration; administrators add more in the Django admin). Each commodity's `typical` price
in riel per its unit is what the demo and benchmark series start from."""

from __future__ import annotations

PROVINCIAL_ROLE = "provincial-market-officer"

ROLES = [
    (
        PROVINCIAL_ROLE,
        "មន្ត្រីព័ត៌មានទីផ្សារថ្នាក់ខេត្ត",
        "Provincial market officer",
        "ពិនិត្យតម្លៃដែលខុសប្រក្រតី និងនាំចូលតម្លៃពីឯកសារ សម្រាប់ផ្សារក្នុងខេត្ត។",
        "Reviews unusual prices and imports price files for the markets of the province.",
    ),
]

CATEGORIES = [
    ("cereals", "ធញ្ញជាតិ និងគ្រាប់ធញ្ញជាតិ", "Cereals and pulses"),
    ("industrial-crops", "ដំណាំឧស្សាហកម្ម", "Industrial crops"),
    ("vegetables", "បន្លែ", "Vegetables"),
    ("fruit", "ផ្លែឈើ", "Fruit"),
    ("livestock", "សត្វ សាច់ និងពង", "Livestock, meat and eggs"),
    ("fish", "ត្រី និងបង្គា", "Fish and prawns"),
]

# code, Khmer, English, kilograms (None: sold by count)
UNITS = [
    ("kg", "គីឡូក្រាម", "kilogram", "1"),
    ("tonne", "តោន", "tonne", "1000"),
    ("thang", "ថាំង (ស្រូវ)", "thang of paddy", "12"),
    ("head", "ក្បាល", "head", None),
    ("bunch", "ស្និត", "bunch", None),
    ("piece", "គ្រាប់", "piece", None),
]

GRADES = [
    ("grade-1", "ថ្នាក់ទី១", "First grade"),
    ("grade-2", "ថ្នាក់ទី២", "Second grade"),
    ("mixed", "ចម្រុះ", "Mixed grades"),
]

# code, category, Khmer, English, unit, main price type, typical riel per unit
COMMODITIES = [
    ("paddy-white", "cereals", "ស្រូវស", "White paddy", "thang", "farm-gate", 13200),
    ("paddy-fragrant", "cereals", "ស្រូវក្រអូប", "Fragrant paddy", "kg", "farm-gate", 1400),
    ("rice-mixed", "cereals", "អង្ករចម្រុះ", "Mixed rice", "kg", "retail", 2600),
    ("rice-jasmine", "cereals", "អង្ករផ្កាម្លិះ", "Jasmine rice", "kg", "retail", 3800),
    ("rice-sen-kra-ob", "cereals", "អង្ករសែនក្រអូប", "Sen Kra Ob rice", "kg", "retail", 3400),
    ("maize", "cereals", "ពោត", "Maize", "kg", "farm-gate", 900),
    ("mung-bean", "cereals", "សណ្ដែកបាយ", "Mung bean", "kg", "retail", 6500),
    ("soybean", "cereals", "សណ្ដែកសៀង", "Soybean", "kg", "wholesale", 3000),
    ("cassava-fresh", "industrial-crops", "ដំឡូងមីស្រស់", "Fresh cassava", "tonne", "farm-gate",
     300000),
    ("cassava-chips", "industrial-crops", "ដំឡូងមីក្រៀម", "Dried cassava chips", "tonne",
     "wholesale", 900000),
    ("cashew-raw", "industrial-crops", "គ្រាប់ស្វាយចន្ទីស្រស់", "Raw cashew nuts", "kg",
     "farm-gate", 5500),
    ("pepper-black", "industrial-crops", "ម្រេចខ្មៅ", "Black pepper", "kg", "wholesale", 20000),
    ("rubber", "industrial-crops", "ជ័រកៅស៊ូ", "Rubber latex", "kg", "farm-gate", 4500),
    ("water-spinach", "vegetables", "ត្រកួន", "Water spinach", "bunch", "retail", 1000),
    ("cucumber", "vegetables", "ត្រសក់", "Cucumber", "kg", "retail", 3000),
    ("tomato", "vegetables", "ប៉េងប៉ោះ", "Tomato", "kg", "retail", 4000),
    ("cabbage", "vegetables", "ស្ពៃក្ដោប", "Cabbage", "kg", "retail", 3500),
    ("long-bean", "vegetables", "សណ្ដែកកួរ", "Yard-long bean", "kg", "retail", 4500),
    ("chilli", "vegetables", "ម្ទេស", "Chilli", "kg", "retail", 9000),
    ("shallot", "vegetables", "ខ្ទឹមក្រហម", "Shallot", "kg", "retail", 6000),
    ("garlic", "vegetables", "ខ្ទឹមស", "Garlic", "kg", "retail", 8000),
    ("pumpkin", "vegetables", "ល្ពៅ", "Pumpkin", "kg", "retail", 2500),
    ("eggplant", "vegetables", "ត្រប់", "Eggplant", "kg", "retail", 3500),
    ("banana", "fruit", "ចេកណាំវ៉ា", "Namva banana", "bunch", "retail", 4000),
    ("mango", "fruit", "ស្វាយកែវរមៀត", "Keo Romeat mango", "kg", "wholesale", 2500),
    ("coconut", "fruit", "ដូង", "Coconut", "piece", "retail", 2000),
    ("orange", "fruit", "ក្រូចពោធិ៍សាត់", "Pursat orange", "kg", "retail", 7000),
    ("longan", "fruit", "មៀន", "Longan", "kg", "wholesale", 5000),
    ("pig-live", "livestock", "ជ្រូករស់", "Live pig", "kg", "farm-gate", 8500),
    ("pork", "livestock", "សាច់ជ្រូក", "Pork", "kg", "retail", 18000),
    ("beef", "livestock", "សាច់គោ", "Beef", "kg", "retail", 40000),
    ("cattle", "livestock", "គោ", "Cattle", "head", "farm-gate", 3200000),
    ("chicken", "livestock", "មាន់ស្រែ", "Village chicken", "kg", "retail", 22000),
    ("duck-egg", "livestock", "ពងទា", "Duck eggs", "piece", "retail", 700),
    ("chicken-egg", "livestock", "ពងមាន់", "Chicken eggs", "piece", "retail", 500),
    ("snakehead", "fish", "ត្រីរ៉ស់", "Snakehead fish", "kg", "retail", 16000),
    ("pangasius", "fish", "ត្រីប្រា", "Striped catfish", "kg", "retail", 8000),
    ("trey-riel", "fish", "ត្រីរៀល", "Trey riel (small fish)", "kg", "retail", 6000),
    ("prawn", "fish", "បង្គាទឹកសាប", "Freshwater prawn", "kg", "retail", 35000),
]  # fmt: skip

# commodity, code, Khmer, English
VARIETIES = [
    ("paddy-fragrant", "phka-rumduol", "ផ្ការំដួល", "Phka Rumduol"),
    ("paddy-fragrant", "sen-kra-ob", "សែនក្រអូប", "Sen Kra Ob"),
    ("paddy-white", "ir504", "អ៊ីអឺ ៥០៤", "IR504"),
    ("mango", "keo-romeat", "កែវរមៀត", "Keo Romeat"),
]
