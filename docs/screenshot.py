"""Write the screenshots of the HTML report that the README shows (docs/report*.png).

Runs the pipeline on a story folder (default: the built-in example, examples/story, which the README
shows; pass ../shared/seeds to photograph the seeds report), renders the HTML report and photographs it in headless Debian Chromium through Playwright for Python: the top of the
page (story and conflicts), the fact × source grid after a cell was clicked, and a phone-width view.
Needs ``apt-get install -y chromium`` and ``pip install playwright``; never downloads a browser.

    python docs/screenshot.py [STORY_DIR] [--out docs]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", nargs="?", default=str(REPO / "examples" / "story"))
    parser.add_argument("--out", default=str(REPO / "docs"))
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from consilience.pipeline import reconcile
    from consilience.render.html import render_html
    from consilience.render.json import dossier_to_dict

    page_html = render_html(dossier_to_dict(reconcile([args.story])))
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "report.html"
        path.write_text(page_html, encoding="utf-8")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1200}, device_scale_factor=1)
        page.goto(path.as_uri())
        page.screenshot(path=str(out / "report.png"))
        page.evaluate("document.getElementById('grid').scrollIntoView()")
        page.screenshot(path=str(out / "report-grid.png"))
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(path.as_uri())
        phone.screenshot(path=str(out / "report-phone.png"))
        browser.close()
    print(f"wrote {out / 'report.png'}, {out / 'report-grid.png'}, {out / 'report-phone.png'}")


if __name__ == "__main__":
    main()
