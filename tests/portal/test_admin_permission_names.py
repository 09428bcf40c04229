"""The user and group forms name each permission in the staff member's language: the model's
own name and the action, never Django's stored English ("Can change zone")."""

import re

from django.contrib.auth.models import Permission
from django.utils import translation

from portal.admin import permission_label


def permission_choices(page):
    select = re.search(r'<select name="permissions".*?</select>', page.content.decode(), re.S)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0))


def test_a_group_form_lists_permissions_in_vietnamese(admin_client):
    page = admin_client.get("/admin/auth/group/add/")

    choices = permission_choices(page)
    assert "Khu công nghiệp | sửa" in choices
    assert "Lịch sử: khu công nghiệp | xem" in choices
    assert not [label for label in choices if "Can " in label or "historical" in label]


def test_a_permission_is_named_in_the_active_language(db):
    # The admin is in Vietnamese (its addresses carry no language); the labels follow whatever
    # language is active, as any translated text does.
    change_plot = Permission.objects.get(codename="change_plot")
    view_plot_history = Permission.objects.get(codename="view_historicalplot")

    with translation.override("en"):
        assert permission_label(change_plot) == "Plot | change"
        assert permission_label(view_plot_history) == "History: plot | view"
    with translation.override("zh-hans"):
        assert permission_label(change_plot).endswith(" | 修改")


def test_the_user_form_lists_them_the_same_way(admin_client, superuser):
    page = admin_client.get(f"/admin/auth/user/{superuser.pk}/change/")

    select = re.search(r'<select name="user_permissions".*?</select>', page.content.decode(), re.S)
    assert "Lô đất | thêm" in select.group(0)
    assert "Can add" not in select.group(0)
