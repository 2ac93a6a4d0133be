"""A strategy with 40 measures: it renders, every Steckbrief fits on its page, the contents point to the right
pages, and no text runs off a page."""

import re

import pytest

from vorort.publishing import documents

from .support import HAS_POPPLER, build_strategy, pdf_text
from .test_hostile import words_outside

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext (poppler-utils, see make test)"),
]


def test_forty_measures(town_a, town_b, users):
    measures = build_strategy(town_a, users["coordinator"], measures=40)
    spec = documents.Spec(kind="strategy", format="pdf", network=town_a.network, municipality=town_a)
    pdf = documents.render(spec).content
    pages = pdf_text(pdf, layout=True).split("\f")
    assert 45 < len(pages) < 80
    contents = "\n".join(pages[1:4])
    for measure in measures:
        heading = f"{measure.reference} {measure.title}"
        on = [number for number, page in enumerate(pages, start=1) if f"Steckbrief: {heading}" in page]
        assert len(on) == 1, f"{heading}: Steckbrief on pages {on}"  # one page per measure
        listed = re.search(rf"{re.escape(heading)}[ .]+(\d+)\s*$", contents, re.M)
        assert listed and int(listed.group(1)) == on[0], heading  # the contents give its page
    assert words_outside(pdf) == []
    # Every page after the cover has its running header and its page number.
    total = len([page for page in pages if page.strip()])
    for number, page in enumerate(pages[1:total], start=2):
        assert f"Seite {number} von {total}" in page, number
