from django.http import QueryDict

from .estimator import estimate
from .forms import EstimateForm
from .models import Estimate


def estimate_form_from_query(query: str) -> EstimateForm | None:
    """The estimator's form for a query string carried along (to the inquiry form), or None if it
    does not make a valid estimate."""
    form = EstimateForm(QueryDict(query[:2000]))
    return form if form.is_valid() else None


def estimate_create(*, form: EstimateForm) -> Estimate:
    """Store what the investor typed and what the portal answered, as they saw it."""
    return Estimate.objects.create(inputs=form.inputs(), answer=estimate(form.project()).as_json())
