"""The admin's spreadsheet export refuses, with a message, a filter it does not understand in
its address (as the list it exports does), instead of failing with a server error."""

import pytest
from django.urls import reverse

from tests.factories import PlotFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["zone", "plot", "project"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_export_parameter_is_refused_with_a_message(admin_client, model, method):
    PlotFactory()
    ProjectFactory()
    url = reverse(f"admin:zones_{model}_export")
    send = getattr(admin_client, method)
    response = send(f"{url}?foo=1&status=operating", {"format": "0"} if method == "post" else {})
    assert response.status_code == 302
    assert response["Location"] == url
    page = admin_client.get(response["Location"])
    [message] = page.context["messages"]
    assert message.level_tag == "error" and "foo" in str(message)


@pytest.mark.parametrize("model", ["zone", "plot", "project"])
def test_a_known_filter_still_narrows_the_export(admin_client, model):
    url = reverse(f"admin:zones_{model}_export")
    assert admin_client.get(f"{url}?status=operating").status_code == 200
