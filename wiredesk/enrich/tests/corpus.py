"""Stories written for these tests, annotated by hand: what a careful editor would tag.

Each ``Annotated`` story lists the places (name, country), people and organisations it
really names. ``test_precision.py`` measures the precision (and recall) of the pure layers
against them; docs/enrich.md reports the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Annotated:
    headline: str
    body: str
    places: frozenset[tuple[str, str]]
    people: frozenset[str]
    organisations: frozenset[str]
    country: str
    topics: frozenset[str] = frozenset()


TEHRAN_BODY = (
    "Tehran: Iran has identified and destroyed more than 10 terrorist cells in the past weeks following the "
    "recent deadly terrorist attacks in the southeastern Kerman city, the media reported, citing Deputy Interior "
    "Minister for Security Affairs Majid Mir-Ahmadi. Many were killed and injured in the twin bombing attacks near "
    "the tomb of Iranian general Qassem Soleimani in Kerman on January 3, when thousands of people gathered to mark "
    "the fourth anniversary of his death from a US drone attack in Iraq, Xinhua news agency reported. Terror group "
    "Islamic State (IS) on January 4 claimed responsibility for the bombings, saying two suicide attackers carried "
    "out the blasts."
)
TEHRAN_UPDATE = (
    " The Islamic Revolution Guards Corps said early Tuesday that it had fired ballistic missiles at the bases of "
    "terrorists in Syria in retaliation for the terrorist attacks in southeastern Iran."
)

CORPUS: tuple[Annotated, ...] = (
    Annotated(
        "Iran busts over 10 terrorist cells after Kerman twin blasts",
        TEHRAN_BODY + TEHRAN_UPDATE,
        frozenset(
            {
                ("Tehran", "IR"),
                ("Iran", "IR"),
                ("Kerman", "IR"),
                ("United States", "US"),
                ("Iraq", "IQ"),
                ("Syria", "SY"),
            }
        ),
        frozenset({"Majid Mir-Ahmadi", "Qassem Soleimani"}),
        frozenset({"Xinhua", "Islamic State", "Islamic Revolution Guards Corps"}),
        "IR",
        frozenset({"medtop:20000053"}),
    ),
    Annotated(
        "Monsoon floods cut off villages in Assam",
        "GUWAHATI, July 3 (PTI) - Floods in Assam cut off more than 200 villages on Wednesday, officials said. "
        "The Brahmaputra crossed the danger mark at Dibrugarh, and the state government asked the army for help. "
        "Chief Minister Himanta Biswa Sarma visited relief camps in Morigaon district.",
        frozenset({("Guwahati", "IN"), ("Dibrugarh", "IN"), ("Morigaon", "IN")}),
        frozenset({"Himanta Biswa Sarma"}),
        frozenset({"Press Trust of India"}),
        "IN",
        frozenset({"medtop:20000148"}),
    ),
    Annotated(
        "Ceasefire talks resume in Cairo",
        "CAIRO, Feb 12 (Reuters) - Negotiators from Israel and Hamas resumed indirect talks in Cairo on Monday, "
        "Egyptian officials said. Qatar and the United States are mediating. Israeli Prime Minister Benjamin "
        "Netanyahu said the army would keep up its pressure in Gaza.",
        frozenset(
            {
                ("Cairo", "EG"),
                ("Israel", "IL"),
                ("Egypt", "EG"),
                ("Qatar", "QA"),
                ("United States", "US"),
                ("Palestine", "PS"),
            }
        ),
        frozenset({"Benjamin Netanyahu"}),
        frozenset({"Hamas", "Reuters"}),
        "EG",
    ),
    Annotated(
        "Mobile phone sales rise in Reading",
        "Reading: Sales of mobile phones rose on Friday, a shop owner in Reading said. Nice weather brought "
        "shoppers out, and the Bath road was busy. Police said there were no incidents.",
        frozenset({("Reading", "GB")}),
        frozenset(),
        frozenset(),
        "GB",
    ),
    Annotated(
        "Putin and Xi meet in Beijing",
        "Beijing: Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday, "
        "the official Xinhua news agency said. The two leaders discussed Ukraine and trade, according to TASS.",
        frozenset({("Beijing", "CN"), ("Russia", "RU"), ("China", "CN"), ("Ukraine", "UA")}),
        frozenset({"Vladimir Putin", "Xi Jinping"}),
        frozenset({"Xinhua"}),
        "CN",
    ),
    Annotated(
        "Storm hits Victoria coast",
        "Heavy rain and strong winds hit the coast on Sunday. Hope Street in the town was flooded, and Union "
        "officials said Liberty Bridge would stay closed. The weather service warned of more rain in Sydney.",
        frozenset({("Sydney", "AU")}),
        frozenset(),
        frozenset(),
        "AU",
        frozenset({"medtop:17000000"}),
    ),
    Annotated(
        "UN chief calls for Yemen truce",
        "UNITED NATIONS, March 1 (IANS) - UN Secretary-General Antonio Guterres on Friday called for a truce in "
        "Yemen, where Houthi fighters have attacked ships in the Red Sea. Saudi Arabia welcomed the call, "
        "the Saudi Press Agency reported.",
        frozenset({("Yemen", "YE"), ("Saudi Arabia", "SA")}),
        frozenset({"Antonio Guterres"}),
        frozenset({"United Nations", "Houthis", "IANS"}),
        "YE",
    ),
    Annotated(
        "Police arrest two in Lahore robbery",
        "LAHORE: Police arrested two men in Lahore on Saturday over a bank robbery, officials said. The suspects "
        "were detained near Faisalabad, according to Dawn.",
        frozenset({("Lahore", "PK"), ("Faisalabad", "PK")}),
        frozenset(),
        frozenset(),
        "PK",
        frozenset({"medtop:20000082"}),
    ),
)

# Written after the rules above were tuned, and not tuned on: precision is reported for
# both sets separately (docs/enrich.md).
HELD_OUT: tuple[Annotated, ...] = (
    Annotated(
        "Earthquake shakes western Nepal",
        "KATHMANDU, Nov 4 (Xinhua) - A 6.4-magnitude earthquake struck Jajarkot district in western Nepal late on "
        "Friday, killing at least 128 people, officials said. Tremors were felt as far away as New Delhi in India. "
        "Prime Minister Pushpa Kamal Dahal flew to the area on Saturday morning.",
        frozenset({("Kathmandu", "NP"), ("Nepal", "NP"), ("New Delhi", "IN"), ("India", "IN")}),
        frozenset({"Pushpa Kamal Dahal"}),
        frozenset({"Xinhua"}),
        "NP",
        frozenset({"medtop:20000153"}),
    ),
    Annotated(
        "Opposition leader detained in Dhaka",
        "Dhaka: Police in Bangladesh detained a senior opposition leader in Dhaka on Sunday, a day after clashes "
        "at a rally, the party said. The Home Minister said the arrest was lawful, according to BSS. "
        "Washington and London urged restraint.",
        frozenset({("Dhaka", "BD"), ("Bangladesh", "BD"), ("Washington", "US"), ("London", "GB")}),
        frozenset(),
        frozenset(),
        "BD",
        frozenset({"medtop:20000130"}),
    ),
    Annotated(
        "Germany and France sign defence pact",
        "BERLIN, May 28 (dpa) - Germany and France signed a defence pact in Berlin on Tuesday. Chancellor Olaf "
        "Scholz and President Emmanuel Macron said the agreement would strengthen NATO. Spring weather greeted "
        "the leaders, and Marshall Plan veterans attended.",
        frozenset({("Berlin", "DE"), ("Germany", "DE"), ("France", "FR")}),
        frozenset({"Olaf Scholz", "Emmanuel Macron"}),
        frozenset({"NATO"}),
        "DE",
        frozenset({"medtop:20000598"}),
    ),
)
