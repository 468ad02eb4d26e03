"""Who may do what with prices: market officers record the prices of their markets;
provincial market officers review held prices and import files for the markets of their
province. Roles are accounts' officer roles; these are the only loaders views use."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import Role
from accounts.officers import active_memberships, offices_of
from geo.models import Area, Facility
from markets.models import MARKET, Commodity, FollowedCommodity, LatestPrice, Observation
from markets.reference import PROVINCIAL_ROLE


def markets_of(user) -> QuerySet[Facility]:
    """The markets where the user is a market officer."""
    return offices_of(user, [Role.MARKET_OFFICER]).filter(type__code=MARKET, is_active=True)


def is_market_officer(user) -> bool:
    return markets_of(user).exists()


def access_market_for_officer(user, code: str) -> Facility:
    market = get_object_or_404(Facility, code=code, type__code=MARKET)
    if not markets_of(user).filter(pk=market.pk).exists():
        raise PermissionDenied
    return market


def review_provinces(user) -> list[Area]:
    """The provinces whose markets the user reviews (where their offices are)."""
    paths = active_memberships(user, [PROVINCIAL_ROLE]).values_list("office__area__path", flat=True)
    codes = {path.strip("/").split("/")[0] for path in paths}
    return list(Area.objects.filter(code__in=codes, level=Area.Level.PROVINCE).order_by("code"))


def is_reviewer(user) -> bool:
    return active_memberships(user, [PROVINCIAL_ROLE]).exists()


def markets_in(provinces: list[Area]) -> QuerySet[Facility]:
    condition = Q(pk__in=[])
    for province in provinces:
        condition |= Q(area__path__startswith=province.path)
    return Facility.objects.filter(condition, type__code=MARKET)


def held_for(user) -> QuerySet[Observation]:
    """The held prices the user may review, oldest first."""
    provinces = review_provinces(user)
    return (
        Observation.objects.filter(status=Observation.Status.HELD, market__in=markets_in(provinces))
        .select_related("commodity__unit", "market", "unit", "entered_by")
        .order_by("created_at", "pk")
    )


def access_held_observation(user, pk: int) -> Observation:
    observation = get_object_or_404(Observation, pk=pk)
    if not held_for(user).filter(pk=pk).exists():
        raise PermissionDenied
    return observation


def followed(market: Facility) -> list[tuple[Commodity, str]]:
    """The commodities (and price types) on the market's form: those it follows, else
    those it has had prices for."""
    rows = FollowedCommodity.objects.filter(market=market).select_related("commodity__unit")
    pairs = [(row.commodity, row.price_type) for row in rows]
    if not pairs:
        latest = LatestPrice.objects.filter(market=market).select_related("commodity__unit")
        pairs = [(row.commodity, row.price_type) for row in latest]
    return sorted(pairs, key=lambda pair: (pair[0].position, pair[0].code, pair[1]))
