"""Open data on the portal: the page /opendaten/ and the downloads (CSV, JSON, the DCAT-AP.de catalogue).

Public, no login; the content is what `vorort.portal.opendata` takes from the published selectors. Downloads
stream, so a large export is never held in memory; absolute addresses use the request's scheme and host.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_safe

from . import opendata


def _links(request) -> opendata.Links:
    return opendata.Links(request.build_absolute_uri("/"))


def _open(response):
    """Open data may be fetched from any origin (it is public and needs no cookie)."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def opendata_page(request):
    """What the datasets hold, their fields, the licence and the download links."""
    datasets = [
        {
            "dataset": dataset,
            "count": dataset.count(),
            "downloads": [
                (
                    label,
                    reverse("portal:opendata_download", kwargs={"dataset": dataset.slug, "extension": extension}),
                    dataset.filename(extension),
                )
                for extension, (_type, _media, _file_type, label) in opendata.FORMATS.items()
            ],
        }
        for dataset in opendata.DATASETS.values()
    ]
    return render(
        request,
        "portal/opendata.html",
        {
            "datasets": datasets,
            "attribution": opendata.attribution(),
            "license_name": opendata.LICENSE_NAME,
            "license_url": opendata.LICENSE_URL,
            "catalogue_file": opendata.CATALOGUE_FILE,
        },
    )


@require_safe
def download(request, dataset: str, extension: str):
    """One dataset as CSV or JSON, streamed."""
    item = opendata.DATASETS.get(dataset)
    if item is None or extension not in opendata.FORMATS:
        raise Http404
    links = _links(request)
    chunks = opendata.csv_chunks(item, links) if extension == "csv" else opendata.json_chunks(item, links)
    response = StreamingHttpResponse(chunks, content_type=opendata.FORMATS[extension][0])
    disposition = "attachment" if extension == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{item.filename(extension)}"'
    return _open(response)


@require_safe
def catalogue(request):
    """The DCAT-AP.de catalogue (JSON-LD) describing every dataset and download."""
    response = HttpResponse(opendata.catalogue_text(_links(request)), content_type=opendata.CATALOGUE_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{opendata.CATALOGUE_FILE}"'
    return _open(response)
