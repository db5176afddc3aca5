"""The official list of Vietnam's administrative units in force since 1 July 2025 (34 provinces and
3,321 xã, phường, đặc khu), from the `vietnam-provinces` package (data of the General Statistics
Office). Earlier units (the districts and the 10,000 communes before the 2025 reorganisation) are not
in the package's current releases: for plans issued before that date the list says nothing.

A plan issued after the reorganisation names the former units it was formed from ("được thành lập
trên cơ sở sắp xếp xã Phúc Khê và xã Tân Khê"); only a name of a unit in force can be a peer.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from audit.base.normalize import canonical_tones

REORGANISED = dt.date(2025, 7, 1)
# The kind words of the list, as plans write them.
_PROVINCE_KINDS = {"tỉnh": "tỉnh", "thành phố trung ương": "thành phố"}


def covers(date: dt.date | None, year: int | None) -> bool:
    """Whether the list applies to a plan of this date (or, undated, of this year)."""
    if date is not None:
        return date >= REORGANISED
    return year is not None and year > REORGANISED.year


def is_current_unit(kind: str, name: str) -> bool:
    """Whether "`kind` `name`" ("xã Nam Đồng", "tỉnh Gia Lai") is a unit in force."""
    return (kind.lower(), _spelled(name)) in _current_units()


@lru_cache(maxsize=1)
def _current_units() -> frozenset[tuple[str, str]]:
    from vietnam_provinces import Province, Ward  # imported on first use: a 3,000-entry table

    units = {(w.division_type.value, _spelled(w.name[len(w.division_type.value) :])) for w in Ward.iter_all()}
    for province in Province.iter_all():
        kind = _PROVINCE_KINDS[province.division_type.value]
        name = province.name[len(kind) :] if province.name.lower().startswith(kind) else province.name
        units.add((kind, _spelled(name)))
    return frozenset(units)


def _spelled(name: str) -> str:
    return canonical_tones(name.strip()).lower()
