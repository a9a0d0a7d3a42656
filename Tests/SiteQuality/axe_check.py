#!/usr/bin/env python3
"""Runs axe on every page of a built site in Debian's Chromium and fails on serious or critical violations.

Usage: axe_check.py PUBLIC_DIR
"""
import pathlib
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

BLOCKING = {"serious", "critical"}


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    pages = sorted(root.rglob("*.html"))
    axe = Axe()
    failures = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width, label, scheme in ((1280, "desktop", "light"), (390, "phone", "light"), (1280, "desktop dark", "dark")):
            page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
            for path in pages:
                page.goto(path.as_uri())
                results = axe.run(page)
                for violation in results.response["violations"]:
                    if violation.get("impact") not in BLOCKING:
                        continue
                    failures += 1
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    print(f"{path.relative_to(root)} [{label}]: {violation['impact']}: {violation['id']}: "
                          f"{violation['help']} at {targets}")
            page.close()
        browser.close()
    print(f"axe: {len(pages)} pages × (desktop, phone, dark), {failures} serious or critical violation(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
