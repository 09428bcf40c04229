"""Writes that span several rows, each in one transaction: proposals from park developers."""

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files import File
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import (
    DeveloperCompany,
    Plot,
    Project,
    Proposal,
    ProposalPlotChange,
    ProposalProjectChange,
    Zone,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User


def proposal_submit(
    *,
    zone: Zone,
    company: DeveloperCompany,
    user: "User",
    fill_rate_pct: Decimal | None,
    plot_statuses: Iterable[tuple[Plot, str]],
    project_statuses: Iterable[tuple[Project, str]],
    note: str = "",
    document: File | None = None,
) -> Proposal:
    """Record a developer's proposal; only what differs from today's figures is kept."""
    with transaction.atomic():
        proposal = Proposal.objects.create(
            zone=zone,
            company=company,
            submitted_by=user,
            note=note,
            fill_rate_pct=fill_rate_pct if fill_rate_pct != zone.fill_rate_pct else None,
            document=document or "",
        )
        ProposalPlotChange.objects.bulk_create(
            ProposalPlotChange(proposal=proposal, plot=plot, status=status)
            for plot, status in plot_statuses
            if status != plot.status
        )
        ProposalProjectChange.objects.bulk_create(
            ProposalProjectChange(proposal=proposal, project=project, status=status)
            for project, status in project_statuses
            if status != project.status
        )
    return proposal


def _apply(obj: models.Model, officer: "User", reason: str, **values: Any) -> None:
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if not changed:
        return
    for field, value in changed.items():
        setattr(obj, field, value)
    # Read by django-simple-history when it records the save.
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj._history_user = officer  # type: ignore[attr-defined]
    obj.full_clean()
    obj.save()


def proposal_approve(*, proposal: Proposal, officer: "User") -> Proposal:
    """Apply a pending proposal in one transaction; the history names the developer who
    proposed and the officer who approved."""
    with transaction.atomic():
        proposal = (
            Proposal.objects.select_for_update()
            .select_related("company", "submitted_by")
            .get(pk=proposal.pk)
        )
        if proposal.status != Proposal.Status.PENDING:
            raise ValueError(f"Proposal {proposal.pk} is {proposal.status}")
        with translation.override(settings.LANGUAGE_CODE):
            reason = _("Đề xuất #%(id)s của %(user)s (%(company)s), duyệt bởi %(officer)s") % {
                "id": proposal.pk,
                "user": proposal.submitted_by.get_username(),
                "company": proposal.company.name,
                "officer": officer.get_username(),
            }
        if proposal.fill_rate_pct is not None:
            zone = Zone.objects.select_for_update().get(pk=proposal.zone_id)
            _apply(zone, officer, reason, fill_rate_pct=proposal.fill_rate_pct)
        for plot_change in proposal.plot_changes.all():
            plot = Plot.objects.get(pk=plot_change.plot_id)
            _apply(plot, officer, reason, status=plot_change.status)
        for project_change in proposal.project_changes.all():
            project = Project.objects.get(pk=project_change.project_id)
            _apply(project, officer, reason, status=project_change.status)
        proposal.status = Proposal.Status.APPROVED
        proposal.decided_by = officer
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at", "updated"])
    return proposal


def proposal_reject(*, proposal: Proposal, officer: "User", reason: str) -> None:
    with transaction.atomic():
        updated = Proposal.objects.filter(pk=proposal.pk, status=Proposal.Status.PENDING).update(
            status=Proposal.Status.REJECTED,
            rejection_reason=reason,
            decided_by=officer,
            decided_at=timezone.now(),
            updated=timezone.now(),
        )
    if not updated:
        raise ValueError(f"Proposal {proposal.pk} is not pending")
