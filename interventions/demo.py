"""Demo data of the interventions app: KANG MAS MESRA, its 16 cross-sector
interventions, the 3 named flagship innovations and some IID evidence
(demo_data.py holds the verbatim texts). Idempotent: a second run changes nothing.

Photos and evidence documents are generated here (Pillow, a hand-written
one-page PDF); nothing is downloaded."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from interventions import demo_data as d
from interventions import services
from interventions.models import (
    BuktiIID,
    IndikatorIID,
    Inisiator,
    Inovasi,
    InovasiUnggulan,
    InpresKegiatan,
    Instansi,
    Intervensi,
    TahunIID,
)
from kampungkb.models import User
from kampungkb.uploads import clean_photo
from villages.models import KampungKB

PONDOK_BATU = "12.10.09.2009"
LABUHANBATU = "12.10"
TANGGAL = dt.date(2022, 4, 1)  # Waktu Uji Coba and Implementasi of KANG MAS MESRA


def _image(label: str, color: tuple[int, int, int]) -> SimpleUploadedFile:
    image = Image.new("RGB", (960, 640), color)
    draw = ImageDraw.Draw(image)
    for x in range(0, 960, 80):
        draw.line([(x, 0), (x + 320, 640)], fill=tuple(min(c + 40, 255) for c in color), width=6)
    draw.rectangle([40, 520, 920, 600], fill=(255, 255, 255))
    draw.text((60, 548), f"{label} (gambar demo)", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return SimpleUploadedFile("demo.jpg", out.getvalue(), "image/jpeg")


def _pdf(lines: list[str]) -> SimpleUploadedFile:
    """A minimal valid one-page PDF (Helvetica, ASCII text)."""
    text = " ".join(
        f"({line.encode('ascii', 'replace').decode().replace('(', '[').replace(')', ']')}) Tj T*"
        for line in lines
    )
    stream = f"BT /F1 10 Tf 14 TL 50 790 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref))  # fmt: skip
    return SimpleUploadedFile("bukti.pdf", out.getvalue(), "application/pdf")


def _instansi() -> dict[str, Instansi]:
    """Official agencies plus Labuhanbatu's local OPD names, by name."""
    resmi = {i.nama: i for i in Instansi.objects.filter(kabupaten=None)}
    for nama, induk in d.OPD_LOKAL.items():
        Instansi.objects.get_or_create(
            nama=nama, kabupaten_id=LABUHANBATU, defaults={"induk": resmi[induk]}
        )
    lokal = {i.nama: i for i in Instansi.objects.filter(kabupaten_id=LABUHANBATU)}
    return {**resmi, **lokal}


def _seed_intervensi(kampung, instansi, opd, dinkes_user) -> list[Intervensi]:
    inpres = {k.nama: k for k in InpresKegiatan.objects.all()}
    result = []
    for (
        judul,
        ditulis,
        nama_instansi,
        lainnya,
        seksi,
        sasaran,
        poktan,
        keg,
        pemilik,
    ) in d.INTERVENSI:
        obj = Intervensi.objects.filter(kampung=kampung, judul=judul).first()
        if obj is None:
            by = dinkes_user if pemilik == "Dinas Kesehatan" and dinkes_user else opd
            obj = services.intervensi_create(
                data={
                    "kampung": kampung,
                    "judul": judul,
                    "tanggal": TANGGAL,
                    "tempat": "Desa Pondok Batu",
                    "deskripsi": (
                        f"{judul}, bersama {ditulis}. Intervensi lintas sektor yang tercatat "
                        f"dalam profil inovasi {d.NAMA}."
                    ),
                    "jenis": "Kegiatan",
                    "seksi": seksi,
                    "sasaran": sasaran,
                    "instansi_lainnya": lainnya,
                    "inpres_kegiatan": inpres.get(keg) if keg else None,
                    "target_poktan": poktan,
                    "sumber_dana": "Perusahaan (CSR)" if "CSR" in ditulis else "",
                    "status": "selesai",
                },
                instansi=[instansi[n] for n in nama_instansi],
                by=by,
            )
            if pemilik and obj.instansi_pemilik_id is None:
                Intervensi.objects.filter(pk=obj.pk).update(instansi_pemilik=instansi[pemilik])
        result.append(obj)
    return result


def _seed_foto(intervensi: list[Intervensi], opd, dinkes_user) -> int:
    photos = {
        "Pelaksanaan BIAN": [("Imunisasi balita di posyandu", (60, 120, 170), False)],
        "Launching & program DASHAT": [("Peluncuran DASHAT", (190, 110, 40), True)],
        "Budikdamber": [("Ember budidaya ikan", (40, 140, 90), True)],
    }
    added = 0
    for obj in intervensi:
        for prefix, items in photos.items():
            if not obj.judul.startswith(prefix) or obj.foto.exists():
                continue
            by = dinkes_user if obj.instansi_pemilik_id and dinkes_user else opd
            for caption, color, publik in items:
                services.foto_add(
                    intervensi=obj,
                    foto=clean_photo(_image(caption, color)),
                    keterangan=caption,
                    tipe="Kegiatan",
                    publik=publik,
                    by=by,
                )
                added += 1
    return added


def _seed_inovasi(kampung, instansi, intervensi, opd) -> Inovasi:
    inovasi = Inovasi.objects.filter(nama=d.NAMA, wilayah_id=PONDOK_BATU).first()
    if inovasi is not None:
        return inovasi
    return services.inovasi_create(
        data={
            "wilayah": kampung.desa,
            "nama": d.NAMA,
            "kepanjangan": d.KEPANJANGAN,
            "perangkat_daerah": instansi[d.OPD_KB],
            "tahapan": "Penerapan",
            "inisiator": Inisiator.OPD,
            "jenis": "Non Digital",
            "bentuk": "Inovasi Pelayanan Publik",
            "tahun_iid": TahunIID.objects.get(tahun=2023),
            "urusan_utama": "Pengendalian penduduk dan keluarga berencana",
            "waktu_uji_coba": TANGGAL,
            "waktu_implementasi": TANGGAL,
            "rancang_bangun": "\n\n".join(d.RANCANG_BANGUN),
            "tujuan_umum": d.TUJUAN_UMUM,
            "tujuan_khusus": d.TUJUAN_KHUSUS,
            "manfaat": d.MANFAAT,
            "hasil": d.HASIL,
            "kampung": [kampung],
            "intervensi": intervensi,
        },
        files={},
        by=opd,
    )


def _seed_bukti(inovasi: Inovasi, opd) -> None:
    """Evidence the source document itself supports; the rest stays missing."""
    if BuktiIID.objects.filter(inovasi=inovasi).exists():
        return
    daftar = [f"({n}) {row[0]} : ({row[1]})" for n, row in enumerate(d.INTERVENSI, start=1)]
    indikator = {i.nomor: i for i in IndikatorIID.objects.filter(tahun=inovasi.tahun_iid)}
    evidence = [
        # 9 Jejaring Inovasi: more than 5 perangkat daerah take part.
        (9, 3, "Daftar intervensi lintas sektor KANG MAS MESRA", _pdf(daftar)),
        # 7 Keterlibatan aktor: pemerintah, bisnis (CSR) and komunitas (Pengurus DASHAT).
        (7, 1, "Aktor: pemerintah, bisnis (CSR), komunitas", _pdf(daftar)),
        # 10 Sosialisasi: a photo (generated for the demo).
        (10, 1, "Foto sosialisasi (gambar demo)", None),
        # 1 Regulasi: parameter chosen, document not yet uploaded.
        (1, 1, "", None),
    ]
    for nomor, urutan, tentang, berkas in evidence:
        ind = indikator[nomor]
        if nomor == 10:
            berkas = _image("Sosialisasi KANG MAS MESRA", (120, 60, 150))
        services.bukti_save(
            inovasi=inovasi,
            indikator=ind,
            data={"parameter": ind.parameter.get(urutan=urutan), "tentang": tentang},
            berkas=berkas,
            expected_version=None,
            by=opd,
        )


def _seed_unggulan(kampung, opd) -> int:
    created = 0
    for urutan, (nama, singkatan, inisiator, ketua, telepon) in enumerate(d.UNGGULAN, start=1):
        if InovasiUnggulan.objects.filter(kampung=kampung, nama=nama).exists():
            continue
        services.unggulan_create(
            kampung=kampung,
            data={
                "nama": nama,
                "singkatan": singkatan,
                "inisiator": inisiator,
                "sumber_inisiatif": Inisiator.MASYARAKAT,
                "ketua": ketua,
                "telepon": telepon,
                "urutan": urutan,
            },
            by=opd,
        )
        created += 1
    return created


def seed() -> str:
    kampung, _ = KampungKB.objects.get_or_create(
        desa_id=PONDOK_BATU,
        defaults={
            "nama": "Kampung KB Desa Pondok Batu",
            "tanggal_pencanangan": dt.date(2017, 3, 1),
        },
    )
    opd = User.objects.filter(username="opd.labuhanbatu").first()
    dinkes_user = User.objects.filter(username="dinkes.labuhanbatu").first()
    before = Intervensi.objects.count()
    instansi = _instansi()
    intervensi = _seed_intervensi(kampung, instansi, opd, dinkes_user)
    foto = _seed_foto(intervensi, opd, dinkes_user)
    inovasi = _seed_inovasi(kampung, instansi, intervensi, opd)
    _seed_bukti(inovasi, opd)
    # The document gives no IID evidence: the parameter choices (and the
    # generated pictures behind them) are examples, and so is the score.
    if inovasi.contoh != ["bukti_iid", "foto"]:
        Inovasi.objects.filter(pk=inovasi.pk).update(contoh=["bukti_iid", "foto"])
    unggulan = _seed_unggulan(kampung, opd)
    inovasi.refresh_from_db()
    return (
        f"intervensi baru {Intervensi.objects.count() - before}, foto baru {foto}, "
        f"inovasi unggulan baru {unggulan}; {inovasi.nama} skor kematangan "
        f"{inovasi.skor_kematangan.normalize():f}"
    )
