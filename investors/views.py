from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView

from portal.ratelimits import limit_reached, too_many_requests
from zones.models import M2_PER_HA, District, Plot, Sector, Zone
from zones.shortlist import shortlist_get

from .forms import InquiryForm, InquiryStatusForm, SiteVisitForm, VisitInquiryForm
from .models import Inquiry, SiteVisit
from .services import (
    inquiry_from_status_link,
    inquiry_submit,
    site_visit_cancel,
    site_visit_request,
    status_path,
    status_token,
)

SESSION_REFERENCE = "inquiry_reference"


def _initial(request):
    """Pre-select what the visitor came from: ?zone=<slug>, or ?plot=<zone slug>/<code> (a
    free plot)."""
    initial = {"form_token": InquiryForm.new_token(), "zones": []}
    # ?estimate=<the estimator's query string>, from the incentive estimator.
    initial["estimate"] = request.GET.get("estimate", "")[:2000]
    # ?zone=<slug> from a zone page, ?zones=a,b,c from the compare page.
    slugs = [request.GET.get("zone", "")] + request.GET.get("zones", "").split(",")[:10]
    if slugs := [s[:80] for s in slugs if s]:
        initial["zones"] += list(Zone.objects.published().filter(slug__in=slugs))
    # The visitor's shortlist comes along too.
    if slugs := shortlist_get(request):
        initial["zones"] += list(Zone.objects.published().filter(slug__in=slugs))
    if plot := _free_plot(request):
        initial["plot"] = plot
        initial["zones"].append(plot.zone)
    if request.GET.get("from") == "search":
        initial.update(_initial_from_search(request.GET))
    return initial


def _free_plot(request):
    """The free plot ?plot=<zone slug>/<code> names, or None."""
    if reference := request.GET.get("plot", ""):
        plot = Plot.objects.published().available().by_reference(reference)
        return plot.select_related("zone").first()
    return None


def _decimal(value):
    try:
        number = Decimal(value[:20])
    except (InvalidOperation, TypeError):
        return None
    return number if number.is_finite() and number > 0 else None


def _initial_from_search(query):
    """A plot search that found nothing, carried into the inquiry: the area, sector, district
    and budget the investor searched with, so they send their requirement in one step."""
    initial = {}
    to_ha = (lambda m2: m2 / M2_PER_HA) if query.get("area_unit") == "m2" else (lambda ha: ha)
    area_min, area_max = _decimal(query.get("area_min", "")), _decimal(query.get("area_max", ""))
    if area := area_min or area_max:
        initial["area_needed_ha"] = round(to_ha(area), 2)
    slug = query.get("sector", "")[:60]
    if slug and (sector := Sector.objects.filter(slug=slug).first()):
        initial["sector"] = sector
    lines = []
    if area_min or area_max:
        low = f"{to_ha(area_min):g}" if area_min else "…"
        high = f"{to_ha(area_max):g}" if area_max else "…"
        lines.append(_("Diện tích: %(low)s – %(high)s ha") % {"low": low, "high": high})
    if (district := query.get("district", "")) in District.values:
        lines.append(_("Huyện: %(district)s") % {"district": District(district).label})
    if rent := _decimal(query.get("rent_max", "")):
        lines.append(_("Giá thuê tối đa: %(rent)s USD/m²") % {"rent": f"{rent:g}"})
    if lines:
        intro = _("Tôi đã tìm trên cổng nhưng chưa thấy lô phù hợp:")
        initial["message"] = "\n".join([intro, *(f"- {line}" for line in lines)])
    return initial


def _link_by_plot_id(request, plot_id):
    """The last release linked a plot by its database id (?plot=<id>): send such a link on to
    the plot's public name, or drop it when there is no such plot. Remove after one release."""
    query = request.GET.copy()
    plot = Plot.objects.filter(pk=plot_id, zone__is_published=True).select_related("zone").first()
    if plot:
        query["plot"] = plot.reference
    else:
        del query["plot"]
    return redirect(f"{request.path}?{query.urlencode(safe='/')}" if query else request.path)


def _form_page(request, form):
    context = {"form": form, "first_response_days": settings.INQUIRY_FIRST_RESPONSE_WORKING_DAYS}
    return render(request, "investors/inquiry_form.html", context)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def inquiry_create(request):
    if request.method == "GET":
        # isdecimal, not isdigit: "¹" is a digit that int() cannot read.
        if (plot_id := request.GET.get("plot", "")).isdecimal() and plot_id.isascii():
            return _link_by_plot_id(request, plot_id)
        return _form_page(request, InquiryForm(initial=_initial(request)))

    form = InquiryForm(request.POST)
    return _submit(request, form, page=lambda: _form_page(request, form))


def _submit(request, form, visit_form=None, *, page):
    """An inquiry form's POST, alone or with a site visit: one rate limit for both, the
    honeypot, the one-time token, then one transaction; the thanks page after, or `page()`
    again with the mistakes named."""
    if retry_after := limit_reached(
        request, group="inquiry", rate=settings.INQUIRY_RATE_LIMIT, increment=False
    ):
        return too_many_requests(request, retry_after)
    if form.is_spam:
        limit_reached(request, group="inquiry", rate=settings.INQUIRY_RATE_LIMIT, increment=True)
        return render(request, "investors/inquiry_thanks.html", {"inquiry": None})
    # Both forms validated, so that every mistake is named at once.
    if not all([form.is_valid(), visit_form is None or visit_form.is_valid()]):
        if "form_token" in form.errors:  # an old or tampered form: give it a fresh token
            form.data = form.data.copy()
            form.data["form_token"] = str(InquiryForm.new_token())
        return page()
    # Counted, and checked again, only now: the check above lets requests sent at the same
    # moment all through, and the cache's increment is atomic, so this one decides.
    if retry_after := limit_reached(
        request, group="inquiry", rate=settings.INQUIRY_RATE_LIMIT, increment=True
    ):
        return too_many_requests(request, retry_after)
    inquiry = inquiry_submit(
        form=form,
        token=form.cleaned_data["form_token"],
        language=get_language(),
        visit_form=visit_form,
    )
    request.session[SESSION_REFERENCE] = inquiry.reference
    return redirect("investors:thanks")


def _booking_page(request, form, visit_form):
    return render(
        request, "investors/site_visit_book.html", {"form": form, "visit_form": visit_form}
    )


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def site_visit_book(request):
    """A site visit booked from a zone's page (?zone=<slug>) or a free plot's
    (?plot=<zone slug>/<code>) by an investor who has not written before: their contact
    details and the visit in one form, stored as an inquiry and its visit request."""
    if request.method == "POST":
        form, visit_form = VisitInquiryForm(request.POST), SiteVisitForm(request.POST)
        return _submit(
            request, form, visit_form, page=lambda: _booking_page(request, form, visit_form)
        )
    initial = {"form_token": InquiryForm.new_token()}
    zone = None
    if plot := _free_plot(request):
        initial["plot"], zone = plot, plot.zone
    elif slug := request.GET.get("zone", "")[:80]:
        zone = Zone.objects.published().filter(slug=slug).first()
    form = VisitInquiryForm(initial=initial)
    return _booking_page(request, form, SiteVisitForm(initial={"zone": zone}))


@require_http_methods(["GET"])
def inquiry_thanks(request):
    reference = request.session.get(SESSION_REFERENCE)
    inquiry = reference and Inquiry.objects.filter(reference=reference).first()
    if not inquiry:
        return redirect("investors:inquire")
    context = {
        "inquiry": inquiry,
        "visit": inquiry.site_visits.select_related("zone").first(),
        # Opens the status page filled in: this session sent the inquiry.
        "status_link": status_path(inquiry),
    }
    return render(request, "investors/inquiry_thanks.html", context)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def inquiry_status(request):
    if request.method == "GET":
        if token := request.GET.get("t", "")[:200]:
            return _status_from_link(request, token)
        return render(request, "investors/inquiry_status.html", {"form": InquiryStatusForm()})
    if retry_after := limit_reached(
        request, group="inquiry-status", rate=settings.INQUIRY_STATUS_RATE_LIMIT, increment=True
    ):
        return too_many_requests(request, retry_after)
    form = InquiryStatusForm(request.POST)
    inquiry = None
    if form.is_valid():
        # A wrong e-mail gets the same answer as an unknown reference: nothing to enumerate.
        inquiry = (
            Inquiry.objects.filter(
                reference=form.cleaned_data["reference"],
                email__iexact=form.cleaned_data["email"],
                anonymised_at__isnull=True,
            )
            .select_related("assignee__officer_profile")
            .first()
        )
    return _status_page(request, form, inquiry, looked_up=form.is_valid())


def _status_from_link(request, token):
    """A mail's link: the status page already filled in, while its signature holds; else the
    look-up form, saying the link no longer works."""
    if retry_after := limit_reached(
        request, group="inquiry-status", rate=settings.INQUIRY_STATUS_RATE_LIMIT, increment=True
    ):
        return too_many_requests(request, retry_after)
    inquiry = inquiry_from_status_link(token)
    if inquiry is None:
        context = {"form": InquiryStatusForm(), "link_expired": True}
        return render(request, "investors/inquiry_status.html", context)
    form = InquiryStatusForm(initial={"reference": inquiry.reference, "email": inquiry.email})
    return _status_page(request, form, inquiry, looked_up=True)


def _status_page(request, form, inquiry, *, looked_up):
    context = {"form": form, "inquiry": inquiry, "looked_up": looked_up}
    if inquiry:
        context["events"] = list(
            inquiry.events.select_related(
                "officer__officer_profile",
                "site_visit__zone",
                "site_visit__officer__officer_profile",
            )
        )
        context["visits"] = list(
            inquiry.site_visits.exclude(status=SiteVisit.Status.CANCELLED).select_related(
                "zone", "officer__officer_profile"
            )
        )
        context["token"] = status_token(inquiry)
    return render(request, "investors/inquiry_status.html", context)


def _inquiry_by_token(request):
    return inquiry_from_status_link(request.POST.get("t") or request.GET.get("t", "")[:200])


@require_http_methods(["GET", "POST"])
def site_visit_create(request):
    """Ask for a site visit, from the status page's link (its signed token names the inquiry)."""
    inquiry = _inquiry_by_token(request)
    if inquiry is None:
        context = {"form": InquiryStatusForm(), "link_expired": True}
        return render(request, "investors/inquiry_status.html", context)
    form = SiteVisitForm(request.POST or None, inquiry=inquiry)
    if request.method == "POST" and form.is_valid():
        site_visit_request(inquiry=inquiry, form=form)
        return redirect(f"{status_path(inquiry)}#visits")
    context = {"form": form, "inquiry": inquiry, "token": status_token(inquiry)}
    return render(request, "investors/site_visit_form.html", context)


@require_http_methods(["POST"])
def site_visit_cancel_view(request, pk):
    inquiry = _inquiry_by_token(request)
    visit = (
        inquiry
        and inquiry.site_visits.exclude(status=SiteVisit.Status.CANCELLED).filter(pk=pk).first()
    )
    if not visit:
        raise Http404
    site_visit_cancel(visit=visit)
    return redirect(f"{status_path(inquiry)}#visits")


class PrivacyNoticeView(TemplateView):
    template_name = "investors/privacy.html"
    extra_context = {"version": settings.PRIVACY_NOTICE_VERSION}
