"""The kader's shortcuts on the monthly register (issue 17 item 3), both
buttons of the register's own form, so everything she typed travels with them:

- "Tambah pertemuan": one more empty meeting row, without saving (no
  JavaScript needed);
- "Salin daftar hadir bulan lalu": ticks last month's families (still active
  members) and saves the draft like "Simpan draf" (same refusals, same
  version check), saying how many were copied.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kampungkb.periods import Periode
from poktan import access, services
from poktan.forms import PertemuanFormSet
from poktan.models import Laporan
from poktan.register_page import laporan_of, refuse, register_forms, render_register, save_register


@login_required
@require_POST
def laporan_pertemuan_add(request, pk: int, periode: Periode):
    poktan = access.poktan_or_404(request.user, pk, write=True)
    laporan = laporan_of(poktan, periode)
    refusal = services.laporan_refusal(poktan=poktan, periode=periode, laporan=laporan)
    if refusal:
        return refuse(request, poktan, periode, refusal)
    data = request.POST.copy()
    try:
        total = max(int(data.get("pertemuan-TOTAL_FORMS", "")), 0)
    except ValueError:
        total = 0
    data["pertemuan-TOTAL_FORMS"] = str(min(total + 1, PertemuanFormSet.max_num))
    form, formset = register_forms(request, poktan, laporan, data)
    # Shows what is wrong with what she typed so far; nothing is stored.
    form.is_valid()
    formset.is_valid()
    return render_register(
        request, poktan, periode, laporan, form, formset, row_added=total < formset.max_num
    )


def previous_hadir(poktan, periode: Periode) -> set[int]:
    """Families ticked present last month that are still active members."""
    previous = Laporan.objects.filter(poktan=poktan, periode=periode.prev().first_day).first()
    if previous is None:
        return set()
    return set(previous.anggota_hadir.filter(aktif=True).values_list("pk", flat=True))


def _posted_ids(values: list[str]) -> set[int]:
    return {int(v) for v in values if v.isdigit()}


@login_required
@require_POST
def laporan_hadir_copy(request, pk: int, periode: Periode):
    poktan = access.poktan_or_404(request.user, pk, write=True)
    previous = previous_hadir(poktan, periode)
    posted = _posted_ids(request.POST.getlist("hadir"))
    added = previous - posted
    data = request.POST.copy()
    data.setlist("hadir", [str(i) for i in sorted(posted | previous)])
    if not previous:
        note = _("Bulan lalu tidak ada keluarga yang tercatat hadir: tidak ada yang disalin.")
    elif not added:
        note = _("Semua keluarga yang hadir bulan lalu sudah dicentang.")
    else:
        note = ngettext(
            "%(n)s keluarga dari daftar hadir bulan lalu disalin.",
            "%(n)s keluarga dari daftar hadir bulan lalu disalin.",
            len(added),
        ) % {"n": len(added)}
    return save_register(request, pk, periode, submit=False, data=data, note=note)
