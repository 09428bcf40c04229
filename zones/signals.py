"""What a plot's save or delete must keep true elsewhere: its zone's stored plot totals."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Plot, Zone


@receiver(post_save, sender=Plot, dispatch_uid="zones.plot-totals-save")
@receiver(post_delete, sender=Plot, dispatch_uid="zones.plot-totals-delete")
def plot_changed(sender, instance, **kwargs):
    """Recount the totals of the plot's zone, and of the zone it was moved from, if any."""
    zone_ids = {instance.zone_id, getattr(instance, "_loaded_zone_id", instance.zone_id)}
    Zone.objects.filter(pk__in=zone_ids).refresh_plot_totals()
    instance._loaded_zone_id = instance.zone_id
