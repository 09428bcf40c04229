from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView, TemplateView

from .charts import line_chart
from .forms import ProposalForm
from .models import Indicator, Plot, Project, Proposal, Zone
from .services import proposal_submit


class HomeView(TemplateView):
    template_name = "zones/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            figures=Zone.objects.headline_figures(),
            zones=Zone.objects.for_listing(),
            indicators=Indicator.objects.all(),
            **kwargs,
        )


class ZoneListView(ListView):
    template_name = "zones/zone_list.html"
    context_object_name = "zones"

    def get_queryset(self):
        return Zone.objects.for_listing()


class ZoneDetailView(DetailView):
    template_name = "zones/zone_detail.html"
    context_object_name = "zone"

    def get_queryset(self):
        return Zone.objects.for_listing().prefetch_related(
            Prefetch("plots", queryset=Plot.objects.free_first().prefetch_related("sectors")),
            Prefetch("projects", queryset=Project.objects.select_related("sector", "plot")),
            Prefetch("children", queryset=Zone.objects.published()),
        )

    def get_context_data(self, **kwargs):
        points = self.object.fill_rate_history()
        return super().get_context_data(fill_rate_chart=line_chart(points), **kwargs)


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
