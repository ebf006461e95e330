from functools import cache, partial

from kampungkb.navigation import nav_items
from kampungkb.periods import Periode


def portal(request):
    """Menu, the user's region breadcrumb and the current period, for every page."""
    user = getattr(request, "user", None)
    context = {"periode_sekarang": Periode.current()}
    if user is not None and user.is_authenticated:
        context["nav_items"] = nav_items(user)
        if user.wilayah_id:
            from villages.models import Wilayah

            # Lazy: only pages that render the breadcrumb pay for its one
            # query, and only once however often the template reads it.
            context["user_lineage"] = cache(partial(Wilayah.lineage_of, user.wilayah_id))
    return context
