"""What a project would get: the rules (IncentiveRule, kept by staff) applied to what the
investor typed. Pure reading: nothing is written.

Where a project qualifies for several CIT levels, the single most favourable one applies; levels
never add up (Investment Law 2020 Art. 15, M). "Most favourable" is the lowest total tax over the
illustration's years for a steady profit, which is the same for any profit.
"""

import datetime
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from portal.page_cache import catalogue_version
from zones.models import Sector, Zone

from .models import (
    STANDARD_CIT_PCT,
    Confidence,
    DistrictClass,
    IncentiveRule,
    LocationClass,
)

YEARS = 15
HALF = Decimal("0.5")


@dataclass
class Project:
    """What the investor told us. Money in billion VND (the form converts USD)."""

    licence_date: datetime.date
    zone: Zone | None = None
    district: str = ""
    sector: Sector | None = None
    capital_vnd_bn: Decimal | None = None
    jobs: int | None = None
    revenue_vnd_bn: Decimal | None = None
    large_group: bool = False


@dataclass
class Location:
    slug: str
    name: str
    confidence: str
    source: str


@dataclass
class Finding:
    """One rule, as it applies (or not) to the project."""

    rule_id: int
    kind: str
    kind_label: str
    title: str
    summary: str
    how_much: str
    legal_basis: str
    confidence: str
    verify: bool
    reasons: list[str] = field(default_factory=list)
    rates: list[Decimal] = field(default_factory=list)  # CIT: the rate in each year

    @property
    def confidence_choice(self) -> Confidence:
        return Confidence(self.confidence)


@dataclass
class Answer:
    project: Project
    locations: list[Location]
    applies: list[Finding]
    does_not_apply: list[Finding]
    warnings: list[Finding]
    cit: Finding | None

    @property
    def cit_rates(self) -> list[Decimal]:
        return self.cit.rates if self.cit else [STANDARD_CIT_PCT] * YEARS

    def illustration(self, profit_vnd_bn: Decimal) -> list[tuple[int, Decimal, Decimal, Decimal]]:
        """(year, rate, tax under the regime, tax at the standard rate) for each year."""
        standard = profit_vnd_bn * STANDARD_CIT_PCT / 100
        return [
            (year, rate, profit_vnd_bn * rate / 100, standard)
            for year, rate in enumerate(self.cit_rates, start=1)
        ]

    def as_json(self) -> dict[str, Any]:
        def finding(f: Finding) -> dict[str, Any]:
            data = asdict(f)
            data["rates"] = [float(r) for r in f.rates]
            del data["rule_id"]
            return data

        return {
            "indicative": indicative_note(),
            "single_level": single_level_note(),
            "locations": [asdict(loc) for loc in self.locations],
            "cit_rates_pct": [float(r) for r in self.cit_rates],
            "standard_cit_pct": float(STANDARD_CIT_PCT),
            "applies": [finding(f) for f in self.applies],
            "does_not_apply": [finding(f) for f in self.does_not_apply],
            "warnings": [finding(f) for f in self.warnings],
        }


def indicative_note() -> str:
    return _(
        "Kết quả chỉ mang tính tham khảo: ưu đãi ràng buộc là ưu đãi ghi trong Giấy chứng nhận "
        "đăng ký đầu tư (IRC) của dự án."
    )


def single_level_note() -> str:
    return _(
        "Dự án đủ điều kiện theo nhiều căn cứ chỉ được hưởng một mức ưu đãi thuế TNDN có lợi "
        "nhất; các mức không cộng dồn."
    )


@dataclass(frozen=True)
class RuleBook:
    """Every active rule with its conditions, the location classes and the districts' classes:
    what an estimate reads from the database."""

    rules: list[IncentiveRule]
    classes: dict[str, LocationClass]
    districts: dict[str, DistrictClass]


_rule_book: tuple[int, RuleBook] | None = None


def rule_book() -> RuleBook:
    """The rule book, read once per catalogue version by each process (five queries, a fifth of
    a zone page's time, which shows the headline incentive): every change of a rule, a location
    class or a district's class moves the version (incentives/apps.py), which is asked of the
    cache each time, so a change shows at once on every app server. While the cache is down
    the version is new on every call, and the book is read every time."""
    global _rule_book
    version = catalogue_version()
    if _rule_book is not None and _rule_book[0] == version:
        return _rule_book[1]
    book = RuleBook(
        rules=list(IncentiveRule.objects.for_estimate()),
        classes={lc.slug: lc for lc in LocationClass.objects.all()},
        districts={
            row.district: row for row in DistrictClass.objects.select_related("location_class")
        },
    )
    _rule_book = (version, book)
    return book


def project_locations(project: Project) -> list[Location]:
    """The incentive location classes of the project's place, each with its source and
    confidence: an economic zone from the zone's record, the district from DistrictClass, an
    industrial park from the zone's kind."""
    book = rule_book()
    classes = book.classes
    found: list[Location] = []

    def add(slug: str, confidence: str, source: str) -> None:
        if (lc := classes.get(slug)) and slug not in {f.slug for f in found}:
            weakest = Confidence.weakest(confidence, lc.confidence)
            found.append(Location(slug, lc.name, weakest.value, source))

    zone = project.zone
    if zone is not None:
        parent = zone.parent
        if zone.kind == Zone.Kind.ECONOMIC_ZONE:
            add(LocationClass.ECONOMIC_ZONE, Confidence.HIGH, zone.name)
        elif parent is not None and parent.kind == Zone.Kind.ECONOMIC_ZONE:
            add(
                LocationClass.ECONOMIC_ZONE,
                Confidence.HIGH,
                _("%(zone)s nằm trong %(parent)s") % {"zone": zone.name, "parent": parent.name},
            )
    district = zone.district if zone is not None else project.district
    if row := book.districts.get(district):
        add(row.location_class.slug, row.confidence, row.source)
    if zone is not None and zone.kind == Zone.Kind.INDUSTRIAL_PARK:
        add(LocationClass.INDUSTRIAL_PARK, Confidence.HIGH, zone.name)
    return found


def cit_rates(rule: IncentiveRule, years: int = YEARS) -> list[Decimal]:
    """The CIT rate in each year from the first taxable year: exempt, then half, then the
    preferential rate for its years, then the standard rate."""
    rates = []
    for year in range(1, years + 1):
        base = STANDARD_CIT_PCT
        if rule.cit_rate_pct is not None and (
            rule.cit_rate_years is None or year <= rule.cit_rate_years
        ):
            base = rule.cit_rate_pct
        if year <= rule.exempt_years:
            rates.append(Decimal(0))
        elif year <= rule.exempt_years + rule.reduction_years:
            rates.append(base * HALF)
        else:
            rates.append(base)
    return rates


def pct(value: Decimal) -> str:
    """10 → "10", 8.50 → "8,5" in Vietnamese, "8.5" in English."""
    whole = value.to_integral_value()
    return number_format(whole if value == whole else value.normalize())


def _count(value: int | Decimal) -> str:
    return number_format(value, 0, force_grouping=True)


def _bn(value: Decimal) -> str:
    return _("%(value)s tỷ đồng") % {"value": _count(value)}


def _date(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def _reasons(rule: IncentiveRule, project: Project, locations: list[Location]) -> list[str]:
    """Why the rule does not apply: one sentence per condition not met; none if it applies."""
    reasons = []
    wanted = list(rule.location_classes.all())
    if wanted and not {lc.slug for lc in wanted} & {loc.slug for loc in locations}:
        reasons.append(
            _("Địa bàn dự án không thuộc: %(classes)s.")
            % {"classes": ", ".join(lc.name for lc in wanted)}
        )
    sectors = list(rule.sectors.all())
    if sectors and project.sector not in sectors:
        reasons.append(
            _("Chỉ cho các ngành: %(sectors)s.") % {"sectors": ", ".join(s.name for s in sectors)}
        )
    if rule.min_capital_vnd_bn is not None and (
        project.capital_vnd_bn is None or project.capital_vnd_bn < rule.min_capital_vnd_bn
    ):
        reasons.append(_("Vốn đầu tư dưới %(amount)s.") % {"amount": _bn(rule.min_capital_vnd_bn)})
    jobs_ok = rule.min_jobs is not None and (project.jobs or 0) > rule.min_jobs - 1
    revenue_ok = rule.min_revenue_vnd_bn is not None and (
        project.revenue_vnd_bn is not None and project.revenue_vnd_bn >= rule.min_revenue_vnd_bn
    )
    if rule.min_jobs is not None and rule.min_revenue_vnd_bn is not None:
        if not (jobs_ok or revenue_ok):
            reasons.append(
                _("Cần doanh thu từ %(amount)s mỗi năm hoặc từ %(jobs)s lao động.")
                % {"amount": _bn(rule.min_revenue_vnd_bn), "jobs": _count(rule.min_jobs)}
            )
    elif rule.min_jobs is not None and not jobs_ok:
        reasons.append(_("Cần từ %(jobs)s lao động.") % {"jobs": _count(rule.min_jobs)})
    elif rule.min_revenue_vnd_bn is not None and not revenue_ok:
        reasons.append(
            _("Cần doanh thu từ %(amount)s mỗi năm.") % {"amount": _bn(rule.min_revenue_vnd_bn)}
        )
    if rule.max_revenue_vnd_bn is not None and (
        project.revenue_vnd_bn is None or project.revenue_vnd_bn >= rule.max_revenue_vnd_bn
    ):
        reasons.append(
            _("Chỉ cho doanh nghiệp có doanh thu năm dưới %(amount)s.")
            % {"amount": _bn(rule.max_revenue_vnd_bn)}
        )
    if rule.licensed_from and project.licence_date < rule.licensed_from:
        reasons.append(
            _("Chỉ cho dự án được cấp phép từ ngày %(date)s.") % {"date": _date(rule.licensed_from)}
        )
    if rule.licensed_before and project.licence_date >= rule.licensed_before:
        reasons.append(
            _("Chỉ cho dự án được cấp phép trước ngày %(date)s.")
            % {"date": _date(rule.licensed_before)}
        )
    if rule.large_group and not project.large_group:
        reasons.append(_("Chỉ cho thành viên tập đoàn có doanh thu hợp nhất từ 750 triệu EUR."))
    return reasons


def _how_much(rule: IncentiveRule) -> str:
    if rule.kind == IncentiveRule.Kind.CIT:
        parts = []
        if rule.cit_rate_pct is not None:
            if rule.cit_rate_years:
                parts.append(
                    _("thuế suất %(rate)s %% trong %(years)s năm")
                    % {"rate": pct(rule.cit_rate_pct), "years": rule.cit_rate_years}
                )
            else:
                parts.append(_("thuế suất %(rate)s %%") % {"rate": pct(rule.cit_rate_pct)})
        if rule.exempt_years or rule.reduction_years:
            parts.append(
                _("miễn thuế %(exempt)s năm, giảm 50 %% trong %(reduced)s năm tiếp theo")
                % {"exempt": rule.exempt_years, "reduced": rule.reduction_years}
            )
        return "; ".join(parts)
    if rule.exempt_years_other:
        return _("miễn tối đa %(years)s năm") % {"years": rule.exempt_years_other}
    return ""


def _finding(rule: IncentiveRule, locations: list[Location], reasons: list[str]) -> Finding:
    wanted = {lc.slug for lc in rule.location_classes.all()}
    # The answer is only as sure as the rule and the place it rests on.
    place = [loc.confidence for loc in locations if loc.slug in wanted]
    confidence = Confidence.weakest(
        rule.confidence, max(place, key=lambda c: Confidence(c).rank) if place else "H"
    )
    return Finding(
        rule_id=rule.pk,
        kind=rule.kind,
        kind_label=str(rule.get_kind_display()),
        title=rule.title,
        summary=rule.summary,
        how_much=_how_much(rule),
        legal_basis=rule.legal_basis,
        confidence=confidence.value,
        verify=rule.verify_with_authority or confidence != Confidence.HIGH,
        reasons=reasons,
        rates=cit_rates(rule) if rule.kind == IncentiveRule.Kind.CIT else [],
    )


def _most_favourable(candidates: list[tuple[IncentiveRule, Finding]]) -> Finding | None:
    """The CIT level that applies among those the project meets: the lowest total tax, then
    the surest, then the rule book's order."""
    if not candidates:
        return None
    _rule, cit = min(
        candidates,
        key=lambda pair: (sum(pair[1].rates), -pair[1].confidence_choice.rank, pair[0].order),
    )
    return cit


def cit_level(project: Project) -> Finding | None:
    """The CIT level estimate() would choose (its `cit`), without the findings of every other
    rule: the zone page's headline. No query after the rule book's."""
    locations = project_locations(project)
    return _most_favourable(
        [
            (rule, _finding(rule, locations, []))
            for rule in rule_book().rules
            if rule.kind == IncentiveRule.Kind.CIT and not _reasons(rule, project, locations)
        ]
    )


def estimate(project: Project) -> Answer:
    """Apply every active rule to the project. Five queries the first time in a catalogue
    version (rule_book), none after."""
    locations = project_locations(project)
    applies, does_not_apply, warnings, cit_candidates = [], [], [], []
    rules = rule_book().rules
    for rule in rules:
        reasons = _reasons(rule, project, locations)
        finding = _finding(rule, locations, reasons)
        if reasons:
            does_not_apply.append(finding)
        elif rule.kind == IncentiveRule.Kind.CIT:
            cit_candidates.append((rule, finding))
        elif rule.kind == IncentiveRule.Kind.WARNING:
            warnings.append((rule, finding))
        else:
            applies.append(finding)

    cit = _most_favourable(cit_candidates)
    if cit is not None:
        for _rule, other in cit_candidates:
            if other is not cit:
                other.reasons = [
                    _("Một mức ưu đãi có lợi hơn được áp dụng (%(title)s); các mức không cộng dồn.")
                    % {"title": cit.title}
                ]
                does_not_apply.append(other)
        applies.insert(0, cit)

    # A warning that only bites below a rate (the global minimum tax) needs the chosen level.
    rates = cit.rates if cit else [STANDARD_CIT_PCT] * YEARS
    biting = []
    for rule, finding in warnings:
        if rule.bites_below_cit_pct is not None and min(rates) >= rule.bites_below_cit_pct:
            finding.reasons = [
                _("Thuế suất áp dụng không xuống dưới %(rate)s %%.")
                % {"rate": pct(rule.bites_below_cit_pct)}
            ]
            does_not_apply.append(finding)
        else:
            biting.append(finding)
    return Answer(
        project=project,
        locations=locations,
        applies=applies,
        does_not_apply=does_not_apply,
        warnings=biting,
        cit=cit,
    )
