"""This app's reference rows (``kampungkb.reference`` runs ``seed_reference``):
the official agencies, then the Inpres 3/2022 catalogue and the IID setup."""

from interventions import katalog_inpres
from interventions.instansi_resmi import seed_instansi_resmi


def seed_reference() -> None:
    seed_instansi_resmi()
    katalog_inpres.seed_reference()
