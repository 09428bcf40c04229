from django.shortcuts import render
from django.utils.translation import gettext as _

from .charts import cit_chart
from .estimator import estimate, indicative_note, single_level_note
from .forms import VND_PER_USD, EstimateForm
from .models import LicensingStep


def _estimate(request):
    """The form, bound when the visitor asked something (a zone page links with ?zone=)."""
    form = EstimateForm(request.GET if request.GET else None)
    context = {"form": form, "vnd_per_usd": VND_PER_USD}
    if form.is_bound and form.is_valid():
        answer = estimate(form.project())
        context["answer"] = answer
        if (profit := form.vnd_bn("profit")) is not None:
            rows = answer.illustration(profit)
            context["illustration"] = rows
            context["chart"] = cit_chart(rows)
            context["saving"] = sum(r[3] - r[2] for r in rows)
        context["query"] = request.GET.urlencode()
    return context


def estimator(request):
    context = _estimate(request)
    context.update(indicative=indicative_note(), single_level=single_level_note())
    return render(request, "incentives/estimator.html", context)


def guide(request):
    steps = LicensingStep.objects.filter(is_active=True)
    return render(request, "incentives/guide.html", {"steps": steps})


def checklist(request):
    """The steps that apply to the project estimated, to print or save as PDF from the browser."""
    context = _estimate(request)
    answer = context.get("answer")
    capital = answer.project.capital_vnd_bn if answer else None
    steps = [s for s in LicensingStep.objects.filter(is_active=True) if s.applies_to(capital)]
    context.update(steps=steps, indicative=indicative_note(), title=_("Danh sách việc cần làm"))
    return render(request, "incentives/checklist.html", context)
