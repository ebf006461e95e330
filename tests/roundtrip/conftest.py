"""The round-trip tests live in the security tests' world (tests/security/conftest.py):
one Kampung KB with a live Profil, Penduduk and KKBPK, a pokja with a member, a poktan
with a member, an intervention, an innovation with evidence and a flagship innovation."""

from tests.security.conftest import media, sec  # noqa: F401
