"""Regions (Kemendagri codes) and Kampung KB profiles.

The models live in submodules by topic; import them from here."""

from .kampung import (  # noqa: F401
    AnggotaPokja,
    KampungKB,
    KampungKBQuerySet,
    Pokja,
    PotensiDesa,
    berkas_kampung_path,
)
from .snapshot import (  # noqa: F401
    KkbpkKampung,
    KlasifikasiPeriode,
    PendudukKampung,
    ProfilKampung,
    Snapshot,
    SnapshotQuerySet,
    kb_label,
    usia_label,
)
from .wilayah import (  # noqa: F401
    KODE_LENGTH,
    Tingkat,
    Wilayah,
    WilayahQuerySet,
    ancestor_codes_of,
    induk_of,
    tingkat_of,
)
