"""Cross-sector agencies, interventions and innovations.

The models live in submodules by topic; import them from here."""

from .inovasi import (  # noqa: F401
    BuktiIID,
    BuktiIIDQuerySet,
    Inovasi,
    InovasiQuerySet,
    InovasiUnggulan,
    InovasiUnggulanQuerySet,
    berkas_inovasi_path,
    bukti_path,
)
from .instansi import (  # noqa: F401
    InpresKegiatan,
    InpresProgram,
    InpresSasaran,
    Instansi,
    InstansiQuerySet,
)
from .intervensi import (  # noqa: F401
    MAKS_FOTO,
    FotoIntervensi,
    FotoIntervensiQuerySet,
    Intervensi,
    IntervensiQuerySet,
    JenisIntervensi,
    StatusIntervensi,
    TipeFoto,
    foto_path,
)
from .katalog_iid import (  # noqa: F401
    URUSAN,
    URUSAN_CHOICES,
    BentukInovasi,
    IndikatorIID,
    Inisiator,
    JenisInovasi,
    KlasifikasiInovasi,
    ParameterIID,
    PredikatIID,
    Tahapan,
    TahunIID,
    TematikIID,
)
