"""The HTML catalog in a real headless Chromium: it loads from file://, search filters, no console errors.

Uses the system's Chromium and chromedriver (Debian: `chromium`, `chromium-driver`, installed
by .ci/run) through Selenium; nothing is downloaded at run time. Without them the tests
skip, except on CI (the `CI` variable set), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.catalog.plans import HOSTILE, SHOP
from tests.conftest import REPO, run_cli, write

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser test (see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[test]')")
    binary = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        unavailable(
            "Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="trackplan-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_catalog(browser: Any, tmp_path: Path, plan_text: str | None = None) -> None:
    plan = write(tmp_path / "plan.yaml", plan_text) if plan_text else REPO / "plans"
    out = tmp_path / "catalog"
    run = run_cli("docs", str(plan), "--out", str(out))
    assert run.exit_code == 0, run.stderr
    browser.get_log("browser")  # drop what earlier pages logged
    browser.get((out / "index.html").as_uri())


def visible_events(browser: Any) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('article.event'))"
        ".filter(a => a.offsetParent !== null).map(a => a.querySelector('h3 a').textContent)"
    )


def search(browser: Any, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "q")
    box.send_keys(Keys.ESCAPE)
    if text:
        box.send_keys(text)


def console_problems(browser: Any) -> list[dict[str, Any]]:
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def test_search_filters_events(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    open_catalog(browser, tmp_path, SHOP)
    assert browser.title == "Shop · tracking plan"
    assert len(visible_events(browser)) == 5
    count = browser.find_element(By.ID, "count")
    assert count.text == "5 events"

    search(browser, "growth")  # by owner
    assert visible_events(browser) == ["Cart Viewed", "Sign Up Started", "Signup Started"]
    assert count.text == "3 of 5 events"
    search(browser, "SKU")  # by nested property name, any case
    assert visible_events(browser) == ["Order Completed"]
    search(browser, "funnel plan")  # every word must match: tag and property
    assert visible_events(browser) == ["Cart Viewed", "Order Completed"]
    search(browser, "nothing like this")
    assert visible_events(browser) == []
    assert browser.find_element(By.ID, "no-match").is_displayed()
    search(browser, "")
    assert len(visible_events(browser)) == 5
    assert not browser.find_element(By.ID, "no-match").is_displayed()

    browser.find_element(By.CSS_SELECTOR, 'button.chip[data-q="revenue"]').click()  # a tag chip
    assert visible_events(browser) == ["Order Completed"]
    assert console_problems(browser) == []


def test_the_example_plan_page_loads_cleanly(browser: Any, tmp_path: Path) -> None:
    open_catalog(browser, tmp_path)
    assert len(visible_events(browser)) > 5
    search(browser, "billing")
    assert 0 < len(visible_events(browser)) < 11
    assert console_problems(browser) == []


def test_hostile_names_stay_text(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    open_catalog(browser, tmp_path, HOSTILE)
    # Only the page's own script exists, no alert fired, no injected element appeared.
    assert browser.execute_script("return document.scripts.length") == 1
    assert browser.execute_script("return document.querySelectorAll('img, b').length") == 0
    names = visible_events(browser)
    assert "<script>alert('event')</script>" in names
    assert "42_--terrible==\"event'++name~!3" in names
    assert browser.find_element(By.TAG_NAME, "h1").text == "<script>alert('plan')</script> & co"
    search(browser, '"hi"')
    assert visible_events(browser) == ["<script>alert('event')</script>"]
    assert console_problems(browser) == []


def test_a_corpus_plan_with_hostile_names(browser: Any, tmp_path: Path, corpus: Path) -> None:
    """Typewriter's stress plan (`42_--terrible=="event'++name~!3`, colliding names), imported."""
    plan = tmp_path / "plan.yaml"
    source = corpus / "segment-typewriter" / "e2e-plan-public-api.json"
    imported = run_cli("import", "segment", str(source), "--out", str(plan))
    assert imported.exit_code in (0, 1), imported.stderr
    open_catalog(browser, tmp_path, plan.read_text(encoding="utf-8"))
    names = visible_events(browser)
    assert len(names) == 25
    assert "42_--terrible==\\\"event'++name~!3" in names
    assert {"Event Collided", "event_collided"} <= set(names)
    assert browser.execute_script("return document.scripts.length") == 1
    search(browser, "event collided")
    assert visible_events(browser) == ["Event Collided", "event_collided"]
    assert console_problems(browser) == []
