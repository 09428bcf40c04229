from django.db.models import Prefetch
from django.views.generic import DetailView, ListView, TemplateView

from .models import Indicator, Plot, Project, Zone


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
