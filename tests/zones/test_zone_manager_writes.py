"""A zone's named manager writes only to the zones they manage, by every path the admin offers:
add and change forms, inlines, list editing, spreadsheet imports and proposals. Each test is the
manager of Hồng Phong trying to change Đồng Bành: refused with a message, nothing saved."""

import io
from decimal import Decimal

import pytest
import tablib
from django import forms
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones.models import DeveloperCompany, Plot, Project, Proposal, Zone
from zones.resources import PlotResource, ProjectResource, ZoneResource
from zones.services import proposal_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def hong_phong(zone_editor):
    zone = ZoneFactory(slug="hong-phong", name="Khu công nghiệp Hồng Phong")
    zone.managers.add(zone_editor)
    return zone


@pytest.fixture
def dong_banh(db):
    return ZoneFactory(
        slug="dong-banh", name="Khu công nghiệp Đồng Bành", fill_rate_pct=Decimal("60")
    )


@pytest.fixture
def editor_client(client, zone_editor, hong_phong):
    client.force_login(zone_editor)
    return client


def posted(page, **changes):
    """What a browser posts back from an admin add or change page, with `changes` typed in."""
    data = {}
    form_list = [page.context["adminform"].form]
    for inline in page.context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        form_list += inline.formset.forms
    for form in form_list:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field, forms.BooleanField):
                if value:
                    data[form.add_prefix(name)] = "on"
            elif value is not None:
                data[form.add_prefix(name)] = value
    data.update(changes)
    return data


def unchanged(obj):
    """The row as the database holds it, to compare with `obj` as loaded before."""
    fresh = type(obj)._base_manager.get(pk=obj.pk)
    return {f.attname: getattr(fresh, f.attname) for f in obj._meta.concrete_fields} == {
        f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields
    }


# Forms


def test_a_plot_cannot_be_added_to_a_zone_they_do_not_manage(editor_client, dong_banh):
    url = reverse("admin:zones_plot_add")
    page = editor_client.get(url)
    data = posted(page, zone=str(dong_banh.pk), code="X1", area_m2="5000", status="available")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "zone" in response.context["adminform"].form.errors
    assert not Plot.objects.exists()


def test_their_plot_cannot_be_moved_into_another_zone(editor_client, hong_phong, dong_banh):
    plot = PlotFactory(zone=hong_phong, code="HP-1")
    url = reverse("admin:zones_plot_change", args=[plot.pk])
    response = editor_client.post(url, posted(editor_client.get(url), zone=str(dong_banh.pk)))
    assert response.status_code == 200
    assert "zone" in response.context["adminform"].form.errors
    assert Plot.objects.get(pk=plot.pk).zone == hong_phong


def test_the_zone_choices_offer_only_their_zones(editor_client, hong_phong, dong_banh):
    page = editor_client.get(reverse("admin:zones_plot_add"))
    assert list(page.context["adminform"].form.fields["zone"].queryset) == [hong_phong]


def test_a_project_cannot_go_to_another_zone_nor_onto_its_plot(
    editor_client, hong_phong, dong_banh
):
    their_plot = PlotFactory(zone=dong_banh)
    project = ProjectFactory(zone=hong_phong)
    url = reverse("admin:zones_project_change", args=[project.pk])
    page = editor_client.get(url)
    for change in ({"zone": str(dong_banh.pk)}, {"plot": str(their_plot.pk)}):
        response = editor_client.post(url, posted(page, **change))
        assert response.status_code == 200
        assert set(change) <= set(response.context["adminform"].form.errors)
    assert unchanged(project)

    add = reverse("admin:zones_project_add")
    data = posted(
        editor_client.get(add), zone=str(dong_banh.pk), investor_name="X", status="operating"
    )
    response = editor_client.post(add, data)
    assert "zone" in response.context["adminform"].form.errors
    assert Project.objects.count() == 1


def test_their_zone_keeps_its_parent_but_cannot_be_put_inside_another(
    editor_client, hong_phong, dong_banh
):
    economic_zone = ZoneFactory(name="Khu kinh tế cửa khẩu", kind=Zone.Kind.ECONOMIC_ZONE)
    hong_phong.parent = economic_zone
    hong_phong.save()
    url = reverse("admin:zones_zone_change", args=[hong_phong.pk])
    page = editor_client.get(url)

    response = editor_client.post(url, posted(page, parent=str(dong_banh.pk)))
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert Zone.objects.get(pk=hong_phong.pk).parent == economic_zone

    response = editor_client.post(url, posted(page, fill_rate_pct="31"))
    assert response.status_code == 302  # the parent they did not choose is kept
    assert Zone.objects.get(pk=hong_phong.pk).fill_rate_pct == Decimal("31")


def test_a_zone_manager_cannot_add_zones(editor_client):
    assert editor_client.get(reverse("admin:zones_zone_add")).status_code == 403
    assert editor_client.post(reverse("admin:zones_zone_add"), {}).status_code == 403


def test_another_zones_plot_cannot_be_changed_or_deleted(editor_client, dong_banh):
    plot = PlotFactory(zone=dong_banh)
    for name in ("change", "delete", "history"):
        url = reverse(f"admin:zones_plot_{name}", args=[plot.pk])
        assert editor_client.get(url).status_code == 403
        assert editor_client.post(url, {"post": "yes", "status": "leased"}).status_code == 403
    assert unchanged(plot)


def test_the_admin_knows_another_zones_objects_are_out_of_reach(
    rf, zone_editor, hong_phong, dong_banh
):
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = zone_editor
    for obj, own in [
        (dong_banh, hong_phong),
        (PlotFactory(zone=dong_banh), PlotFactory(zone=hong_phong)),
        (ProjectFactory(zone=dong_banh), ProjectFactory(zone=hong_phong)),
    ]:
        model_admin = admin.site.get_model_admin(type(obj))
        assert not model_admin.has_change_permission(request, obj)
        assert model_admin.has_change_permission(request, own)
        if type(obj) is not Zone:
            assert not model_admin.has_delete_permission(request, obj)
            assert model_admin.has_delete_permission(request, own)


def test_reverting_their_plot_to_a_version_in_another_zone_is_refused(
    editor_client, hong_phong, dong_banh
):
    plot = PlotFactory(zone=dong_banh, code="P-1")  # the province moved it to Hồng Phong since
    plot = Plot.objects.get(pk=plot.pk)
    plot.zone = hong_phong
    plot.save()
    old_version = plot.history.earliest()
    url = reverse("admin:zones_plot_simple_history", args=[plot.pk, old_version.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    # The version they post is today's, so only the zone can stop the revert.
    data = posted(page, zone=str(dong_banh.pk), loaded_version=str(plot.version))
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "zone" in response.context["adminform"].form.errors
    assert Plot.objects.get(pk=plot.pk).zone == hong_phong


# Inlines


def test_an_inline_cannot_take_over_another_zones_plot(editor_client, hong_phong, dong_banh):
    theirs = PlotFactory(zone=dong_banh, code="DB-1")
    mine = PlotFactory(zone=hong_phong, code="HP-1")
    url = reverse("admin:zones_zone_change", args=[hong_phong.pk])
    data = posted(editor_client.get(url))
    data.update({"plots-0-id": str(theirs.pk), "plots-0-status": "leased", "plots-0-code": "DB-1"})
    response = editor_client.post(url, data)
    assert response.status_code == 200  # refused, not silently skipped as "saved"
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["id"]
    assert unchanged(theirs) and unchanged(mine)


# List editing


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        ("zone", {"fill_rate_pct": "99", "status": "planned"}),
        ("plot", {"status": "leased"}),
        ("project", {"status": "withdrawn"}),
    ],
)
def test_list_editing_cannot_change_another_zones_row(editor_client, dong_banh, model, fields):
    obj = {
        "zone": lambda: dong_banh,
        "plot": lambda: PlotFactory(zone=dong_banh),
        "project": lambda: ProjectFactory(zone=dong_banh),
    }[model]()
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(obj.pk),
        **{f"form-0-{name}": value for name, value in fields.items()},
        "_save": "Lưu",
    }
    response = editor_client.post(reverse(f"admin:zones_{model}_changelist"), data)
    assert response.status_code == 400  # Django refuses a row the list did not show
    assert unchanged(obj)


# Spreadsheet imports


def csv_upload(rows):
    data = tablib.Dataset(*[list(r.values()) for r in rows], headers=list(rows[0]))
    upload = io.BytesIO(data.csv.encode())
    upload.name = "import.csv"
    return upload


def import_in_admin(client, model, rows):
    """Upload `rows` to the admin's import page; apply them if the preview allows it."""
    url = reverse(f"admin:zones_{model}_import")
    form = client.get(url).context["form"]
    csv_choice = next(
        v for v, label in form.fields["format"].choices if "csv" in str(label).lower()
    )
    response = client.post(url, {"import_file": csv_upload(rows), "format": csv_choice})
    if confirm := response.context.get("confirm_form"):
        data = {name: confirm[name].value() for name in confirm.fields}
        client.post(reverse(f"admin:zones_{model}_process_import"), data)
    return response


def exported_rows(resource, queryset):
    return [dict(row) for row in resource.export(queryset).dict]


def test_a_zone_row_for_another_zone_is_refused_and_nothing_of_the_file_is_saved(
    editor_client, hong_phong, dong_banh
):
    rows = exported_rows(ZoneResource(), Zone.objects.order_by("slug"))  # dong-banh, hong-phong
    assert [r["slug"] for r in rows] == ["dong-banh", "hong-phong"]
    rows[0].update(name_vi="Đổi tên", fill_rate_pct="99", is_published="0")
    rows[1].update(fill_rate_pct="31")

    response = import_in_admin(editor_client, "zone", rows)

    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 1
    assertContains(response, "Khu công nghiệp Đồng Bành")
    assertContains(response, "không do bạn quản lý")
    assert unchanged(dong_banh) and unchanged(hong_phong)


def test_a_new_zone_row_is_refused_for_a_zone_manager(editor_client, hong_phong):
    rows = exported_rows(ZoneResource(), Zone.objects.all())
    rows[0].update(slug="khu-moi", name_vi="Khu mới", version="")
    response = import_in_admin(editor_client, "zone", rows)
    assert response.context["result"].invalid_rows
    assertContains(response, "khu-moi")
    assert not Zone.objects.filter(slug="khu-moi").exists()


def test_a_plot_row_for_another_zone_is_refused(editor_client, hong_phong, dong_banh):
    theirs = PlotFactory(zone=dong_banh, code="DB-1")
    rows = exported_rows(PlotResource(), Plot.objects.all())
    rows[0]["status"] = "leased"
    rows.append({**rows[0], "code": "DB-NEW", "version": ""})  # a new plot in their zone
    response = import_in_admin(editor_client, "plot", rows)
    assert [r.number for r in response.context["result"].invalid_rows] == [1, 2]
    assertContains(response, "Khu công nghiệp Đồng Bành")
    assert unchanged(theirs)
    assert Plot.objects.count() == 1


@pytest.mark.parametrize("case", ["their project", "my project moved to their zone", "new"])
def test_a_project_row_about_another_zone_is_refused(editor_client, hong_phong, dong_banh, case):
    mine = ProjectFactory(zone=hong_phong)
    theirs = ProjectFactory(zone=dong_banh)
    [row] = exported_rows(ProjectResource(), Project.objects.filter(pk=mine.pk))
    if case == "their project":
        [row] = exported_rows(ProjectResource(), Project.objects.filter(pk=theirs.pk))
        row["status"] = "withdrawn"
    elif case == "my project moved to their zone":
        row["zone"] = "dong-banh"
    else:
        row.update(id="", version="", zone="dong-banh", investor_name_vi="Nhà đầu tư mới")
    response = import_in_admin(editor_client, "project", [row])
    assert response.context["result"].invalid_rows
    assertContains(response, "Khu công nghiệp Đồng Bành")
    assert unchanged(mine) and unchanged(theirs)
    assert Project.objects.count() == 2


def test_their_own_rows_still_import(editor_client, hong_phong):
    rows = exported_rows(ZoneResource(), Zone.objects.all())
    rows[0]["fill_rate_pct"] = "31"
    response = import_in_admin(editor_client, "zone", rows)
    assert not response.context["result"].has_validation_errors()
    assert Zone.objects.get(pk=hong_phong.pk).fill_rate_pct == Decimal("31")


# Proposals


@pytest.fixture
def developer(django_user_model):
    return django_user_model.objects.create_user("dev", "dev@park.example", "pw")


def a_proposal(zone, developer):
    company = DeveloperCompany.objects.create(name=f"Hạ tầng {zone.slug}")
    company.members.add(developer)
    zone.developer = company
    zone.save()
    plot = PlotFactory(zone=zone, status=Plot.Status.AVAILABLE)
    return proposal_submit(
        zone=zone,
        company=company,
        user=developer,
        fill_rate_pct=Decimal("99"),
        plot_statuses=[(plot, Plot.Status.LEASED)],
        project_statuses=[],
    )


def test_a_zone_manager_cannot_approve_another_zones_proposal(editor_client, developer, dong_banh):
    proposal = a_proposal(dong_banh, developer)
    url = reverse("admin:zones_proposal_change", args=[proposal.pk])
    assert editor_client.post(url, {"_approve": "1", "rejection_reason": ""}).status_code == 403
    assert Zone.objects.get(pk=dong_banh.pk).fill_rate_pct == Decimal("60")
    assert Proposal.objects.get().status == Proposal.Status.PENDING


def test_a_proposal_whose_plot_moved_to_another_zone_is_not_applied_there(
    editor_client, developer, hong_phong, dong_banh
):
    proposal = a_proposal(hong_phong, developer)
    plot = proposal.plot_changes.get().plot
    Plot.objects.filter(pk=plot.pk).update(zone=dong_banh)  # moved by the province since
    url = reverse("admin:zones_proposal_change", args=[proposal.pk])
    page = editor_client.get(url)
    data = posted(page, _approve="1", rejection_reason="")
    response = editor_client.post(url, data, follow=True)
    assertContains(response, "Khu công nghiệp Đồng Bành")
    assert Plot.objects.get(pk=plot.pk).status == Plot.Status.AVAILABLE
    assert Proposal.objects.get().status == Proposal.Status.PENDING
    assert Zone.objects.get(pk=hong_phong.pk).fill_rate_pct == Decimal("50")


def test_a_developer_cannot_slip_another_zones_plot_into_a_proposal(
    client, developer, hong_phong, dong_banh
):
    company = DeveloperCompany.objects.create(name="Hạ tầng Hồng Phong")
    company.members.add(developer)
    hong_phong.developer = company
    hong_phong.save()
    theirs = PlotFactory(zone=dong_banh)
    client.force_login(developer)
    url = reverse("developer:propose", args=[hong_phong.slug])
    client.post(url, {"fill_rate_pct": "40", f"plot_{theirs.pk}": "leased"})
    proposal = Proposal.objects.get()
    assert proposal.zone == hong_phong
    assert not proposal.plot_changes.exists()


@pytest.mark.parametrize("who", ["zone_editor", "superuser"])
@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_a_malformed_id_in_the_address_is_not_found_rather_than_a_server_error(
    client, request, hong_phong, who, view
):
    client.force_login(request.getfixturevalue(who))
    response = client.get(f"/admin/zones/plot/abc/{view}/")
    assert response.status_code in (302, 404)  # Django's "does not exist": back to the index
