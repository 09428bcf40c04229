"""What a save must keep true elsewhere: a plot's zone's stored plot totals, and its photos'
zone; a zone's history row's "publish this note"."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from .models import Plot, Zone, ZonePhoto


@receiver(post_save, sender=Plot, dispatch_uid="zones.plot-totals-save")
@receiver(post_delete, sender=Plot, dispatch_uid="zones.plot-totals-delete")
def plot_changed(sender, instance, **kwargs):
    """Recount the totals of the plot's zone, and of the zone it was moved from, if any."""
    zone_ids = {instance.zone_id, getattr(instance, "_loaded_zone_id", instance.zone_id)}
    Zone.objects.filter(pk__in=zone_ids).refresh_plot_totals()
    if len(zone_ids) > 1 and not kwargs.get("created"):  # moved: its photos follow it
        ZonePhoto.objects.filter(plot=instance).update(zone=instance.zone_id)
    instance._loaded_zone_id = instance.zone_id


@receiver(pre_create_historical_record, dispatch_uid="zones.figure-note-public")
def figure_note_public(sender, instance, history_instance, **kwargs):
    """The officer ticked "publish this note" (the admin sets `_publish_change_note`)."""
    if isinstance(instance, Zone):
        history_instance.note_is_public = bool(
            history_instance.history_change_reason
            and getattr(instance, "_publish_change_note", False)
        )
