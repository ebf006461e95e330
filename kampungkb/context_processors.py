from functools import cache, partial

from kampungkb.first_visit import inline_assets
from kampungkb.navigation import nav_items
from kampungkb.periods import Periode


def portal(request):
    """Menu, the user's region breadcrumb, the current period and, on a
    phone's first visit, the stylesheet and loader to inline, for every page."""
    user = getattr(request, "user", None)
    context = {"periode_sekarang": Periode.current(), "aset_awal": inline_assets(request)}
    if user is not None and user.is_authenticated:
        context["nav_items"] = nav_items(user)
        if user.wilayah_id:
            from villages.models import Wilayah

            # Lazy: only pages that render the breadcrumb pay for its one
            # query, and only once however often the template reads it.
            context["user_lineage"] = cache(partial(Wilayah.lineage_of, user.wilayah_id))
    return context
