import datetime
import uuid
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout
from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from incentives.services import estimate_form_from_query
from zones.models import Plot, Zone

from .models import Inquiry, SiteVisit, start_quarter_label
from .outbox import CONTROL_CHARACTERS

MAX_START_YEARS = 10


class PlotField(forms.ModelChoiceField):
    """A plot named as outsiders name it, `<zone slug>/<code>` (`Plot.reference`), never by its
    database id."""

    def prepare_value(self, value):
        return value.reference if isinstance(value, Plot) else value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        plot = self.queryset.by_reference(value).select_related("zone").first()
        if plot is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return plot


def validate_single_line(value):
    if CONTROL_CHARACTERS.search(value):
        raise forms.ValidationError(
            _("Vui lòng nhập trên một dòng, không có ký tự xuống dòng hay ký tự điều khiển."),
            code="control_characters",
        )


class ZoneChoiceField(forms.ModelMultipleChoiceField):
    """Zones by id. An id past the database's largest integer, or below its smallest, is refused
    like any unknown one: looking it up raises OverflowError on SQLite and DataError on
    PostgreSQL (a 500)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            digits = text[1:] if text[:1] in ("+", "-") else text
            if digits.isdecimal() and not -(2**63) <= int(text) < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class InquiryForm(forms.ModelForm):
    """An expression of interest. Field names are a contract with partners and tests."""

    zones = ZoneChoiceField(
        label=_("Khu quan tâm"),
        queryset=Zone.objects.published(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    plot = PlotField(
        queryset=Plot.objects.published().available(),
        widget=forms.HiddenInput,
        required=False,
        error_messages={"invalid_choice": _("Lô đất này không còn trống. Vui lòng chọn lô khác.")},
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Vui lòng đồng ý với thông báo bảo mật để gửi đăng ký.")},
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput)
    # The incentive estimate the visitor chose to send along: the estimator's query string.
    estimate = forms.CharField(widget=forms.HiddenInput, required=False)
    # A honeypot: hidden from people, filled in by bots.
    website = forms.CharField(required=False, max_length=200, label=_("Để trống ô này"))

    class Meta:
        model = Inquiry
        fields = [
            "company_name",
            "contact_name",
            "email",
            "phone",
            "country",
            "sector",
            "area_needed_ha",
            "zones",
            "plot",
            "capital_amount",
            "capital_currency",
            "jobs_expected",
            "start_quarter",
            "message",
        ]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        error_messages = {
            # phonenumber_field's own message has no Vietnamese.
            "phone": {
                "invalid": _(
                    "Số điện thoại không hợp lệ. Kèm mã quốc gia nếu ở ngoài Việt Nam, ví dụ "
                    "+86 771 123 4567."
                )
            },
        }
        help_texts = {
            "phone": _("Kèm mã quốc gia nếu ở ngoài Việt Nam, ví dụ +86 771 123 4567."),
            "area_needed_ha": _("1 ha = 10.000 m²."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "start_quarter" in self.fields:
            self.fields["start_quarter"] = forms.ChoiceField(
                label=_("Dự kiến bắt đầu (năm, quý)"),
                choices=start_quarter_choices(),
                required=False,
            )
        self.fields["sector"].empty_label = _("Chọn ngành nghề")
        self.fields["country"].choices = [
            ("", _("Chọn quốc gia")),
            *self.fields["country"].choices[1:],
        ]
        self.fields["consent"].label = format_html(
            '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
            _(
                "Tôi đồng ý để cơ quan xúc tiến đầu tư tỉnh Lạng Sơn lưu và dùng thông tin này để "
                "liên hệ với tôi, theo"
            ),
            reverse("investors:privacy"),
            _("thông báo bảo mật"),
        )
        for name, autocomplete in [("company_name", "organization"), ("contact_name", "name")]:
            self.fields[name].widget.attrs["autocomplete"] = autocomplete
            # One line: they end up in mail headers (the company in the staff's subject).
            self.fields[name].validators.append(validate_single_line)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self.layout()

    def company_fieldset(self, *more):
        return Fieldset(
            _("Doanh nghiệp"),
            "company_name",
            "contact_name",
            Div(
                Div("email", css_class="col-md-6"),
                Div("phone", css_class="col-md-6"),
                css_class="row",
            ),
            "country",
            *more,
        )

    def layout(self):
        return Layout(
            self.company_fieldset(),
            Fieldset(
                _("Dự án"),
                "sector",
                Div(
                    Div("area_needed_ha", css_class="col-md-6"),
                    Div("jobs_expected", css_class="col-md-6"),
                    css_class="row",
                ),
                Div(
                    Div("capital_amount", css_class="col-md-8"),
                    Div("capital_currency", css_class="col-md-4"),
                    css_class="row",
                ),
                "start_quarter",
            ),
            Fieldset(_("Đất quan tâm"), "zones"),
            Field("message"),
            "consent",
        )

    def clean_estimate(self):
        """The estimator's form, or None: an estimate that no longer holds is dropped, and
        never stops the inquiry."""
        return estimate_form_from_query(self.cleaned_data.get("estimate", ""))

    @property
    def estimate_choice(self):
        """The estimate to be sent along, for the notice above the form."""
        return estimate_form_from_query(self["estimate"].value() or "")

    @property
    def plot_choice(self):
        """The free plot the visitor chose, for the summary shown above the form."""
        value = self["plot"].value()
        if isinstance(value, Plot):
            return value
        return self.fields["plot"].queryset.by_reference(value or "").select_related("zone").first()

    @property
    def is_spam(self):
        """True when the honeypot was filled in: a bot, not a person."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    @staticmethod
    def new_token():
        return uuid.uuid4()


class VisitInquiryForm(InquiryForm):
    """Who asks for a site visit from a zone's or a plot's page without having written before:
    the inquiry form's own contact fields, validation, consent, honeypot and one-time token,
    without the project's details (the officer asks for those)."""

    zones = None  # type: ignore[assignment]  # the visit's zone is the inquiry's
    estimate = None  # type: ignore[assignment]

    class Meta(InquiryForm.Meta):
        fields = ["company_name", "contact_name", "email", "phone", "country", "sector", "plot"]

    def layout(self):
        return Layout(self.company_fieldset("sector"), "consent")


class InquiryStatusForm(forms.Form):
    reference = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "EOI-2026-00001", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email đã dùng để gửi đăng ký"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_reference(self):
        return self.cleaned_data["reference"].strip().upper()


def start_quarter_choices(today: datetime.date | None = None) -> list[tuple[str, Any]]:
    """ "Not decided", then each quarter from the current one for MAX_START_YEARS years."""
    today = today or timezone.localdate()
    first = today.year * 4 + (today.month - 1) // 3
    quarters = (divmod(n, 4) for n in range(first, first + 4 * MAX_START_YEARS))
    values = [f"{year}-Q{index + 1}" for year, index in quarters]
    return [("", start_quarter_label(""))] + [(v, start_quarter_label(v)) for v in values]


class SiteVisitForm(forms.ModelForm):
    """An investor asks to see the land: when, how many, in which languages."""

    class Meta:
        model = SiteVisit
        fields = (
            "zone",
            "preferred_from",
            "preferred_to",
            "people",
            "languages",
            "interpreter_needed",
            "message",
        )
        widgets = {
            "preferred_from": forms.DateInput(attrs={"type": "date"}),
            "preferred_to": forms.DateInput(attrs={"type": "date"}),
        }
        labels = {
            "preferred_from": _("Ngày mong muốn, từ"),
            "preferred_to": _("đến"),
            "languages": _("Ngôn ngữ của đoàn"),
            "message": _("Ghi chú"),
        }

    def __init__(self, *args, inquiry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = Zone.objects.published()
        if inquiry is None:
            # Booked from a zone's or a plot's page, with no inquiry yet: the visit is the
            # inquiry's whole subject, so it needs its place.
            self.fields["zone"].required = True
        elif zones := list(inquiry.zones.all()):
            self.fields["zone"].initial = zones[0]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(
                _("Khảo sát thực địa"),
                "zone",
                Div(
                    Div("preferred_from", css_class="col-sm-6"),
                    Div("preferred_to", css_class="col-sm-6"),
                    css_class="row",
                ),
                Div(
                    Div("people", css_class="col-sm-4"),
                    Div("languages", css_class="col-sm-8"),
                    css_class="row",
                ),
                "interpreter_needed",
                Field("message", rows=3),
            )
        )

    def clean_preferred_from(self):
        day = self.cleaned_data["preferred_from"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("Chọn một ngày từ hôm nay trở đi."))
        return day
