from kampungkb.navigation import nav_items
from kampungkb.periods import Periode


def portal(request):
    """Menu, the user's region breadcrumb and the current period, for every page."""
    user = getattr(request, "user", None)
    context = {"periode_sekarang": Periode.current()}
    if user is not None and user.is_authenticated:
        context["nav_items"] = nav_items(user)
        if user.wilayah_id:
            # Lazy: only pages that render the breadcrumb pay for the query.
            context["user_lineage"] = lambda: user.wilayah.lineage()
    return context
