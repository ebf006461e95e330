import xml.etree.ElementTree as ET

from reports import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart):
    return ET.fromstring(str(chart.svg))


def test_bar_lengths_are_proportional_and_table_matches():
    chart = charts.bar([("BKB", 40), ("BKR", 20), ("<BKL>", 0)], title="Poktan")
    root = parse(chart)
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] == 2 * widths[1]
    assert widths[2] <= 1  # zero stays a sliver, not a negative bar
    assert chart.rows == [["BKB", "40"], ["BKR", "20"], ["<BKL>", "0"]]
    # Labels are escaped, the SVG stays well-formed.
    assert "&lt;BKL&gt;" in str(chart.svg)


def test_bar_numbers_use_indonesian_grouping(settings):
    settings.LANGUAGE_CODE = "id"
    chart = charts.bar([("Jiwa", 1250000)], title="Penduduk")
    assert chart.rows[0][1] == "1.250.000"
    assert "1.250.000" in str(chart.svg)


def test_empty_chart_says_no_data():
    chart = charts.bar([], title="Kosong")
    assert chart.empty
    assert "Belum ada data" in str(chart.svg)
    parse(chart)


def test_stacked_bar_segments_add_up_to_the_total():
    chart = charts.stacked_bar(
        ["Bilah Hulu", "Bilah Barat"],
        [("Dasar", "#d00", [2, 1]), ("Mandiri", "#0d0", [3, 0])],
        title="Klasifikasi",
    )
    rects = [r for r in parse(chart).iter(f"{SVG}rect") if r.get("height") == "12"]
    first_row = [float(r.get("width")) for r in rects[:2]]
    assert abs(first_row[0] / first_row[1] - 2 / 3) < 0.01
    assert chart.rows[0] == ["Bilah Hulu", "2", "3", "5"]
    assert len(rects) == 3  # the zero segment is not drawn


def test_line_leaves_gaps_for_missing_months():
    chart = charts.line(
        ["Jan", "Feb", "Mar", "Apr"],
        [("CPR", "#00f", [50, None, 60, 70])],
        title="Tren",
        fmt=charts.persen,
    )
    root = parse(chart)
    path = next(root.iter(f"{SVG}path")).get("d")
    assert path.count("M") == 2  # a new stroke starts after the gap
    assert len(list(root.iter(f"{SVG}circle"))) == 3
    assert chart.rows[1] == ["Feb", "–"]
    assert chart.rows[3] == ["Apr", "70,0 %"]
