"""Writes that span several rows, each in one transaction: proposals from park developers."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Proposal, ProposalPlotChange, ProposalProjectChange, Zone


def proposal_submit(
    *, zone, company, user, fill_rate_pct, plot_statuses, project_statuses, note="", document=None
):
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


def _apply(obj, officer, reason, **values):
    changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
    if not changed:
        return
    for field, value in changed.items():
        setattr(obj, field, value)
    obj._change_reason = reason
    obj._history_user = officer
    obj.full_clean()
    obj.save()


class ProposalAlreadyDecided(Exception):
    """Another officer decided the proposal first; `proposal` is as they left it."""

    def __init__(self, proposal):
        super().__init__(f"Proposal {proposal.pk} is already {proposal.status}")
        self.proposal = proposal


def _lock_pending(proposal):
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


def proposal_approve(*, proposal, officer):
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
        for change in proposal.plot_changes.select_related("plot"):
            _apply(change.plot, officer, reason, status=change.status)
        for change in proposal.project_changes.select_related("project"):
            _apply(change.project, officer, reason, status=change.status)
        proposal.status = Proposal.Status.APPROVED
        proposal.decided_by = officer
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at", "updated"])
    return proposal


def proposal_reject(*, proposal, officer, reason):
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
