"""The desk server in a real headless Chromium (Debian's chromium and chromium-driver,
installed by .ci/run; skipped where they are not installed): what a translator and a
terminologist do on their first day.

TERMBASE_SCREENSHOTS=FOLDER saves a screenshot of each main page there (the ones in
docs/img/ were made so)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import chromium
from tests.server_fixtures import PASSWORD, make_desk

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "artikel-asean.txt"


@pytest.fixture
def server(tmp_path) -> Iterator[str]:
    import uvicorn

    from termbase.server.app import create_app

    desk = make_desk(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(desk.settings), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def browsers() -> Iterator[list]:
    binary, driver_path = chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opened = []

    def open_one():
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--window-size=1200,900"):
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service(executable_path=driver_path),
                                   options=options)
        opened.append(browser)
        return browser

    yield open_one  # type: ignore[misc]
    for browser in opened:
        browser.quit()


def _screenshot(browser, name: str) -> None:
    folder = os.environ.get("TERMBASE_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(Path(folder) / f"{name}.png"))


def _sign_in(browser, base: str, name: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{base}/login?lang=en")
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-button").click()
    # The click starts a navigation; the next page may not be there yet.
    who = _wait(browser, lambda b: b.find_elements(By.ID, "who"))
    assert who[0].text == name


def _wait(browser, condition, seconds: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds).until(condition)


def test_a_translator_looks_up_checks_and_fixes(server, browsers):
    from selenium.webdriver.common.by import By

    browser = browsers()
    _sign_in(browser, server, "translator")
    # Results as you type: no submit.
    browser.find_element(By.ID, "q").send_keys("Sabuk dan Jalan")
    _wait(browser, lambda b: "Belt and Road" in b.find_element(By.ID, "results").text)
    badges = browser.find_elements(By.CSS_SELECTOR, "#results .badge.preferred")
    assert badges and badges[0].is_displayed()
    _screenshot(browser, "lookup")

    browser.get(f"{server}/check")
    article = EXAMPLE.read_text(encoding="utf-8")
    area = browser.find_element(By.ID, "text")
    browser.execute_script("arguments[0].value = arguments[1]", area, article)
    browser.find_element(By.ID, "check-button").click()
    marks = _wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#marked mark"))
    texts = {m.text for m in marks}
    assert {"kerjasama", "perdaganagn", "di sepakati"} <= texts, texts
    count = int(browser.find_element(By.ID, "finding-count").text)
    assert count == len(browser.find_elements(By.CSS_SELECTOR, "#findings li")) >= len(marks)
    # A click on a highlighted span shows its finding.
    marks[0].click()
    assert browser.find_elements(By.CSS_SELECTOR, "#findings li.current")
    _screenshot(browser, "check")

    browser.find_element(By.ID, "apply-fixes").click()
    applied = _wait(browser, lambda b: b.find_elements(By.ID, "applied"))
    assert applied[0].text.split()[0].isdigit() and int(applied[0].text.split()[0]) > 0
    fixed = browser.find_element(By.ID, "text").get_attribute("value")
    assert "di sepakati" not in fixed and "disepakati" in fixed
    assert int(browser.find_element(By.ID, "finding-count").text) < count


def test_a_deprecation_flags_at_once_in_another_session(server, browsers):
    from selenium.webdriver.common.by import By

    terminologist, editor = browsers(), browsers()
    _sign_in(terminologist, server, "terminologist")
    _sign_in(editor, server, "reader")
    text = "Delegasi itu membahas proyek Jalur Sutra Baru di Jakarta."

    def check(browser) -> set[str]:
        browser.get(f"{server}/check")
        area = browser.find_element(By.ID, "text")
        browser.execute_script("arguments[0].value = arguments[1]", area, text)
        browser.find_element(By.ID, "check-button").click()
        _wait(browser, lambda b: b.find_elements(By.ID, "finding-count"))
        return {m.text for m in browser.find_elements(By.CSS_SELECTOR, "#marked mark")}

    assert "Jalur Sutra Baru" not in check(editor)
    terminologist.get(f"{server}/?q=Sabuk+dan+Jalan")
    terminologist.find_element(By.CSS_SELECTOR, "#results .domain a:last-child").click()
    terminologist.find_element(By.ID, "deprecate-term").send_keys("Jalur Sutra Baru")
    _screenshot(terminologist, "concept")
    terminologist.find_element(By.ID, "deprecate-button").click()
    history = _wait(terminologist, lambda b: b.find_elements(By.ID, "history"))
    assert "Jalur Sutra Baru is deprecated" in history[0].text
    assert "Jalur Sutra Baru" in check(editor)


def test_the_glossary_and_memory_pages_render(server, browsers):
    from selenium.webdriver.common.by import By

    browser = browsers()
    _sign_in(browser, server, "reader")
    browser.get(f"{server}/glossary?status=deprecated")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.concepts tr")
    assert rows
    _screenshot(browser, "glossary")
    browser.get(f"{server}/memory?q=Menteri+itu+menghadiri+pertemuan+bilateral+di+Bandung.")
    assert "bilateral meeting" in browser.find_element(By.ID, "memory-results").text
    assert browser.find_elements(By.CSS_SELECTOR, "#memory-results ins")
    _screenshot(browser, "memory")


def test_the_pages_fit_a_phone(server, browsers):
    from selenium.webdriver.common.by import By

    browser = browsers()
    browser.set_window_size(390, 844)
    _sign_in(browser, server, "reader")
    for path in ("/?q=Sabuk+dan+Jalan", "/memory?q=Jakarta&mode=concordance", "/check",
                 "/glossary"):
        browser.get(server + path)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (path, overflow)
    browser.get(f"{server}/?q=Sabuk+dan+Jalan")
    assert browser.find_element(By.ID, "q").is_displayed()
    _screenshot(browser, "phone-lookup")
