"""The QA reports of termbase check: CSV for spreadsheets, one self-contained HTML page,
and that page as a real browser shows it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from termbase.check.document import Document
from termbase.check.engine import CheckResult
from termbase.check.report import CSV_COLUMNS, render_csv, render_html
from termbase.model import Finding, Severity
from tests.browser import chromium

# A typo, a deprecated term, a double space, and markup that must stay text.
ARTICLE = ("Kedua negara memperkuat kerjasama  ekonomi.\n\n"
           "Hubungan diplomaltik <script>window.pwned = 1</script> tetap erat.\n")


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _findings(invoke, article: Path) -> list[dict]:
    return json.loads(invoke("check", "--format", "json", str(article)).output)["findings"]


def _result(message: str, text: str = "harga") -> CheckResult:
    document = Document("x.txt", f"Naik {text} lagi.\n")
    finding = Finding("term/deprecated", Severity.ERROR, message, 5, 5 + len(text), text,
                      ["=1+1", "biaya, ongkos"])
    return CheckResult(document, [finding])


# ------------------------------------------------------------------------------ CSV

def test_csv_has_a_header_and_one_row_a_finding(invoke, article):
    result = invoke("check", "--format", "csv", str(article))
    assert result.exit_code == 1
    table = list(csv.reader(io.StringIO(result.output, newline="")))
    assert tuple(table[0]) == CSV_COLUMNS
    findings = _findings(invoke, article)
    assert len(table) == 1 + len(findings)
    rows = {row[5]: row for row in table[1:]}
    term = rows["term/deprecated"]
    assert term[:5] == [str(article), "1", "25", "1", "34"]
    assert (term[6], term[8], term[10]) == ("error", "kerjasama", "yes")
    assert "kerja sama" in term[9]


def test_csv_is_rfc_4180_and_guards_formulas():
    text = render_csv([_result('say "no", then =cmd', text="harga")])
    assert text.endswith("\r\n") and "\r\n" in text.split("\n", 1)[0] + "\n"
    row = list(csv.reader(io.StringIO(text, newline="")))[1]
    assert row[7] == 'say "no", then =cmd'  # quotes and comma survive; not at the start
    assert row[9] == "'=1+1 | biaya, ongkos"
    for dangerous in ("=HYPERLINK(1)", "+1", "-1", "@SUM(1)"):
        row = list(csv.reader(io.StringIO(render_csv([_result(dangerous)]), newline="")))[1]
        assert row[7] == "'" + dangerous
    assert list(csv.reader(io.StringIO(render_csv([]), newline=""))) == [list(CSV_COLUMNS)]


# ----------------------------------------------------------------------------- HTML

def test_html_escapes_the_article_and_needs_no_network(invoke, article):
    page = invoke("check", "--format", "html", str(article)).output
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "<script>window.pwned" not in page
    assert page.count("<script>") == 1  # the report's own filter code, and nothing else
    assert "http://" not in page and "https://" not in page and " src=" not in page
    assert "<mark>kerjasama</mark>" in page and "<mark>diplomaltik</mark>" in page


def test_html_escapes_messages_and_suggestions():
    page = render_html([_result('<img src=x onerror="alert(1)">')])
    assert "<img" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_html_lists_every_file_and_counts(invoke, article, tmp_path):
    clean = tmp_path / "bersih.txt"
    clean.write_text("Kedua negara memperkuat kerja sama ekonomi.\n", encoding="utf-8")
    page = invoke("check", "--format", "html", str(article), str(clean)).output
    findings = _findings(invoke, article)
    assert f'<span id="total">{len(findings)}</span> finding(s) in 2 file(s)' in page
    assert page.count('<tr class="finding') == len(findings)
    assert "bersih.txt" in page and "No findings." in page


def test_output_file_is_written_and_never_replaced_without_force(invoke, article, tmp_path):
    report = tmp_path / "laporan.html"
    assert invoke("check", "--format", "html", "-o", str(report), str(article)).exit_code == 1
    assert "<mark>kerjasama</mark>" in report.read_text(encoding="utf-8")
    report.write_text("someone else's file", encoding="utf-8")
    refused = invoke("check", "--format", "csv", "-o", str(report), str(article))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert report.read_text(encoding="utf-8") == "someone else's file"
    forced = invoke("check", "--format", "csv", "-o", str(report), "--force", str(article))
    assert forced.exit_code == 1 and forced.output == ""
    assert report.read_text(encoding="utf-8").startswith("file,line,column")
    as_json = tmp_path / "laporan.json"
    invoke("check", "--format", "json", "-o", str(as_json), str(article))
    assert json.loads(as_json.read_text(encoding="utf-8"))["findings"]
    bad = invoke("check", "--diff", "-o", str(tmp_path / "d.txt"), str(article))
    assert bad.exit_code == 2 and not (tmp_path / "d.txt").exists()


# ------------------------------------------------------------------- in a browser

def test_html_report_in_headless_chromium(invoke, article, tmp_path):
    binary, driver_path = chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    report = tmp_path / "laporan.html"
    invoke("check", "--format", "html", "-o", str(report), str(article))
    findings = _findings(invoke, article)
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        browser.get(report.as_uri())
        marks = {m.text for m in browser.find_elements(By.TAG_NAME, "mark")}
        assert {"kerjasama", "diplomaltik"} <= marks
        # The article's markup is shown as text, and did not run.
        assert browser.execute_script("return window.pwned") is None
        assert any("<script>window.pwned = 1</script>" in cell.text for cell in
                   browser.find_elements(By.CSS_SELECTOR, "td.excerpt"))
        assert browser.find_element(By.ID, "total").text == str(len(findings))

        def visible() -> list[str]:
            return [row.get_attribute("data-severity") for row in
                    browser.find_elements(By.CSS_SELECTOR, "tr.finding")
                    if row.is_displayed()]

        severities = [f["severity"] for f in findings]
        assert sorted(visible()) == sorted(severities)
        assert "warning" in severities and "error" in severities
        browser.find_element(By.ID, "show-warning").click()  # untick warnings
        assert sorted(visible()) == sorted(s for s in severities if s != "warning")
        assert browser.find_element(By.ID, "shown").text == str(len(visible()))
        browser.find_element(By.ID, "show-warning").click()
        Select(browser.find_element(By.ID, "rule-filter")).select_by_value("term/deprecated")
        assert visible() == ["error"]
        assert browser.find_element(By.ID, "shown").text == "1"
    finally:
        browser.quit()
