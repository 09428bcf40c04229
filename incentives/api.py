"""GET /api/v1/incentives/estimate: the estimator's answer as JSON. The parameters are the
estimator page's and go through the same form, so the page and the API validate alike."""

from typing import Any, Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema, Status

from portal.ratelimits import api_throttle
from zones.api import ERRORS, TooManyRequests

from .estimator import estimate
from .forms import EstimateForm

router = Router(tags=["incentives"])


class EstimateQuery(Schema):
    zone: str | None = None
    district: str | None = None
    sector: str | None = None
    currency: Literal["vnd", "usd"] | None = None
    capital: str | None = None
    revenue: str | None = None
    profit: str | None = None
    jobs: str | None = None
    licence_date: str | None = None
    large_group: bool = False
    lang: Literal["vi", "en", "zh-hans"] | None = None


class EstimateError(Schema):
    detail: str
    errors: list[dict[str, Any]] = []


@router.get(
    "/estimate",
    response={200: dict[str, Any], **ERRORS, 400: EstimateError},
    summary="The incentives a project would get (indicative; the IRC is binding)",
    description=(
        "`zone` (a zone's slug) or `district`; money in billion VND, or million USD with "
        "`currency=usd`; `licence_date` as YYYY-MM-DD (default today). Each applying incentive "
        "with its legal basis and confidence (H, M, L, X: below H, verify with the authority), "
        "those that do not apply and why, warnings, and the CIT rate of each of 15 years."
    ),
)
def estimate_endpoint(request: HttpRequest, params: Query[EstimateQuery]) -> Any:
    if retry_after := api_throttle(request):
        raise TooManyRequests(retry_after)
    translation.activate(params.lang or translation.get_language_from_request(request))
    data = {k: v for k, v in params.dict().items() if v not in (None, "") and k != "lang"}
    data["large_group"] = "on" if params.large_group else ""
    form = EstimateForm(data)
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
