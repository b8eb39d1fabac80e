"""Debian's Chromium and its driver for the tests that need a real browser (.ci/run
installs them; elsewhere those tests skip)."""

from __future__ import annotations

import shutil

import pytest


def chromium() -> tuple[str, str]:
    """(browser, chromedriver) executables, or skip the test."""
    binary = next((shutil.which(name) for name in ("chromium", "chromium-browser",
                                                   "google-chrome") if shutil.which(name)),
                  None)
    driver = shutil.which("chromedriver")
    if binary is None or driver is None:
        pytest.skip("Chromium and chromedriver not found (apt-get install chromium "
                    "chromium-driver)")
    return binary, driver
