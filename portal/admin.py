"""The staff's accounts and roles in the admin, named in the staff member's language.

Django stores a permission's name in English ("Can change zone", "Can view historical zone"),
once, in the database: the user and group forms listed 200 of them in English in the
Vietnamese admin. They are labelled here from what they are: the model's own (translated)
name and the action.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext as _

ACTIONS = {
    "add": lambda: _("thêm"),
    "change": lambda: _("sửa"),
    "delete": lambda: _("xoá"),
    "view": lambda: _("xem"),
}


def permission_label(permission: Permission) -> str:
    """`Khu, cụm công nghiệp | sửa`, `Lịch sử: Khu, cụm công nghiệp | xem`; a permission of the
    project's own (its name already translated when it was made) keeps its name."""
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is None or action not in ACTIONS or model_name != model._meta.model_name:
        return f"{permission.content_type.app_label} | {permission.name}"
    # simple-history's models are "historical <name>", hard-coded in English.
    tracked = getattr(model, "instance_type", None)
    if tracked is not None:
        subject = _("Lịch sử: %(model)s") % {"model": tracked._meta.verbose_name}
    else:
        subject = str(model._meta.verbose_name)
    return f"{subject[:1].upper()}{subject[1:]} | {ACTIONS[action]()}"


class PermissionLabelsMixin:
    """For a ModelAdmin whose form picks permissions (users, groups)."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


admin.site.unregister(Group)


@admin.register(Group)
class PortalGroupAdmin(PermissionLabelsMixin, GroupAdmin):
    pass
