"""The public, read-only JSON API (django-ninja): zones, plots, projects and the province's
indicators, documented at /api/v1/docs. It holds no personal data at all: inquiries are not
exposed, and projects are named by company only."""

import datetime
from typing import Annotated, Any, Literal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.http import quote_etag
from django_filters import FilterSet
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError as NinjaValidationError

from portal.links import absolute_url
from portal.page_cache import catalogue_last_modified, catalogue_version
from portal.ratelimits import api_throttle, api_too_many_requests

from .filters import PlotFilter, RefusedFilter, ZoneFilter, bind_filter
from .models import District, Indicator, Plot, Project, Sector, Zone

MAX_LIMIT = 100
FreeBasisName = Literal[
    "plot_inventory", "reported_fill_rate", "reported_fill_rate_upper_bound", "unknown"
]
Language = Literal["vi", "en", "zh-hans"]

api = NinjaAPI(
    title="Lạng Sơn industrial land API",
    version="1.0",
    description=(
        "Read-only open data on Lạng Sơn's industrial parks, clusters, plots, tenant projects and "
        "the province's industrial indicators. Translated text follows `?lang=` or "
        "`Accept-Language` (vi, en, zh-hans). Lists are paginated with `limit` (at most 100) "
        "and `offset`, in a stable order. Responses carry an `ETag` (and `Last-Modified`, once "
        "the second of the last change is over): repeat a request with `If-None-Match` or "
        "`If-Modified-Since` to get 304 when nothing changed. Limited per client "
        "address; over the limit the answer is 429 with `Retry-After`. Figures marked "
        "`is_sample` are illustrative, not official. A zone's `free_area_ha` follows one rule, "
        "named by `free_area_basis`: `plot_inventory` (the sum of its available plots, where "
        "staff marked the plot list complete and none of the plots is sample data; "
        "`fill_rate_pct` is then computed from the plots), `reported_fill_rate` (estimated from "
        "the reported fill rate and the leasable area), `reported_fill_rate_upper_bound` (the "
        "leasable area is unknown: the free share of the total area, which includes roads and "
        "green space, so at most this much) or `unknown` (null). Estimates are rounded to two "
        "significant figures and flagged `free_area_approximate`; `*_approximate` flags a "
        "figure the source gives as approximate; `figures_as_of_precision` (day, month, year) "
        "and `figures_as_of_until` say how precisely the figures are dated."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class Error(Schema):
    detail: str


class TooManyRequests(Exception):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after


@api.exception_handler(TooManyRequests)
def too_many_requests(request: HttpRequest, exc: TooManyRequests) -> HttpResponse:
    return api_too_many_requests(exc.retry_after)


@api.exception_handler(RefusedFilter)
def refused_filter(request: HttpRequest, exc: RefusedFilter) -> HttpResponse:
    return api.create_response(
        request, {"detail": "Invalid filter values.", "errors": exc.errors}, status=400
    )


@api.exception_handler(NinjaValidationError)
def bad_parameters(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    # 400, not 422: a bad query string is the client's bad request.
    return api.create_response(
        request, {"detail": "Invalid parameters.", "errors": exc.errors}, status=400
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Not found."}, status=404)


def _prepare(request: HttpRequest, response: HttpResponse, lang: str | None) -> None:
    """Throttle, choose the language, and set the validators: ETag and Last-Modified both come
    from the catalogue's version, which every change moves (deletes and bulk updates too)."""
    if retry_after := api_throttle(request):
        raise TooManyRequests(retry_after)
    translation.activate(lang or translation.get_language_from_request(request))
    version = catalogue_version()
    # One answer per address, language and version: a language is a representation of its own.
    response["ETag"] = quote_etag(f"{version}-{translation.get_language()}")
    if last_modified := catalogue_last_modified(version):
        response["Last-Modified"] = last_modified
    response["Content-Language"] = translation.get_language()


def _page(queryset: QuerySet[Any], limit: int, offset: int) -> dict[str, Any]:
    return {
        "count": queryset.count(),
        "limit": limit,
        "offset": offset,
        "items": list(queryset[offset : offset + limit]),
    }


def _filter(
    filterset_class: type[FilterSet], request: HttpRequest, queryset: QuerySet[Any]
) -> QuerySet[Any]:
    params = request.GET.copy()
    for name in ("limit", "offset", "lang"):
        params.pop(name, None)
    # An unknown slug finds nothing, as a search would; the HTML form calls it an error. An
    # unpublished zone is an unknown one: the answer never tells that it exists.
    known: dict[str, QuerySet[Any]] = {
        "sector": Sector.objects.all(),
        "zone": Zone.objects.published(),
    }
    for name, choices in known.items():
        if params.get(name) and not choices.filter(slug=params[name]).exists():
            return queryset.none()
    return bind_filter(filterset_class, params, queryset).qs


class ZoneOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    district: str
    district_label: str
    parent: str | None
    status: str
    status_label: str
    total_area_ha: float | None
    total_area_approximate: bool
    leasable_area_ha: float | None
    leasable_area_approximate: bool
    fill_rate_pct: float | None
    fill_rate_approximate: bool
    free_area_ha: float | None
    free_area_basis: FreeBasisName
    free_area_approximate: bool
    free_share_pct: float | None
    latitude: float | None
    longitude: float | None
    coordinates_are_sample: bool
    figures_as_of: datetime.date | None
    figures_as_of_precision: Literal["day", "month", "year"]
    figures_as_of_until: datetime.date | None
    is_sample: bool
    url: str

    @staticmethod
    def resolve_fill_rate_pct(zone: Zone) -> Any:
        # Computed from the plots where they count (Zone.fill_rate_shown_pct).
        return zone.fill_rate_shown_pct

    @staticmethod
    def resolve_fill_rate_approximate(zone: Zone) -> bool:
        return zone.fill_rate_shown_approximate

    @staticmethod
    def resolve_free_area_ha(zone: Zone) -> Any:
        return zone.free_land.ha

    @staticmethod
    def resolve_free_area_basis(zone: Zone) -> str:
        return zone.free_land.basis

    @staticmethod
    def resolve_free_area_approximate(zone: Zone) -> bool:
        return zone.free_land.approximate

    @staticmethod
    def resolve_free_share_pct(zone: Zone) -> Any:
        return zone.free_land.free_share_pct

    @staticmethod
    def resolve_kind_label(zone: Zone) -> str:
        return str(zone.get_kind_display())

    @staticmethod
    def resolve_district_label(zone: Zone) -> str:
        return str(zone.get_district_display())

    @staticmethod
    def resolve_status_label(zone: Zone) -> str:
        return str(zone.get_status_display())

    @staticmethod
    def resolve_parent(zone: Zone) -> str | None:
        return zone.parent.slug if zone.parent else None

    @staticmethod
    def resolve_url(zone: Zone, context: dict[str, Any]) -> str:
        return absolute_url(zone.get_absolute_url())


class HistoryPoint(Schema):
    date: datetime.date
    fill_rate_pct: float


class PlotSummary(Schema):
    count: int
    available_count: int
    available_area_ha: float | None


class ZoneDetailOut(ZoneOut):
    reported_tenants: int | None
    reported_capital_vnd: float | None
    reported_capital_approximate: bool
    public_investment_vnd: float | None
    public_investment_approximate: bool
    description: str
    infrastructure: str
    connectivity: str
    incentives: str
    power_substation_mva: float | None
    power_spare_mva: float | None
    water_m3_day: int | None
    water_spare_m3_day: int | None
    wastewater_m3_day: int | None
    wastewater_spare_m3_day: int | None
    km_to_huu_nghi_gate: float | None
    km_to_hanoi: float | None
    km_to_noi_bai: float | None
    km_to_hai_phong_port: float | None
    km_to_highway: float | None
    km_to_railway_station: float | None
    details_are_sample: bool
    sectors: list[str]
    plots: PlotSummary
    fill_rate_history: list[HistoryPoint]

    @staticmethod
    def resolve_sectors(zone: Zone) -> list[str]:
        return [sector.slug for sector in zone.sectors.all()]

    @staticmethod
    def resolve_plots(zone: Zone) -> dict[str, Any]:
        return {
            "count": zone.plot_count,
            "available_count": zone.free_plot_count,
            "available_area_ha": zone.free_plot_m2 / 10_000 if zone.plot_count else None,
        }

    @staticmethod
    def resolve_fill_rate_history(zone: Zone) -> list[dict[str, Any]]:
        return [{"date": day, "fill_rate_pct": rate} for day, rate in zone.fill_rate_history()]


class PlotOut(Schema):
    """A plot is named by its zone and code, never by its database id."""

    zone: str
    code: str
    url: str
    area_m2: float
    area_ha: float
    status: str
    status_label: str
    rent_amount: float | None
    rent_currency: str
    rent_basis: str
    rent_quoted_on: datetime.date | None
    lease_term_ends: datetime.date | None
    sectors: list[str]
    is_sample: bool

    @staticmethod
    def resolve_zone(plot: Plot) -> str:
        return plot.zone.slug

    @staticmethod
    def resolve_url(plot: Plot, context: dict[str, Any]) -> str:
        return absolute_url(plot.get_absolute_url())

    @staticmethod
    def resolve_status_label(plot: Plot) -> str:
        return str(plot.get_status_display())

    @staticmethod
    def resolve_sectors(plot: Plot) -> list[str]:
        return [sector.slug for sector in plot.sectors.all()]


class ProjectOut(Schema):
    id: int
    zone: str
    investor_name: str
    sector: str | None
    registered_capital_vnd: float | None
    area_ha: float | None
    status: str
    status_label: str
    is_sample: bool

    @staticmethod
    def resolve_zone(project: Project) -> str:
        return project.zone.slug

    @staticmethod
    def resolve_sector(project: Project) -> str | None:
        return project.sector.slug if project.sector else None

    @staticmethod
    def resolve_status_label(project: Project) -> str:
        return str(project.get_status_display())


class IndicatorOut(Schema):
    slug: str
    name: str
    value: float
    unit: str
    period: str
    note: str
    source: str


def page_of(schema: type[Schema]) -> type[Schema]:
    return type(
        f"{schema.__name__.removesuffix('Out')}Page",
        (Schema,),
        {"__annotations__": {"count": int, "limit": int, "offset": int, "items": list[schema]}},  # type: ignore[valid-type]
    )


ZonePage, PlotPage, ProjectPage, IndicatorPage = (
    page_of(ZoneOut),
    page_of(PlotOut),
    page_of(ProjectOut),
    page_of(IndicatorOut),
)
ERRORS = {400: Error, 404: Error, 429: Error}


def one_of(*values: str) -> Any:
    return Literal[tuple(values)]


def sorts(*names: str) -> Any:
    return one_of(*names, *(f"-{name}" for name in names))


# Slugs are documented as such: a schema-valid value must never be a 400 (a NUL byte is one).
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
Area = Annotated[float, Field(ge=0, le=10_000_000)]


# The allowed values are Literal types built from the models' choices at run time: pydantic
# validates and documents them; mypy cannot read a call as a type.
class ZoneQuery(Schema):
    kind: one_of(*Zone.Kind.values) | None = None  # type: ignore[valid-type]
    district: one_of(*District.values) | None = None  # type: ignore[valid-type]
    status: one_of(*Zone.Status.values) | None = None  # type: ignore[valid-type]
    min_free_ha: Annotated[float, Field(ge=0, le=100_000)] | None = None
    sector: Slug | None = Field(None, description="A sector's slug; unknown: no zone.")
    sort: sorts("free", "fill", "name") | None = None  # type: ignore[valid-type]


class PlotQuery(Schema):
    zone: Slug | None = Field(None, description="A zone's slug; unknown: no plot.")
    district: one_of(*District.values) | None = None  # type: ignore[valid-type]
    status: one_of("", *Plot.Status.values) | None = Field(  # type: ignore[valid-type]
        None, description="Default: available; empty for every status."
    )
    area_min: Area | None = None
    area_max: Area | None = None
    area_unit: Literal["ha", "m2"] | None = None
    rent_min: Area | None = None
    rent_max: Area | None = None
    sector: Slug | None = Field(None, description="A sector's slug; unknown: no plot.")
    sort: sorts("area", "rent") | None = None  # type: ignore[valid-type]


Limit = Query(20, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}.")
Offset = Query(0, ge=0, le=1_000_000)


@api.get("/zones", response={200: ZonePage, **ERRORS}, summary="Zones, with the /zones/ filters")
def zones(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[ZoneQuery],
    limit: int = Limit,
    offset: int = Offset,
    lang: Language | None = None,
) -> dict[str, Any]:
    _prepare(request, response, lang)
    queryset = _filter(ZoneFilter, request, Zone.objects.for_listing())
    return _page(queryset.order_by("slug") if not filters.sort else queryset, limit, offset)


@api.get(
    "/zones/{slug}",
    response={200: ZoneDetailOut, **ERRORS},
    summary="One zone, with its plots summary and fill-rate history",
)
def zone(
    request: HttpRequest,
    response: HttpResponse,
    slug: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=80)],
    lang: Language | None = None,
) -> Zone:
    _prepare(request, response, lang)
    return get_object_or_404(Zone.objects.for_listing().prefetch_related("sectors"), slug=slug)


@api.get(
    "/plots",
    response={200: PlotPage, **ERRORS},
    summary="Plots, with the /plots/ filters",
    # Not a typed parameter: no schema can say "west less than east", and schemathesis rightly
    # counts a schema-valid value answered with 400 as a broken promise.
    description=(
        "Also `bbox=minlon,minlat,maxlon,maxlat` (west, south, east, north, in degrees), as "
        "the search page's map sends it: plots whose outline reaches into that area, or without "
        "an outline, whose zone's position is in it. A malformed or empty area is a 400."
    ),
)
def plots(
    request: HttpRequest,
    response: HttpResponse,
    filters: Query[PlotQuery],
    limit: int = Limit,
    offset: int = Offset,
    lang: Language | None = None,
) -> dict[str, Any]:
    _prepare(request, response, lang)
    queryset: QuerySet[Plot] = (
        Plot.objects.published().select_related("zone").prefetch_related("sectors")
    )
    queryset = _filter(PlotFilter, request, queryset)
    return _page(
        queryset.order_by("zone__slug", "code") if not filters.sort else queryset, limit, offset
    )


@api.get(
    "/projects",
    response={200: ProjectPage, **ERRORS},
    summary="Tenants' investment projects (companies only, no personal data)",
)
def projects(
    request: HttpRequest,
    response: HttpResponse,
    zone: Annotated[str | None, Query(None, pattern=SLUG_PATTERN, max_length=80)] = None,
    limit: int = Limit,
    offset: int = Offset,
    lang: Language | None = None,
) -> dict[str, Any]:
    _prepare(request, response, lang)
    queryset = Project.objects.filter(zone__is_published=True).select_related("zone", "sector")
    if zone:
        queryset = queryset.filter(zone__slug=zone)
    return _page(queryset.order_by("pk"), limit, offset)


@api.get(
    "/indicators",
    response={200: IndicatorPage, **ERRORS},
    summary="The province's industrial indicators",
)
def indicators(
    request: HttpRequest,
    response: HttpResponse,
    limit: int = Limit,
    offset: int = Offset,
    lang: Language | None = None,
) -> dict[str, Any]:
    _prepare(request, response, lang)
    return _page(Indicator.objects.order_by("position", "slug"), limit, offset)
