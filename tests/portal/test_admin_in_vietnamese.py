"""Staff read the admin in Vietnamese: each section of its index is named so, and so are the
staff roles they give colleagues."""

import re

from tests.factories import INVESTMENT_OFFICERS, ZONE_EDITORS


def test_every_section_of_the_admin_index_is_named_in_vietnamese(admin_client):
    page = admin_client.get("/admin/").content.decode()
    sections = re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>([^<]+)</a>', page)
    assert "Đăng nhập sai và khoá tài khoản" in sections  # django-axes, which calls itself "Axes"
    assert "Axes" not in sections
    assert "Xác thực và ủy quyền" in sections  # Django's own, from its catalogue


def test_the_staff_roles_are_groups_named_in_vietnamese(admin_client):
    page = admin_client.get("/admin/auth/group/").content.decode()
    assert ZONE_EDITORS in page and INVESTMENT_OFFICERS in page
    assert "Zone editors" not in page and "Investment officers" not in page
