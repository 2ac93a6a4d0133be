"""Reads of the audit trail."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .models import AuditEntry


def audit_of_municipality(municipality) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(municipality=municipality).select_related("content_type")


def audit_of_network(network) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(network=network, municipality__isnull=True).select_related("content_type")


def audit_of_object(instance) -> QuerySet[AuditEntry]:
    content_type = ContentType.objects.get_for_model(instance, for_concrete_model=True)
    return AuditEntry.objects.filter(content_type=content_type, object_id=str(instance.pk))
