"""Word lists and sentence templates for the demo wire; every text here is invented.

Templates use ``str.format`` slots that ``wire.py`` fills: ``{city}``, ``{country}``,
``{person}``, ``{weekday}``, ``{month}``, ``{n}``, ``{m}``, ``{pct}``, ``{rate}``,
``{team}``, ``{rival}``, ``{score}``, ``{issue}``, ``{firm}``, ``{crowd}``, ``{mm}``.
The news is made up and names no real person. Does not pick anything itself: it is data.
"""

from __future__ import annotations

from typing import Final

# (slug, name, about, url, dateline tag, dateline style): "dash" writes
# "TEHRAN, Jan 21 (ACME) -", "colon" writes "Tehran:".
AGENCIES: Final = (
    ("acme", "Acme Wire Service",
     "Acme Wire Service is an invented news agency used in Wiredesk demos. It files world, "
     "business and sports copy around the clock.", "https://acme.example/", "ACME", "dash"),
    ("northwind", "Northwind Press Agency",
     "Northwind Press Agency is an invented agency for demos, with a desk for Europe and "
     "Africa and correspondents in a dozen capitals.", "https://northwind.example/", "NPA", "dash"),
    ("globe", "Globe News Agency",
     "Globe News Agency is an invented South Asian wire used in Wiredesk demos; it "
     "syndicates national and regional news to websites and papers.", "https://globe.example/", "GNA", "colon"),
    ("meridian", "Meridian Newswire",
     "Meridian Newswire is an invented agency for demos covering the Middle East, markets "
     "and science.", "https://meridian.example/", "MNW", "dash"),
)  # fmt: skip

SECTIONS: Final = (
    ("world", "World"),
    ("middle-east", "Middle East"),
    ("south-asia", "South Asia"),
    ("africa", "Africa"),
    ("europe", "Europe"),
    ("business", "Business"),
    ("sport", "Sport"),
    ("science", "Science"),
)

# (city, country, section)
PLACES: Final = (
    ("Tehran", "Iran", "middle-east"), ("Kerman", "Iran", "middle-east"),
    ("Isfahan", "Iran", "middle-east"), ("Baghdad", "Iraq", "middle-east"),
    ("Basra", "Iraq", "middle-east"), ("Beirut", "Lebanon", "middle-east"),
    ("Amman", "Jordan", "middle-east"), ("Muscat", "Oman", "middle-east"),
    ("Mumbai", "India", "south-asia"), ("New Delhi", "India", "south-asia"),
    ("Chennai", "India", "south-asia"), ("Karachi", "Pakistan", "south-asia"),
    ("Lahore", "Pakistan", "south-asia"), ("Dhaka", "Bangladesh", "south-asia"),
    ("Colombo", "Sri Lanka", "south-asia"), ("Kathmandu", "Nepal", "south-asia"),
    ("Nairobi", "Kenya", "africa"), ("Lagos", "Nigeria", "africa"),
    ("Accra", "Ghana", "africa"), ("Addis Ababa", "Ethiopia", "africa"),
    ("Dakar", "Senegal", "africa"), ("Kampala", "Uganda", "africa"),
    ("Berlin", "Germany", "europe"), ("Hamburg", "Germany", "europe"),
    ("Paris", "France", "europe"), ("Madrid", "Spain", "europe"),
    ("Warsaw", "Poland", "europe"), ("Lisbon", "Portugal", "europe"),
    ("Jakarta", "Indonesia", "world"), ("Manila", "Philippines", "world"),
    ("Sao Paulo", "Brazil", "world"), ("Mexico City", "Mexico", "world"),
    ("Toronto", "Canada", "world"), ("Osaka", "Japan", "world"),
)  # fmt: skip

FIRST_NAMES: Final = (
    "Amina",
    "Rahul",
    "Leila",
    "Tomasz",
    "Grace",
    "Farid",
    "Sofia",
    "Kwame",
    "Mei",
    "Daniel",
    "Priya",
    "Omar",
    "Ingrid",
    "Tariq",
    "Lucia",
    "Samuel",
    "Noor",
    "Jonas",
    "Aisha",
    "Mateo",
)
LAST_NAMES: Final = (
    "Okafor",
    "Mehta",
    "Haddad",
    "Nowak",
    "Wanjiru",
    "Karimi",
    "Alves",
    "Mensah",
    "Tanaka",
    "Fischer",
    "Iyer",
    "Saleh",
    "Lindqvist",
    "Qureshi",
    "Moreno",
    "Adeyemi",
    "Rahimi",
    "Becker",
)
ISSUES: Final = (
    "water supply",
    "rural roads",
    "public sector pay",
    "electoral rules",
    "fuel subsidies",
    "housing costs",
    "school meals",
    "border trade",
    "pension reform",
    "local elections",
)
FIRMS: Final = (
    "a regional investment bank",
    "a brokerage in the capital",
    "a research institute",
    "a credit rating firm",
    "an asset manager",
)
TEAMS: Final = (
    "City Rovers",
    "Harbour United",
    "Northern Stars",
    "Riverside Athletic",
    "Capital Lions",
    "Eastern Falcons",
    "Highland Rangers",
    "Coastal Sharks",
)
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: Final = ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")  # fmt: skip

# topic → (section override or "", IPTC Media Topic codes with their labels)
TOPICS: Final = {
    "politics": ("", (("11000000", "politics"), ("14000000", "society"))),
    "economy": ("business", (("04000000", "economy, business and finance"), ("09000000", "labour"))),
    "sport": ("sport", (("15000000", "sport"),)),
    "weather": ("", (("17000000", "weather"), ("03000000", "disaster, accident and emergency incident"))),
    "conflict": ("", (("16000000", "conflict, war and peace"), ("02000000", "crime, law and justice"))),
    "science": ("science", (("13000000", "science and technology"), ("06000000", "environment"))),
}

HEADLINES: Final = {
    "politics": (
        "{country} parliament approves reform of {issue} after long debate",
        "Opposition rallies in {city} as {country} heads for a vote on {issue}",
        "{country} cabinet reshuffle puts new faces in charge of {issue}",
        "Lawmakers in {city} split over plan to overhaul {issue}",
    ),
    "economy": (
        "{country} central bank holds rates at {rate}% as inflation eases slowly",
        "Exporters in {city} count the cost of higher shipping rates",
        "{country} growth forecast trimmed to {growth}% on weak farm output",
        "Shares in {city} close higher after upbeat factory data",
    ),
    "sport": (
        "{team} beat {rival} {score} to stretch lead at the top",
        "Late goal gives {team} a draw against {rival} in {city}",
        "{rival} coach under pressure after home defeat to {team}",
    ),
    "weather": (
        "Heavy rain floods roads in {city}, cuts power to thousands",
        "Storm brings strong winds and flight delays to {city}",
        "Heatwave grips {country}; {city} records hottest day of the year",
    ),
    "conflict": (
        "At least {n} killed in blast near memorial gathering in {city}",
        "Explosion in {city} kills {n}, injures {m}; investigation under way",
        "{country} declares day of mourning after deadly attack in {city}",
    ),
    "science": (
        "Researchers in {city} develop low-cost sensor for crop disease",
        "{country} launches survey of glaciers to track water supply",
        "University team in {city} maps air pollution street by street",
    ),
}

ABSTRACTS: Final = {
    "politics": ("The vote ends weeks of argument inside the governing coalition over {issue}.",
                 "Opposition leaders say the measures do not go far enough."),
    "economy": ("Officials say price pressures are easing, but more slowly than hoped.",
                "Business groups in {city} warn that higher costs are squeezing margins."),
    "sport": ("{team} have now won {n} of their last {m} league matches.",
              "The result leaves {rival} facing a difficult run of fixtures."),
    "weather": ("Forecasters say conditions will ease by the weekend.",
                "Schools in low-lying districts were closed as a precaution."),
    "conflict": ("Many were killed and injured, officials said; no group has claimed responsibility.",
                 "The health ministry appealed for blood donations as hospitals filled."),
    "science": ("The team says the device could cost less than {n} dollars to build.",
                "Scientists hope the data will help planners prepare for dry years."),
}  # fmt: skip

PARAGRAPHS: Final = {
    "politics": (
        "{country}'s parliament on {weekday} approved a package of measures on {issue}, ending weeks of "
        "debate that had divided the governing coalition.",
        "Lawmakers passed the bill by a margin of {m} votes, and it now goes to the upper house for review.",
        '"We have listened to people in every province," {person}, a senior member of the ruling party, '
        "told reporters in {city}.",
        "Opposition leaders said the measures did not go far enough and promised to challenge parts of the "
        "law in court.",
        "Analysts said the vote was an early test for the government, which took office {n} months ago "
        "with a narrow majority.",
        "Several hundred people gathered outside the assembly building, some carrying banners about {issue}.",
    ),
    "economy": (
        "{country}'s central bank held its benchmark rate at {rate} percent on {weekday}, saying inflation "
        "was easing more slowly than expected.",
        "Consumer prices rose {pct} percent in the year to {month}, according to the national statistics office.",
        "Exporters in {city} said higher shipping costs had cut into their margins, while importers warned "
        "of delays at the port.",
        "{person}, an economist at {firm}, said the bank was likely to wait for more data before moving.",
        "The local currency was little changed against the dollar, and shares in {city} closed up {pct} percent.",
        "The finance ministry forecasts growth of {growth} percent this year, helped by farm output and tourism.",
    ),
    "sport": (
        "{team} beat {rival} {score} in {city} on {weekday} to move {n} points clear at the top of the table.",
        "{person} scored twice in the second half after a goalless opening period on a heavy pitch.",
        '"The players showed great character today," {team}\'s coach told reporters after the match.',
        "A crowd of about {crowd} watched the game, the largest attendance at the stadium this season.",
        "{rival}, who had not lost at home since {month}, face a difficult run of fixtures.",
        "The two sides meet again in the cup semi-final next month.",
    ),
    "weather": (
        "Heavy rain and strong winds swept across {country} on {weekday}, flooding roads in {city} and "
        "cutting power to thousands of homes.",
        "The national weather service said up to {mm} millimetres of rain had fallen in some areas within {n} hours.",
        "Emergency teams were clearing fallen trees and pumping water from underpasses, the city authority said.",
        "Schools in low-lying districts were closed as a precaution, and flights at the main airport were delayed.",
        "Forecasters said conditions would ease by the weekend but warned of landslides in hilly areas.",
        "Residents said it was the worst storm they could remember at this time of year.",
    ),
    "conflict": (
        "At least {n} people were killed and {m} injured in an explosion near a memorial gathering in "
        "{city} on {weekday}, officials said.",
        "The blast happened as crowds walked towards the site of the ceremony, witnesses told local media.",
        "Ambulances took the wounded to hospitals across the city, and the health ministry appealed for "
        "blood donations.",
        "No group immediately claimed responsibility. The interior ministry said an investigation was under way.",
        "{country}'s government declared a day of mourning and promised to find those responsible.",
        "Leaders across the region condemned the attack and called for calm.",
    ),
    "science": (
        "Researchers in {city} said on {weekday} they had built a low-cost sensor that can detect crop "
        "disease weeks before symptoms appear.",
        "The device, about the size of a matchbox, measures gases given off by stressed plants, said "
        "{person}, who led the project.",
        "Field trials on {n} farms found that the sensor gave a correct warning in most cases.",
        "The team plans to share the design openly so that local workshops can build it.",
        "Agricultural officials in {country} said they would study the results before any wider use.",
        "The work was funded by a national research council and took three years.",
    ),
}

# Said of every topic; used to reach 4–8 paragraphs.
GENERAL: Final = (
    "Officials said more details would be released later in the day.",
    "The figures could not be independently verified.",
    "Local television showed images of the scene in {city} throughout the afternoon.",
    "{person}, a resident of {city}, said people were waiting to see what happens next.",
    "The ministry said it would publish a full report within a month.",
    "Further updates are expected as more information becomes available.",
)

UPDATE_PARAGRAPHS: Final = (
    "Later on {weekday}, officials revised the figures and said the situation was being reviewed.",
    "In a statement issued in {city}, the government said it would hold talks with all sides next week.",
    "{person} told reporters in the evening that a decision was expected within {n} days.",
)
CORRECTION_NOTES: Final = (
    "Corrects spelling of name in paragraph 3.",
    "Corrects figure in paragraph 2 to {n} from {m}.",
    "Corrects day of the week in the first paragraph.",
)

# Non-English stories: language → (city list, dateline tag, topic → (headline, sentences)).
FOREIGN: Final = {
    "ur": (
        (("Karachi", "کراچی"), ("Lahore", "لاہور"), ("Islamabad", "اسلام آباد")),
        "",
        {
            "weather": (
                "شہر میں شدید بارش، نظام زندگی متاثر",
                (
                    "محکمہ موسمیات کے مطابق آئندہ دو روز تک بارش کا سلسلہ جاری رہنے کا امکان ہے۔",
                    "شہری انتظامیہ نے نشیبی علاقوں سے پانی نکالنے کا کام شروع کر دیا ہے۔",
                    "کئی سڑکوں پر ٹریفک گھنٹوں جام رہی اور بعض علاقوں میں بجلی معطل رہی۔",
                    "حکام نے شہریوں سے غیر ضروری سفر سے گریز کرنے کی اپیل کی ہے۔",
                ),
            ),
            "economy": (
                "مہنگائی میں کمی کے آثار، ماہرین پر امید",
                (
                    "ماہرین کا کہنا ہے کہ مہنگائی میں کمی کے آثار نظر آ رہے ہیں۔",
                    "مرکزی بینک نے شرح سود میں کوئی تبدیلی نہیں کی۔",
                    "تاجروں کا کہنا ہے کہ کاروبار آہستہ آہستہ بحال ہو رہا ہے۔",
                    "حکومت نے چھوٹے کاروبار کے لیے نئے قرضوں کا اعلان کیا ہے۔",
                ),
            ),
            "sport": (
                "قومی ٹیم نے سیریز کا پہلا میچ جیت لیا",
                (
                    "کرکٹ ٹیم نے سیریز کا پہلا میچ پانچ وکٹوں سے جیت لیا۔",
                    "کپتان نے کہا کہ کھلاڑیوں نے بہترین کارکردگی کا مظاہرہ کیا۔",
                    "اسٹیڈیم میں ہزاروں شائقین موجود تھے۔",
                    "سیریز کا دوسرا میچ اتوار کو کھیلا جائے گا۔",
                ),
            ),
        },
    ),
    "ar": (
        (("Baghdad", "بغداد"), ("Beirut", "بيروت"), ("Amman", "عمّان")),
        "ديمو",
        {
            "weather": (
                "أمطار غزيرة تعطل حركة المرور في المدينة",
                (
                    "قالت السلطات المحلية إن فرق الطوارئ تعمل على فتح الطرق المغلقة.",
                    "وتوقعت هيئة الأرصاد الجوية استمرار الأحوال الجوية غير المستقرة حتى نهاية الأسبوع.",
                    "وأغلقت المدارس في بعض الأحياء المنخفضة كإجراء احترازي.",
                    "ودعت الجهات المختصة المواطنين إلى تجنب السفر غير الضروري.",
                ),
            ),
            "economy": (
                "الحكومة تعلن خطة لدعم الشركات الصغيرة",
                (
                    "أعلنت وزارة الاقتصاد عن خطة جديدة لدعم الشركات الصغيرة.",
                    "وقال مسؤولون إن الخطة تشمل قروضا ميسرة وتخفيضات ضريبية.",
                    "ورحبت غرفة التجارة بالخطة ووصفتها بأنها خطوة مهمة.",
                    "ومن المتوقع أن تبدأ المرحلة الأولى الشهر المقبل.",
                ),
            ),
            "sport": (
                "المنتخب الوطني يفوز في مباراة ودية",
                (
                    "فاز المنتخب الوطني على منافسه بهدفين مقابل هدف واحد.",
                    "وسجل المهاجم الهدف الثاني في الدقائق الأخيرة من المباراة.",
                    "وقال المدرب إن الفريق أظهر روحا قتالية عالية.",
                    "ويستعد المنتخب لخوض مباراته التالية الأسبوع المقبل.",
                ),
            ),
        },
    ),
}
KILL_PARAGRAPH: Final = (
    "Editors: this story has been withdrawn by the agency. Please make sure it is not published. "
    "A replacement may follow."
)
