from urllib.parse import quote

import django_filters
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import DetailView, ListView, TemplateView

from portal.links import absolute_url

from . import places
from .charts import bar_chart, line_chart
from .costs import cost_table, default_years, occupancy, plot_costs
from .data import langson
from .factsheets import outline_svg, render_pdf
from .filters import BuildingFilter, PlotFilter, RefusedFilter, ZoneFilter, bind_filter
from .forms import CostCalculatorForm, ProposalForm
from .maps import MARKER_FIELDS, map_legend, map_markers, plot_map, results_map, zone_map
from .models import (
    Building,
    CostItem,
    ExchangeRate,
    Indicator,
    Plot,
    Project,
    Proposal,
    Sector,
    Zone,
)
from .places import PLACES_BY_SLUG, distances_from, other_clusters
from .services import proposal_submit
from .shortlist import shortlist_get, shortlist_toggle_zone

GROWTH_INDICATORS = ("industrial-growth-2011-2015", "industrial-growth-2016-2020")
OUTPUT_INDICATORS = ("industrial-output-2019", "industrial-output-2020")


class HomeView(TemplateView):
    template_name = "zones/home.html"
    featured = 9  # zone cards: those with the most free land

    def get_context_data(self, **kwargs):
        zones = Zone.objects.for_listing().listed_columns()
        indicators = {i.slug: i for i in Indicator.objects.all()}
        figures = Zone.objects.headline_figures()
        others = other_clusters(indicators, figures["cluster_count"])
        featured = list(
            zones.order_by(F("free_area_ha").desc(nulls_last=True), "name")[: self.featured]
        )
        # A map when any published zone has a position: the featured ones most often say so,
        # without a query of their own.
        any_position = any(zone.latitude is not None for zone in featured) or (
            Zone.objects.published().filter(latitude__isnull=False).exists()
        )
        return super().get_context_data(
            figures=figures,
            other_clusters=others,
            crossings=places.border_crossings(),
            province_distances=places.province_distances(),
            neighbours=places.neighbours(),
            places_source=places.places_source(),
            zones=featured,
            indicators=indicators.values(),
            growth_chart=bar_chart(
                [indicators[s] for s in GROWTH_INDICATORS if s in indicators], unit="%"
            ),
            output_chart=bar_chart([indicators[s] for s in OUTPUT_INDICATORS if s in indicators]),
            # Every zone on the map, from /zones/map.json: at 500 zones the markers were 100 KB of
            # the page's 115, before anything showed.
            map_data=(
                {
                    "markersUrl": reverse("zones:markers"),
                    "legend": map_legend(others),
                    "places": places.map_places(),
                }
                if any_position
                else None
            ),
            **kwargs,
        )


def zone_markers(request):
    """Every published zone's map marker, as JSON, for the home page's map (page-cached)."""
    data = map_markers(Zone.objects.published().only(*MARKER_FIELDS)) or {"markers": []}
    return JsonResponse({"markers": data["markers"]})


class FilteredListMixin:
    """A list narrowed by a django-filter FilterSet from the query string, paginated.

    Invalid filter values are shown next to their field, with a 400 and no results."""

    filterset_class: type[django_filters.FilterSet] | None = None
    paginate_by: int | None = 20

    def get(self, request, *args, **kwargs):
        try:
            self.filterset = bind_filter(
                self.filterset_class, request.GET or None, self.base_queryset()
            )
        except RefusedFilter as refused:
            self.filterset = refused.filterset
            self.object_list = self.filterset.queryset.none()
            context = self.get_context_data(invalid=True)
            return self.render_to_response(context, status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter=self.filterset, query_without_page=query.urlencode(), **kwargs
        )


class ZoneListView(FilteredListMixin, ListView):
    template_name = "zones/zone_list.html"
    context_object_name = "zones"
    filterset_class = ZoneFilter

    def base_queryset(self):
        return Zone.objects.for_listing().listed_columns()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        others = places.other_clusters_listed()
        data = self.request.GET
        # The unnamed clusters belong in a list of clusters, in their districts, of any status.
        if others and (
            data.get("kind", "") in ("", Zone.Kind.INDUSTRIAL_CLUSTER)
            and data.get("district", "") in ("", *langson.CLUSTER_DISTRICTS)
            and not data.get("status")
            and not data.get("sector")
        ):
            context["other_clusters"] = others
        context["map_data"] = map_markers(context["zones"])
        if context["map_data"]:
            context["map_data"]["legend"] = map_legend(context.get("other_clusters"))
        return context


class PlotListView(FilteredListMixin, ListView):
    template_name = "zones/plot_list.html"
    context_object_name = "plots"
    filterset_class = PlotFilter
    LISTED_FIELDS = (
        *("code", "area_m2", "min_part_m2", "status", "is_sample"),
        *("rent_amount", "rent_currency", "rent_basis", "rent_quoted_on", "lease_term_ends"),
        *("zone__slug", "zone__district"),
        *(f"zone__{field}" for field in Zone.NAME_FIELDS),
        # The results map: each plot's outline, else its zone's position.
        *("boundary", "zone__latitude", "zone__longitude"),
    )

    def base_queryset(self):
        return (
            Plot.objects.published()
            .select_related("zone")
            # The sectors' queryset given, as on the zone page (see ZoneDetailView).
            .prefetch_related(Prefetch("sectors", queryset=Sector.objects.all()))
            .order_by("zone__name", "code")
            # Only what the table shows: sorting 17,000 free plots with every column of the
            # plot and its zone took twice as long (24 ms, against 12, at 50,000 plots).
            .only(*self.LISTED_FIELDS)
        )

    def get(self, request, *args, **kwargs):
        if not request.GET:  # the default search: available plots
            request.GET = request.GET.copy()
            request.GET["status"] = Plot.Status.AVAILABLE
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        # The area, when valid, even if another filter is not: kept for the corrected search.
        box = form.cleaned_data.get("bbox") if form.is_bound else None
        if box or (form.is_bound and "bbox" in form.errors):
            query = self.request.GET.copy()
            for name in ("bbox", "page"):
                query.pop(name, None)
            context["map_area"] = {"box": box, "remove_query": query.urlencode()}
        # The current page's plots only: the list is the truth, the map shows what it lists.
        context["map_data"] = results_map(context["plots"], box=box)
        return context


class BuildingListView(FilteredListMixin, ListView):
    template_name = "zones/building_list.html"
    context_object_name = "buildings"
    filterset_class = BuildingFilter

    def base_queryset(self):
        return Building.objects.published().select_related("zone").order_by("zone__name", "code")


class BuildingDetailView(DetailView):
    template_name = "zones/building_detail.html"
    context_object_name = "building"

    def get_object(self, queryset=None):
        buildings = Building.objects.published().select_related("zone")
        return get_object_or_404(
            buildings, zone__slug=self.kwargs["slug"], code=self.kwargs["code"]
        )

    def get_context_data(self, **kwargs):
        zone = self.object.zone
        return super().get_context_data(
            zone=zone, distances=distances_from(zone.latitude, zone.longitude), **kwargs
        )


class ZoneDetailView(DetailView):
    template_name = "zones/zone_detail.html"
    context_object_name = "zone"

    def get_queryset(self):
        return Zone.objects.for_listing().prefetch_related(
            Prefetch(
                "plots",
                # The sectors' queryset given: without one, each plot's sectors manager makes
                # (and modeltranslation patches) a queryset of its own only to be filled with
                # the prefetched rows, which took half the prefetch's time (100 plots: 20 ms).
                queryset=Plot.objects.free_first().prefetch_related(
                    Prefetch("sectors", queryset=Sector.objects.all())
                ),
            ),
            Prefetch("projects", queryset=Project.objects.select_related("sector")),
            # Only what the list of child zones shows: not a query of 87 columns.
            Prefetch(
                "children",
                queryset=Zone.objects.published().only("parent", "slug", *Zone.NAME_FIELDS),
            ),
            Prefetch("costs", queryset=CostItem.objects.filter(plot=None), to_attr="zone_costs"),
            "photos",
        )

    def get_context_data(self, **kwargs):
        points, changes = self.object.figure_history()
        return super().get_context_data(
            cost_rows=cost_table(self.object.zone_costs),
            fill_rate_chart=line_chart(points),
            figure_changes=changes,
            crossing_distances=places.crossing_distances(self.object),
            province_distances=places.province_distances(),
            places_source=places.places_source(),
            map_data=zone_map(self.object),
            **kwargs,
        )


class PlotDetailView(DetailView):
    """One plot: its outline in its zone's, its figures, its price and a way to ask about it."""

    template_name = "zones/plot_detail.html"
    context_object_name = "plot"

    def get_object(self, queryset=None):
        plots = (
            Plot.objects.published()
            .by_reference(f"{self.kwargs['slug']}/{self.kwargs['code']}")
            .select_related("zone")
            .prefetch_related("sectors", "photos")
        )
        return get_object_or_404(plots)

    def get(self, request, *args, **kwargs):
        self.object = plot = self.get_object()
        costs = plot_costs(plot)
        rates = {rate.currency: rate for rate in ExchangeRate.objects.all()}
        asked = "area" in request.GET or "years" in request.GET
        form = CostCalculatorForm(
            request.GET if asked else None,
            initial={"area": plot.area_m2, "years": default_years(plot, costs)},
        )
        if asked and form.is_valid():
            area, years = form.cleaned_data["area"], form.cleaned_data["years"]
        else:
            area, years = plot.area_m2, default_years(plot, costs)
        context = self.get_context_data(
            object=plot,
            zone=plot.zone,
            map_data=plot_map(plot),
            cost_rows=cost_table(costs),
            distances=distances_from(plot.zone.latitude, plot.zone.longitude),
            calculator=form,
            occupancy=occupancy(plot, costs, rates, area_m2=area, years=years),
        )
        return self.render_to_response(context, status=400 if asked and form.errors else 200)


def plot_factsheet(request, slug, code):
    """The plot's fact sheet as a PDF in the visitor's language (cached until the catalogue
    changes)."""
    plots = (
        Plot.objects.published()
        .by_reference(f"{slug}/{code}")
        .select_related("zone")
        .prefetch_related("sectors")
    )
    plot = get_object_or_404(plots)
    outlines = plot.zone.plots.exclude(boundary=None).values_list("code", "boundary")
    context = {
        "plot": plot,
        "zone": plot.zone,
        "cost_rows": cost_table(plot_costs(plot)),
        "distances": distances_from(plot.zone.latitude, plot.zone.longitude),
        "map_svg": outline_svg(plot.zone.boundary, outlines, highlight=plot.code),
        "page_url": absolute_url(plot.get_absolute_url()),
    }
    filename = slugify(f"{plot.zone.slug}-{plot.code}") or "plot"
    return _factsheet(request, f"plot:{quote(plot.reference)}", "plot", context, filename)


def zone_factsheet(request, slug):
    """The zone's fact sheet as a PDF in the visitor's language."""
    zone = get_object_or_404(Zone.objects.for_listing(), slug=slug)
    outlines = zone.plots.exclude(boundary=None).values_list("code", "boundary")
    context = {
        "zone": zone,
        "cost_rows": cost_table(list(zone.costs.filter(plot=None))),
        "distances": distances_from(zone.latitude, zone.longitude),
        "map_svg": outline_svg(zone.boundary, outlines),
        "page_url": absolute_url(zone.get_absolute_url()),
    }
    return _factsheet(request, f"zone:{zone.slug}", "zone", context, zone.slug)


def _factsheet(request, key, template, context, filename):
    context["LANGUAGE_CODE"] = get_language()
    pdf = render_pdf(
        key,
        f"zones/factsheets/{template}.html",
        context,
        base_url=request.build_absolute_uri("/"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response


def _compared_zones(request):
    """The zones to compare, from ?zones=a,b,c, else the visitor's shortlist: (zones, whether
    more were asked for than the limit)."""
    limit = settings.COMPARE_MAX_ZONES
    requested = request.GET.get("zones")
    slugs = [s for s in (requested or "").split(",") if s][:50]
    if requested is None:
        slugs = shortlist_get(request)
    if not slugs:  # nothing to compare: building the listing's query alone cost 8 ms
        return [], False
    found = {
        z.slug: z for z in Zone.objects.for_listing().with_min_rent().filter(slug__in=slugs[:limit])
    }
    return [found[s] for s in slugs[:limit] if s in found], len(slugs) > limit


def compare(request):
    """Up to four zones side by side: from ?zones=a,b,c, else the visitor's shortlist."""
    zones, too_many = _compared_zones(request)
    context = {
        "zones": zones,
        "too_many": too_many,
        "limit": settings.COMPARE_MAX_ZONES,
        "share_query": ",".join(z.slug for z in zones),
    }
    return render(request, "zones/compare.html", context, status=400 if too_many else 200)


def compare_factsheet(request):
    """The comparison as a PDF in the visitor's language."""
    zones, _too_many = _compared_zones(request)
    if not zones:
        raise Http404
    huu_nghi = PLACES_BY_SLUG["huu-nghi"]
    for zone in zones:
        zone.km_to_huu_nghi = next(
            (
                km
                for place, km in distances_from(zone.latitude, zone.longitude)
                if place == huu_nghi
            ),
            None,
        )
    query = ",".join(z.slug for z in zones)
    context = {
        "zones": zones,
        "page_url": absolute_url(f"{reverse('zones:compare')}?zones={query}"),
    }
    return _factsheet(request, f"compare:{query}", "compare", context, "compare")


@csrf_exempt  # edits only the visitor's own shortlist: no forged request can harm them, and
@require_POST  # catalogue pages stay free of CSRF cookies, so shared caches can keep them
def shortlist_toggle(request, slug):
    zone = get_object_or_404(Zone.objects.published(), slug=slug)
    shortlist_toggle_zone(request, zone.slug)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("zones:compare")
    return redirect(next_url)


@login_required
def developer_home(request):
    """A developer's zones, and its proposals with their outcome."""
    companies = request.user.developer_companies.all()
    zones = Zone.objects.filter(developer__in=companies).order_by("name")
    proposals = Proposal.objects.filter(company__in=companies).select_related("zone")[:50]
    context = {"zones": zones, "proposals": proposals, "companies": companies}
    return render(request, "developer/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request, slug):
    zone = get_object_or_404(Zone.objects.select_related("developer"), slug=slug)
    company = zone.developer
    if company is None or not company.members.filter(pk=request.user.pk).exists():
        raise PermissionDenied
    form = ProposalForm(request.POST or None, request.FILES or None, zone=zone)
    if request.method == "POST" and form.is_valid():
        proposal_submit(
            zone=zone,
            company=company,
            user=request.user,
            fill_rate_pct=form.cleaned_data["fill_rate_pct"],
            plot_statuses=form.plot_statuses,
            project_statuses=form.project_statuses,
            note=form.cleaned_data["note"],
            document=form.cleaned_data["document"],
        )
        messages.success(request, _("Đã gửi đề xuất. Số liệu sẽ thay đổi khi cán bộ duyệt."))
        return redirect("developer:home")
    return render(request, "developer/proposal_form.html", {"zone": zone, "form": form})
