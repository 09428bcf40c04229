"""GET /api/v1/incentives/estimate: the estimator's answer as JSON. The parameters are the
estimator page's and go through the same form, so the page and the API validate alike."""

import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status
from pydantic import AfterValidator

from portal.ratelimits import api_throttle
from zones.api import ERRORS, Slug, TooManyRequests, one_of
from zones.models import District, Sector, Zone

from .estimator import estimate
from .forms import EstimateForm

router = Router(tags=["incentives"])
CENT = Decimal("0.01")


Amount = Annotated[float, Field(ge=0, le=10_000_000)]
# YYYY-MM-DD only: pydantic's own date would take "0" for 1 Jan 1970.
IsoDate = Annotated[
    str,
    Field(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"}),
    AfterValidator(datetime.date.fromisoformat),
]


class EstimateQuery(Schema):
    zone: Slug | None = Field(None, description="A zone's slug; unknown: 404.")
    district: one_of(*District.values) | None = Field(  # type: ignore[valid-type]
        None, description="Where the project is when it is in no zone."
    )
    sector: Slug | None = Field(None, description="A sector's slug; unknown: 404.")
    currency: Literal["vnd", "usd"] | None = Field(
        None, description="vnd: billion VND (default); usd: million USD."
    )
    capital: Amount | None = None
    revenue: Amount | None = None
    profit: Amount | None = Field(None, description="For the 15-year CIT illustration.")
    jobs: Annotated[int, Field(ge=0, le=10_000_000)] | None = None
    licence_date: IsoDate | None = Field(None, description="Default: today.")
    large_group: bool = Field(False, description="Group revenue ≥ EUR 750 million.")
    lang: Literal["vi", "en", "zh-hans"] | None = None


def _form_data(params: EstimateQuery) -> dict[str, str]:
    """The query as the estimator page's form reads it: amounts to the cent, dates in ISO."""
    data = {
        "zone": params.zone or "",
        "district": params.district or "",
        "sector": params.sector or "",
        "currency": params.currency or "vnd",
        "jobs": "" if params.jobs is None else str(params.jobs),
        "licence_date": params.licence_date.isoformat() if params.licence_date else "",  # type: ignore[attr-defined]
        "large_group": "on" if params.large_group else "",
    }
    for name in ("capital", "revenue", "profit"):
        value = getattr(params, name)
        data[name] = "" if value is None else str(Decimal(str(value)).quantize(CENT))
    return data


class EstimateError(Schema):
    detail: str
    errors: list[dict[str, Any]] = []


@router.get(
    "/estimate",
    response={200: dict[str, Any], **ERRORS, 400: EstimateError},
    summary="The incentives a project would get (indicative; the IRC is binding)",
    description=(
        "`zone` (a zone's slug) or `district` (neither: a project outside any incentive "
        "area); money in billion VND, or million USD with "
        "`currency=usd`; `licence_date` as YYYY-MM-DD (default today). Each applying incentive "
        "with its legal basis and confidence (H, M, L, X: below H, verify with the authority), "
        "those that do not apply and why, warnings, and the CIT rate of each of 15 years."
    ),
)
def estimate_endpoint(request: HttpRequest, params: Query[EstimateQuery]) -> Any:
    if retry_after := api_throttle(request):
        raise TooManyRequests(retry_after)
    translation.activate(params.lang or translation.get_language_from_request(request))
    # An unknown zone or sector is not found, as /zones/{slug} is.
    if params.zone and not Zone.objects.published().filter(slug=params.zone).exists():
        raise Http404
    if params.sector and not Sector.objects.filter(slug=params.sector).exists():
        raise Http404
    form = EstimateForm(_form_data(params), require_place=False)
    if not form.is_valid():
        return Status(
            400,
            {
                "detail": "Invalid parameters.",
                "errors": [
                    {"field": field, "messages": [str(m) for m in messages]}
                    for field, messages in form.errors.items()
                ],
            },
        )
    answer = estimate(form.project())
    body = answer.as_json()
    body["inputs"] = form.inputs()
    if (profit := form.vnd_bn("profit")) is not None:
        body["illustration"] = [
            {"year": y, "rate_pct": float(r), "tax_vnd_bn": float(t), "standard_vnd_bn": float(s)}
            for y, r, t, s in answer.illustration(profit)
        ]
    return body
