"""Browser tests: Debian's Chromium driven by Playwright, phone-sized.

Playwright cannot download its own browser here, so it launches the system
Chromium through ``executable_path``. ``live_server`` runs the app in a thread
while Playwright's sync API runs an event loop, hence
DJANGO_ALLOW_ASYNC_UNSAFE (set in the root conftest).
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "locale": "id-ID"}


@pytest.fixture
def login(live_server):
    """login(page, username) → logs in through the real form with the demo password."""
    from django.conf import settings

    def _login(page, username, password=None):
        page.goto(f"{live_server.url}/akun/masuk/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password or settings.DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()

    return _login
