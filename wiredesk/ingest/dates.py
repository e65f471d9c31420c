"""Read the dates agencies write, into timezone-aware datetimes; never guess one.

Accepted: ISO 8601 extended and basic (``2024-01-22T11:08:00+05:30``,
``20151210T191044Z``, ``2017-08-24T04:38:34+0000``), a bare date, and RFC 822 / 1123
(RSS) — with day and month names in English and in the other languages feeds are written
in (``Seg, 03 Fev 2014 10:00:00 -0300``, ``Mo, 3. Mär 2024``, ``mar, 4 de junio de 2024``;
see ``_MONTHS``), the month before or after the day, and the asctime order
(``Sun Jan  4 16:29:06 2004``). A time without a zone is taken as UTC, which is what the
specifications say for NITF ``norm`` values and what agencies mean in practice; a date
without a time is midnight. Two-digit RFC 822 years follow RFC 5322 §4.3 (00–49 → 20xx,
50–99 → 19xx). Placeholders agencies send when they have no date (year 0, 1, 1900 or
1970 at New Year, ``0000-00-00``) give ``None``.

Does not guess: a date whose order is ambiguous (``02-03-2014``), a zone abbreviation
not in ``_ZONES`` (``IST`` is India, Ireland or Israel) or a word it does not know gives
``None``; ``unreadable`` tells such a value from an empty one or a placeholder, so that
parsers can say in ``StoryData.notes`` what they left out (``date_note``, ``first_date``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Final

_BASIC: Final = re.compile(
    r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)
# ISO 8601 extended / RFC 3339, also with a blank instead of "T" or before the offset
_EXTENDED: Final = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$",
    re.I,
)
_OFFSET_NO_COLON: Final = re.compile(r"([+-]\d{2})(\d{2})$")
_PLACEHOLDER_YEARS: Final = frozenset({0, 1, 1900, 1970})

# Month names, one line per language, twelve groups of spellings (full name, genitive,
# usual abbreviations), lower case. Accents are also matched without them.
_MONTH_LINES: Final = (
    "en january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|"
    "october oct|november nov|december dec",
    "pt janeiro jan|fevereiro fev|março mar|abril abr|maio mai|junho jun|julho jul|agosto ago|setembro set|"
    "outubro out|novembro nov|dezembro dez",
    "es enero ene|febrero feb|marzo mar|abril abr|mayo may|junio jun|julio jul|agosto ago|septiembre setiembre "
    "sep sept set|octubre oct|noviembre nov|diciembre dic",
    "fr janvier janv jan|février févr fév|mars mar|avril avr|mai|juin|juillet juil|août aoû|septembre sept sep|"
    "octobre oct|novembre nov|décembre déc",
    "de januar jänner jan jän|februar feber feb|märz mär mrz|april apr|mai|juni jun|juli jul|august aug|"
    "september sep sept|oktober okt|november nov|dezember dez",
    "it gennaio gen|febbraio feb|marzo mar|aprile apr|maggio mag|giugno giu|luglio lug|agosto ago|settembre set|"
    "ottobre ott|novembre nov|dicembre dic",
    "nl januari jan|februari feb|maart mrt mar|april apr|mei|juni jun|juli jul|augustus aug|september sep sept|"
    "oktober okt|november nov|december dec",
    "ca gener gen|febrer febr|març|abril abr|maig|juny|juliol jul|agost ag|setembre set|octubre oct|"
    "novembre nov|desembre des",
    "sv januari jan|februari feb|mars mar|april apr|maj|juni jun|juli jul|augusti aug|september sep|"
    "oktober okt|november nov|december dec",
    "da januar jan|februar feb|marts mar|april apr|maj|juni jun|juli jul|august aug|september sep|oktober okt|"
    "november nov|december dec",
    "no januar jan|februar feb|mars mar|april apr|mai|juni jun|juli jul|august aug|september sep|oktober okt|"
    "november nov|desember des",
    "pl styczeń stycznia sty|luty lutego lut|marzec marca mar|kwiecień kwietnia kwi|maj maja|czerwiec czerwca cze|"
    "lipiec lipca lip|sierpień sierpnia sie|wrzesień września wrz|październik października paź|"
    "listopad listopada lis|grudzień grudnia gru",
    "cs leden ledna|únor února|březen března|duben dubna|květen května|červen června|červenec července|"
    "srpen srpna|září|říjen října|listopad listopadu|prosinec prosince",
    "ro ianuarie ian|februarie feb|martie mar|aprilie apr|mai|iunie iun|iulie iul|august aug|septembrie sep|"
    "octombrie oct|noiembrie noi|decembrie dec",
    "tr ocak oca|şubat şub|mart mar|nisan nis|mayıs may|haziran haz|temmuz tem|ağustos ağu|eylül eyl|ekim eki|"
    "kasım kas|aralık ara",
    "id januari jan|februari feb|maret mar|april apr|mei|juni jun|juli jul|agustus agu ags|september sep|"
    "oktober okt|november nov|desember des",
    "fi tammikuu tammikuuta tammi|helmikuu helmikuuta helmi|maaliskuu maaliskuuta maalis|huhtikuu huhtikuuta huhti|"
    "toukokuu toukokuuta touko|kesäkuu kesäkuuta kesä|heinäkuu heinäkuuta heinä|elokuu elokuuta elo|"
    "syyskuu syyskuuta syys|lokakuu lokakuuta loka|marraskuu marraskuuta marras|joulukuu joulukuuta joulu",
    "hu január jan|február febr|március márc|április ápr|május máj|június jún|július júl|augusztus aug|"
    "szeptember szept|október okt|november nov|december dec",
    "ru январь января янв|февраль февраля фев|март марта мар|апрель апреля апр|май мая|июнь июня июн|"
    "июль июля июл|август августа авг|сентябрь сентября сен|октябрь октября окт|ноябрь ноября ноя|"
    "декабрь декабря дек",
)
# Day names (abbreviated and full) in the same languages; RFC 822 puts one before the date.
# Only recognised, never checked against the date: agencies get weekdays wrong.
_DAY_WORDS: Final = (
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday "
    "seg ter qua qui sex sáb dom segunda terça quarta quinta sexta sábado domingo segunda-feira terça-feira "
    "quarta-feira quinta-feira sexta-feira lun mar mié jue vie lunes martes miércoles jueves viernes "
    "mer jeu ven sam dim lundi mardi mercredi jeudi vendredi samedi dimanche mo di mi do fr sa so montag dienstag "
    "mittwoch donnerstag freitag samstag sonnabend sonntag gio sab lunedì martedì mercoledì giovedì venerdì "
    "sabato domenica ma wo vr za zo maandag dinsdag woensdag donderdag vrijdag zaterdag zondag dl dt dc dj dv ds "
    "dg dilluns dimarts dimecres dijous divendres dissabte diumenge mån tis ons tor fre lör sön måndag tisdag "
    "onsdag torsdag fredag lördag söndag tir lør søn mandag tirsdag lørdag søndag pon wt śr czw pt sob nie ndz "
    "poniedziałek wtorek środa czwartek piątek sobota niedziela po út st čt pá ne pondělí úterý středa čtvrtek "
    "pátek neděle mie joi vin sâm dum luni marți miercuri vineri sâmbătă duminică pzt sal çar per cum cmt paz "
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar sen sel rab kam jum min senin selasa rabu kamis "
    "jumat sabtu minggu ti ke to pe la su maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai "
    "hét kedd sze csüt pén szo vas hétfő szerda csütörtök péntek szombat vasárnap пн вт ср чт пт сб вс "
    "понедельник вторник среда четверг пятница суббота воскресенье"
)
# Zone names with one meaning in feeds (RFC 822 §5.1 and common use), in hours east of UTC.
_ZONES: Final = {
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "west": 1, "cet": 1, "met": 1, "mez": 1,
    "cest": 2, "mest": 2, "mesz": 2, "eet": 2, "eest": 3, "msk": 3, "edt": -4, "est": -5, "cdt": -5,
    "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8, "akdt": -8, "akst": -9, "hst": -10, "brt": -3,
    "brst": -2, "art": -3, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8, "awst": 8, "acst": 9.5, "aest": 10,
    "aedt": 11, "nzst": 12, "nzdt": 13,
}  # fmt: skip
_JOINERS: Final = frozenset({"de", "del", "г"})  # "4 de junio de 2024" (es, pt, ca), "3 июня 2024 г." (ru)
_TIME: Final = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$")
_NUMERIC_ZONE: Final = re.compile(r"^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$")


@functools.lru_cache(maxsize=4096)  # bounded: the words come from untrusted feeds
def _fold(word: str) -> str:
    """``word`` in lower case without accents (``Fév.`` → ``fev``)."""
    lowered = word.casefold().rstrip(".")
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for line in _MONTH_LINES:
        _, _, groups = line.partition(" ")
        for month, group in enumerate(groups.split("|"), start=1):
            for word in group.split():
                for key in {word, _fold(word)}:
                    if table.setdefault(key, month) != month:
                        raise ValueError(f"month name {key!r} means two months")
    return table


_MONTHS: Final = _month_table()
_DAYS: Final = frozenset(_DAY_WORDS.split()) | frozenset(_fold(w) for w in _DAY_WORDS.split())


def parse_datetime(value: str | None) -> datetime | None:
    """Return ``value`` as an aware datetime, or ``None`` when empty, unreadable or a placeholder."""
    return _read(value)[0]


def unreadable(value: str | None) -> bool:
    """True when ``value`` holds something that is neither a date Wiredesk reads nor a placeholder."""
    return _read(value)[1]


def date_note(label: str, value: str, then: str = "receipt time used") -> str:
    """The note for an unreadable date: ``pubDate unreadable: '02-03-2014'; receipt time used``."""
    shown = value.strip()
    shown = shown if len(shown) <= 80 else shown[:79] + "…"
    return f"{label} unreadable: {shown!r}; {then}"


def first_date(
    candidates: Sequence[tuple[str, str]], notes: list[str], then: str = "receipt time used"
) -> datetime | None:
    """The first readable date among ``(label, text)`` candidates, in order of preference.

    Appends to ``notes`` what was not used and why: an unreadable candidate
    (``date_note``), or a missing first choice when a later one stands in for it
    ("versionCreated missing; contentModified used"). ``then`` ends the note when none
    is readable. Does not note a candidate that is simply absent when nothing is found.
    """
    unread: list[tuple[str, str]] = []
    primary, primary_text = candidates[0] if candidates else ("", "")
    for label, text in candidates:
        value, bad = _read(text)
        if value is not None:
            notes.extend(date_note(lab, raw, f"{label} used") for lab, raw in unread)
            if label != primary and not primary_text.strip():
                notes.append(f"{primary} missing; {label} used")
            return value
        if bad:
            unread.append((label, text))
    notes.extend(date_note(lab, raw, then) for lab, raw in unread)
    return None


def _read(value: str | None) -> tuple[datetime | None, bool]:
    """``(datetime or None, unreadable)``: empty values and placeholders are not unreadable."""
    if not value:
        return None, False
    text = value.strip()
    if not text or text.startswith("0000"):
        return None, False
    result = _parse(text)
    if result is None:
        return None, True
    if result.tzinfo is None:
        result = result.replace(tzinfo=UTC)
    if result.year in _PLACEHOLDER_YEARS and (result.month, result.day) == (1, 1):
        return None, False
    return result, False


def _parse(text: str) -> datetime | None:
    match = _BASIC.match(text)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        iso = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}"
        if zone:
            iso += "+00:00" if zone == "Z" else _OFFSET_NO_COLON.sub(r"\1:\2", zone)
        return _fromiso(iso)
    if text[:4].isdigit() and text[4:5] == "-":
        parsed = _fromiso(text)  # the usual case, as Python reads ISO 8601 itself
        if parsed is not None:
            return parsed
        match = _EXTENDED.match(text)
        if match is None:
            return _fromiso(text)  # the rarer ISO 8601 forms Python reads (week dates …)
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        iso = f"{year}-{month}-{day}T{hour or '00'}:{minute or '00'}:{second or '00'}"
        if fraction:
            iso += "." + fraction[:6].ljust(6, "0")
        if zone and zone.upper() not in ("Z", "UTC", "GMT"):
            iso += _OFFSET_NO_COLON.sub(r"\1:\2", zone) if len(zone) > 3 else zone + ":00"
        parsed = _fromiso(iso)
        return parsed.replace(tzinfo=UTC) if parsed and zone and zone.upper() in ("Z", "UTC", "GMT") else parsed
    return _parse_named(text)


def _fromiso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_named(text: str) -> datetime | None:
    """RFC 822 (§5) and asctime dates whose month is a name, in any order with one meaning.

    Orders read, each with an optional day name first: ``day month year [time] [zone]``
    (RFC 822), ``month day year [time] [zone]`` and ``month day time [zone] year``
    (asctime). Anything else, or any word that is neither a known name nor a zone, is
    ``None``.
    """
    tokens = [t for t in text.replace(",", " ").split() if _fold(t) not in _JOINERS]
    if tokens and _fold(tokens[0]) in _DAYS and len(tokens) > 1 and not _is_month(tokens[0], tokens[1:]):
        tokens = tokens[1:]
    if len(tokens) < 3:
        return None
    first, second = tokens[0].rstrip("."), tokens[1].rstrip(".")
    if first.isdigit() and _fold(second) in _MONTHS:  # 4 Jun 2024 / 4. Juni 2024
        day, month, rest = int(first), _MONTHS[_fold(second)], tokens[2:]
    elif _fold(first) in _MONTHS and second.isdigit():  # Jun 4 2024 / Jun 4 10:00:00 2024
        day, month, rest = int(second), _MONTHS[_fold(first)], tokens[2:]
        if len(rest) >= 2 and _TIME.match(rest[0]) and rest[-1].isdigit():
            rest = [rest[-1], *rest[:-1]]  # asctime: the year comes last
    else:
        return None
    year_text, rest = rest[0], rest[1:]
    if not year_text.isdigit() or len(year_text) not in (2, 4):
        return None
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 50 else 1900  # RFC 5322 §4.3, obsolete two-digit years
    hour = minute = second_ = 0
    if rest and (clock := _TIME.match(rest[0])):
        hour, minute, second_ = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        rest = rest[1:]
        if rest and rest[0].casefold() in ("am", "pm"):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if rest[0].casefold() == "pm" else 0)
            rest = rest[1:]
    if len(rest) > 1:
        return None
    zone = _zone(rest[0]) if rest else UTC
    if zone is None:
        return None
    try:
        return datetime(year, month, day, hour, minute, second_, tzinfo=zone)
    except ValueError:
        return None


def _is_month(word: str, rest: list[str]) -> bool:
    """Whether ``word`` (also a day name: "mar") is the month: no other month follows it."""
    return _fold(word) in _MONTHS and not any(_fold(t) in _MONTHS for t in rest[:2])


def _zone(word: str) -> timezone | None:
    folded = word.casefold()
    if folded.startswith("etc/"):
        folded = folded[4:]
    named = _ZONES.get(folded)
    if named is not None:
        return UTC if named == 0 else timezone(timedelta(hours=named))
    match = _NUMERIC_ZONE.match(folded)
    if not match:
        return None
    sign, hours, minutes = match.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset >= timedelta(hours=24):
        return None
    return timezone(-offset if sign == "-" else offset)
