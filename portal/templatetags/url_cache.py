"""`{% url %}` reversed once per address and language, then kept (portal.links.kept_reverse).
Loaded after Django's own tags, this `url` replaces theirs in the template; with `as`, it is
Django's."""

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.utils.html import conditional_escape

from portal.links import kept_reverse

register = template.Library()


class KeptURLNode(URLNode):
    def render(self, context):
        # As Django's URLNode, but through kept_reverse.
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        address = kept_reverse(
            self.view_name.resolve(context),
            args=[arg.resolve(context) for arg in self.args],
            kwargs={name: value.resolve(context) for name, value in self.kwargs.items()},
            current_app=current_app,
        )
        return conditional_escape(address) if context.autoescape else address


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    if node.asvar:
        return node
    return KeptURLNode(node.view_name, node.args, node.kwargs, node.asvar)
