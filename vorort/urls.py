from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from vorort.api.v1 import api as api_v1

admin.site.site_header = _("vorort – Administration")
admin.site.site_title = _("vorort")

urlpatterns = [
    path("", include("vorort.core.urls")),
    path("", include("vorort.accounts.urls")),
    path("", include("vorort.network.urls")),
    path("", include("vorort.process.urls")),
    path("", include("vorort.strategy.urls")),
    path("", include("vorort.measures.urls")),
    path("", include("vorort.resources.urls")),
    path("", include("vorort.prioritisation.urls")),
    path("", include("vorort.participation.urls")),
    path("", include("vorort.events.urls")),
    path("", include("vorort.publishing.urls")),
    path("", include("vorort.portal.urls")),
    path("", include("vorort.api.urls")),
    path("api/v1/", api_v1.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
