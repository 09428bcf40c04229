"""Writes that span several rows, each in one transaction: proposals from park developers."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Plot, Project, Proposal, ProposalPlotChange, ProposalProjectChange, Zone


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


def proposal_approve(*, proposal, officer):
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
        for change in proposal.plot_changes.all():
            _apply(Plot.objects.get(pk=change.plot_id), officer, reason, status=change.status)
        for change in proposal.project_changes.all():
            _apply(Project.objects.get(pk=change.project_id), officer, reason, status=change.status)
        proposal.status = Proposal.Status.APPROVED
        proposal.decided_by = officer
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at", "updated"])
    return proposal


def proposal_reject(*, proposal, officer, reason):
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
