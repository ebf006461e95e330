"""Fill PostgreSQL with synthetic Kampung KB data at a chosen scale (issue 7).

A thin wrapper: the generator is ``bench.generate`` (a package at the
repository root, imported only when the command runs)."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Isi PostgreSQL dengan data sintetis skala kabupaten, provinsi atau nasional: "
        "Kampung KB per desa dengan snapshot, 5 poktan, laporan 24 bulan, intervensi, "
        "inovasi dan pengguna per peran; ringkasan dasbor dihitung ulang di akhir."
    )

    def add_arguments(self, parser):
        from bench import generate as scale

        parser.add_argument("--scale", choices=scale.SCALES, default="kabupaten")
        parser.add_argument(
            "--wilayah-csv", help="berkas kode,nama Kemendagri (tanpa ini: kode sintetis)"
        )
        parser.add_argument(
            "--wilayah",
            help="kode kabupaten/provinsi yang diisi (default 12.10 / 12 bila ada di berkas)",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--desa-limit", type=int, help="hanya N desa pertama (untuk uji)")
        parser.add_argument("--anggota", type=int, default=6, help="anggota per poktan")
        parser.add_argument("--bulan", type=int, default=scale.MONTHS, help="bulan laporan")
        parser.add_argument(
            "--bulan-ringkasan", type=int, default=12, help="bulan ringkasan yang dihitung"
        )
        parser.add_argument("--password", default="", help="kata sandi semua akun (DEMO_PASSWORD)")
        parser.add_argument(
            "--reset", action="store_true", help="hapus dulu data yang pernah dibuat"
        )
        parser.add_argument("--tanpa-ringkasan", action="store_true")
        parser.add_argument(
            "--hanya-ringkasan",
            action="store_true",
            help="hanya hitung ulang ringkasan dasbor (set-wise) dari data yang ada",
        )

    def handle(self, *args, **o):
        from bench import generate as scale

        if o["hanya_ringkasan"]:
            progress = scale.Progress(stream=self.stdout, enabled=o["verbosity"] >= 1)
            built = scale.rebuild_summaries(o["bulan_ringkasan"], progress)
            self.stdout.write(f"ringkasan: {built} baris desa × periode, {progress.done()} s")
            return
        opts = scale.Options(
            scale=o["scale"],
            wilayah_csv=o["wilayah_csv"],
            wilayah=o["wilayah"],
            seed=o["seed"],
            desa_limit=o["desa_limit"],
            anggota=o["anggota"],
            months=o["bulan"],
            summary_months=o["bulan_ringkasan"],
            password=o["password"],
            reset=o["reset"],
            summaries=not o["tanpa_ringkasan"],
        )
        verbose = o["verbosity"] >= 1
        if verbose:
            self.stdout.write(f"generate_scale: skala {opts.scale}, seed {opts.seed}")
        progress = scale.Progress(stream=self.stdout, enabled=verbose)
        try:
            result = scale.generate(opts, progress)
        except (RuntimeError, ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        if verbose:
            self.stdout.write(self.style.SUCCESS(scale.summary_line(result)))
