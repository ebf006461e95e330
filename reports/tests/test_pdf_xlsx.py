import datetime as dt
from io import BytesIO

from django.template import engines
from openpyxl import load_workbook

from reports import charts, pdf, xlsx
from reports.tests.pdftext import pdf_pages, pdf_text


def test_pdf_has_header_footer_font_and_chart():
    body = engines["django"].from_string(
        "{% load portal %}<p>Peserta KB aktif {{ n|angka }}</p>{{ chart.svg }}"
        '<p class="pisah-halaman">Halaman kedua</p>'
    )
    context = pdf.print_context(
        {"n": 1250000, "chart": charts.bar([("Suntik", 12)], title="Metode")},
        kabupaten="Kabupaten Labuhanbatu",
        judul="Uji Laporan",
    )
    context["body_template"] = body
    document = pdf.render_pdf(body, context)
    text = pdf_text(document)
    assert pdf_pages(document) == 2
    assert "Peserta KB aktif 1.250.000" in text
    assert "Kabupaten Labuhanbatu" in text
    assert "Halaman 1 dari 2" in text and "Halaman 2 dari 2" in text
    assert "Suntik" in text  # the SVG chart's text is real text in the PDF
    assert "PEMERINTAH KABUPATEN LABUHANBATU" in text


def test_pdf_embeds_the_shipped_font(caplog):
    import subprocess

    body = engines["django"].from_string("<p>Tes</p>")
    document = pdf.render_pdf(body, pdf.print_context({}, kabupaten="Kab", judul="T"))
    fonts = subprocess.run(["pdffonts", "-"], input=document, capture_output=True).stdout
    assert b"KKB-Sans" in fonts  # the @font-face family from static/fonts
    assert b"Serif" not in fonts
    assert "cannot be loaded" not in caplog.text


def test_pdf_keeps_its_stylesheet_and_font_with_production_static_files(settings, tmp_path, caplog):
    """DEBUG=0 serves hashed names (manifest storage) that only collectstatic
    wrote; the PDF must still load its print stylesheet and the shipped font."""
    import subprocess

    from django.core.management import call_command
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    hashed = static("reports/print.css")
    assert hashed != "/static/reports/print.css"  # the manifest is really in use
    assert pdf.LocalFetcher.local_path(pdf.BASE_URL + hashed.lstrip("/")) is not None
    body = engines["django"].from_string("<p>Tes</p>")
    document = pdf.render_pdf(body, pdf.print_context({}, kabupaten="Kab", judul="T"))
    fonts = subprocess.run(["pdffonts", "-"], input=document, capture_output=True).stdout
    assert b"KKB-Sans" in fonts
    assert "Failed to load" not in caplog.text


def test_fetcher_refuses_the_network_and_files_outside_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "foto.jpg").write_bytes(b"x")
    fetch = pdf.LocalFetcher.local_path
    assert fetch("https://example.com/x.png") is None
    assert fetch("file:///etc/passwd") is None
    assert fetch((tmp_path / "foto.jpg").as_uri()) == tmp_path / "foto.jpg"
    assert fetch(pdf.BASE_URL + "static/fonts/DejaVuSans.ttf").name == "DejaVuSans.ttf"


def test_xlsx_keeps_numbers_typed_with_formats():
    sheet = xlsx.Sheet(
        "Rekap",
        [
            xlsx.Column("Desa"),
            xlsx.Column("Jumlah PUS", xlsx.INTEGER),
            xlsx.Column("CPR (%)", xlsx.PERCENT),
            xlsx.Column("Tanggal"),
        ],
        [["Pondok Batu", 1250, 61.5, dt.date(2026, 11, 3)]],
        heading="Rekap November 2026",
    )
    wb = load_workbook(BytesIO(xlsx.workbook_bytes([sheet])))
    ws = wb["Rekap"]
    assert ws["A1"].value == "Rekap November 2026"
    assert [c.value for c in ws[3]] == ["Desa", "Jumlah PUS", "CPR (%)", "Tanggal"]
    assert ws["B4"].value == 1250 and ws["B4"].number_format == "#,##0"
    assert ws["C4"].value == 61.5
    assert ws["D4"].number_format == "DD/MM/YYYY"
