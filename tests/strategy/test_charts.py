"""core.charts: well-formed, accessible SVG; every text escaped; no inline style, no script."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

from vorort.core.charts import Series, line_chart, number_text, radar_chart

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '</text><script>alert("x")</script>&amp; <b onload="x">\'"'
FIELDS = ["Mobilität", "Nachhaltigkeit", "Verwaltung", "Wohnen", "Wirtschaft", "Zivilgesellschaft"]


def parse(markup) -> ET.Element:
    return ET.fromstring(str(markup))


def assert_safe(root: ET.Element) -> None:
    for element in root.iter():
        assert element.tag.replace(NS, "") not in {"script", "foreignObject", "style"}
        assert "style" not in element.attrib
        assert not any(name.lower().startswith("on") for name in element.attrib)
        for name in ("fill", "stroke"):
            value = element.get(name)
            assert value is None or value == "none" or (value.startswith("#") and len(value) == 7), value


def test_radar_chart_is_accessible_svg():
    markup = radar_chart(
        FIELDS,
        [Series("Beckum", [Decimal("1.3"), 2, None, 4, 0, 3.5]), Series("Netzwerk", [2] * 6)],
        title="Reifegrad je Handlungsfeld",
        description="Vergleich mit dem Netzwerk.",
        chart_id="runde-1",
    )
    root = parse(markup)
    assert root.tag == f"{NS}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-runde-1-title chart-runde-1-desc"
    title, desc = root.find(f"{NS}title"), root.find(f"{NS}desc")
    assert title.get("id") == "chart-runde-1-title" and title.text == "Reifegrad je Handlungsfeld"
    assert desc.get("id") == "chart-runde-1-desc"
    assert "Beckum: Mobilität 1,3; Nachhaltigkeit 2,0; Verwaltung –; Wohnen 4,0" in desc.text
    assert "Netzwerk: Mobilität 2,0" in desc.text
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert set(FIELDS) <= set(texts)
    assert {"Beckum", "Netzwerk"} <= set(texts)  # legend
    series_polygons = [p for p in root.iter(f"{NS}polygon") if p.get("fill-opacity")]
    assert len(series_polygons) == 2
    # The second series differs by dash pattern, not only by colour.
    assert series_polygons[0].get("stroke-dasharray") is None and series_polygons[1].get("stroke-dasharray")
    assert_safe(root)


def test_radar_chart_escapes_hostile_text_and_ignores_bad_colours():
    markup = radar_chart(
        [HOSTILE, "B", "C"],
        [Series(HOSTILE, [1, 2, 3], colour='red" onload="alert(1)')],
        title=HOSTILE,
        description=HOSTILE,
        chart_id='x" onload="y',
    )
    root = parse(markup)  # would raise if anything broke out of its element
    assert "<script" not in markup
    assert root.find(f"{NS}title").text == HOSTILE
    assert HOSTILE in root.find(f"{NS}desc").text
    assert_safe(root)
    assert all(" " not in (el.get("id") or "") and '"' not in (el.get("id") or "") for el in root.iter())


def test_radar_chart_without_axes_or_series():
    assert_safe(parse(radar_chart([], [], title="leer")))
    root = parse(radar_chart(["A", "B"], [], title="ohne Reihen"))
    assert root.get("role") == "img"


def test_line_chart_with_target_path_and_measurements():
    markup = line_chart(
        [(datetime.date(2026, 6, 30), Decimal("82")), (datetime.date(2025, 6, 30), Decimal("90.5"))],
        title="CO₂-Emissionen",
        unit="t",
        reference=[(datetime.date(2024, 1, 1), Decimal("100")), (datetime.date(2030, 12, 31), Decimal("60"))],
        reference_label="Zielpfad",
        points_label="Messwerte",
        chart_id="co2",
    )
    root = parse(markup)
    assert root.get("role") == "img"
    desc = root.find(f"{NS}desc").text
    assert "Zielpfad: 01.01.2024: 100 t; 31.12.2030: 60 t." in desc
    assert "Messwerte: 30.06.2025: 90,5 t; 30.06.2026: 82 t." in desc  # sorted by date
    lines = list(root.iter(f"{NS}polyline"))
    assert len(lines) == 2
    assert lines[0].get("stroke-dasharray") and not lines[1].get("stroke-dasharray")
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    for line in lines:
        for pair in line.get("points").split():
            x, y = (float(v) for v in pair.split(","))
            assert 0 <= x <= width and 0 <= y <= height
    labels = [t.text for t in root.iter(f"{NS}text")]
    assert "2024" in labels and "2030" in labels  # whole years over a long span
    assert_safe(root)


def test_line_chart_escapes_and_handles_edge_cases():
    root = parse(line_chart([], title=HOSTILE))
    assert root.find(f"{NS}title").text == HOSTILE
    assert "Noch keine Werte" in root.find(f"{NS}desc").text
    single = parse(line_chart([(datetime.date(2026, 1, 1), 5)], unit=HOSTILE, points_label=HOSTILE, title="x"))
    assert HOSTILE in single.find(f"{NS}desc").text
    assert_safe(single)
    flat = parse(line_chart([(datetime.date(2026, 1, 1), 0), (datetime.date(2026, 2, 1), 0)], title="flach"))
    assert_safe(flat)
    negative = parse(line_chart([(datetime.date(2026, 1, 1), -3), (datetime.date(2027, 1, 1), 7)], title="neg"))
    assert_safe(negative)


def test_number_text_is_german():
    assert number_text(Decimal("1234.50")) == "1.234,5"
    assert number_text(Decimal("2")) == "2"
    assert number_text(None) == "–"
