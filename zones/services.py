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


class ProposalAlreadyDecided(Exception):
    """Another officer decided the proposal first; `proposal` is as they left it."""

    def __init__(self, proposal):
        super().__init__(f"Proposal {proposal.pk} is already {proposal.status}")
        self.proposal = proposal


def _lock_pending(proposal: Proposal) -> Proposal:
    """The proposal's row, locked until the transaction ends, so that two officers deciding at
    once are served one after the other; the second is told who came first."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("company", "submitted_by")
        .get(pk=proposal.pk)
    )
    if proposal.status != Proposal.Status.PENDING:
        raise ProposalAlreadyDecided(proposal)
    return proposal


def proposal_approve(*, proposal: Proposal, officer: "User") -> Proposal:
    """Apply a pending proposal in one transaction; the history names the developer who
    proposed and the officer who approved. Raises ProposalAlreadyDecided."""
    with transaction.atomic():
        proposal = _lock_pending(proposal)
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
        for plot_change in proposal.plot_changes.select_related("plot"):
            _apply(plot_change.plot, officer, reason, status=plot_change.status)
        for project_change in proposal.project_changes.select_related("project"):
            _apply(project_change.project, officer, reason, status=project_change.status)
        proposal.status = Proposal.Status.APPROVED
        proposal.decided_by = officer
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at", "updated"])
    return proposal


def proposal_reject(*, proposal: Proposal, officer: "User", reason: str) -> Proposal:
    """Reject a pending proposal with the reason its developer will read. Raises
    ValidationError for a blank reason, ProposalAlreadyDecided."""
    with transaction.atomic():
        proposal = _lock_pending(proposal)
        proposal.status = Proposal.Status.REJECTED
        proposal.rejection_reason = reason.strip()
        proposal.decided_by = officer
        proposal.decided_at = timezone.now()
        proposal.clean()
        proposal.save(
            update_fields=["status", "rejection_reason", "decided_by", "decided_at", "updated"]
        )
    return proposal
