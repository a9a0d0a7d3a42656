#!/usr/bin/env python3
"""Checks what a reader sees in a real browser (Debian's Chromium, pages opened from file://):
search finds a quote by a word inside it, a quote shows its speaker on keyboard focus, an anchored note sits
beside its passage on a wide screen and under it on a phone, the home page's tag filter hides other briefings.

Usage: browser_check.py PUBLIC_DIR
"""
import pathlib
import sys

from playwright.sync_api import sync_playwright

SEED = "briefings/2025-02-12-trump-putin-call/index.html"


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    failures = []

    def check(condition, message):
        print(("ok   " if condition else "FAIL ") + message)
        if not condition:
            failures.append(message)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        # Search from file://, query in the URL as the header form sends it.
        page.goto((root / "search/index.html").as_uri() + "?q=vicious+war")
        links = page.eval_on_selector_all("#search-results a", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
        check(any("vicious war" in text and SEED + "#q-" in href for text, href in links),
              f"search for 'vicious war' finds the quote in the seed briefing ({len(links)} results)")
        page.fill("#search-query", "Hegseth")
        names = page.eval_on_selector_all("#search-results li", "els => els.map(e => e.textContent)")
        check(any("Pete Hegseth" in name for name in names), "typing 'Hegseth' finds the actor Pete Hegseth")

        # The speaker of a quote appears on keyboard focus.
        page.goto((root / SEED).as_uri())
        quote = page.locator("span.quote", has_text="practical to have it, personally")
        speaker = quote.locator("xpath=following-sibling::span[1]")
        hidden = speaker.bounding_box()
        quote.focus()
        shown = speaker.bounding_box()
        check(hidden is not None and hidden["width"] <= 1 and shown is not None and shown["width"] > 40,
              "a quote's speaker is hidden until the quote has focus, then shown")
        check("Donald Trump" in speaker.inner_text(), "the focused quote names Donald Trump")

        # Wide screen: the note sits to the right of its passage, level with it.
        passage = page.locator("#passage-1").bounding_box()
        note = page.locator("#note-1").bounding_box()
        check(note["x"] >= passage["x"] + passage["width"] - 1 and abs(note["y"] - passage["y"]) < 400,
              f"desktop: note 1 beside its passage (note x={note['x']:.0f}, passage right={passage['x'] + passage['width']:.0f})")

        # Phone: the note sits directly under the paragraph of its passage.
        phone = browser.new_page(viewport={"width": 390, "height": 800})
        phone.goto((root / SEED).as_uri())
        passage = phone.locator("#passage-1").bounding_box()
        note = phone.locator("#note-1").bounding_box()
        check(note["y"] >= passage["y"] + passage["height"] and note["y"] - (passage["y"] + passage["height"]) < 120,
              "phone: note 1 directly under its passage")
        width = phone.evaluate("document.documentElement.scrollWidth")
        check(width <= 390, f"phone: no horizontal scrolling (page width {width})")

        # Tag filter on the home page.
        page.goto((root / "index.html").as_uri())
        total = page.locator(".briefing-card").count()
        page.click(".tag-filter a[data-tag='fictional']")
        visible = page.locator(".briefing-card:visible").count()
        check(0 < visible < total, f"tag filter 'fictional' shows {visible} of {total} briefings")
        browser.close()

    print(f"browser checks: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
