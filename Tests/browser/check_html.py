#!/usr/bin/env python3
"""Load an HTML report in headless Chromium and check it is self-contained and clean.

Fails (exit 1) when the page logs any console error or warning, throws, or makes any
network request other than the file itself (data: URIs are allowed); otherwise writes a
full-page PNG screenshot and a printed PDF (Page.printToPDF) and exits 0. Exit 2: the
check itself could not run (no Chromium, the browser died, a timeout).

Speaks the Chrome DevTools Protocol over --remote-debugging-pipe (file descriptors 3
and 4, NUL-separated JSON messages): Python's standard library only, no websocket.
Every request the page makes is also intercepted (Fetch domain) and failed unless it
is the file itself or a data: URI, and the host resolver maps every name to nothing,
so nothing can leave the machine while the check runs.

Usage:
  python3 Tests/browser/check_html.py PAGE.html --screenshot out.png --pdf out.pdf
"""
import argparse
import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class Infrastructure(Exception):
    """The check could not run (exit 2)."""


class DevTools:
    """A CDP client over the two pipes of --remote-debugging-pipe."""

    def __init__(self, write_fd, read_fd, proc):
        self.write_fd, self.read_fd, self.proc = write_fd, read_fd, proc
        self.buffer = b""
        self.next_id = 0
        self.responses = {}
        self.events = []  # (method, params, sessionId), in arrival order
        self.handlers = []  # callables(method, params, session) run on each event

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self.write_fd, data)
            data = data[written:]
        return self.next_id

    def pump(self, timeout):
        """Reads what arrives within `timeout` seconds and dispatches it."""
        ready, _, _ = select.select([self.read_fd], [], [], max(0.0, timeout))
        if not ready:
            return
        chunk = os.read(self.read_fd, 1 << 20)
        if not chunk:
            raise Infrastructure("Chromium closed the DevTools pipe (exit code %s)" % self.proc.poll())
        self.buffer += chunk
        while b"\0" in self.buffer:
            raw, self.buffer = self.buffer.split(b"\0", 1)
            message = json.loads(raw)
            if "id" in message:
                self.responses[message["id"]] = message
            else:
                event = (message.get("method"), message.get("params", {}), message.get("sessionId"))
                self.events.append(event)
                for handler in self.handlers:
                    handler(*event)

    def call(self, method, params=None, session=None, timeout=30):
        ident = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while ident not in self.responses:
            if time.monotonic() > deadline:
                raise Infrastructure("no answer to %s within %s s" % (method, timeout))
            self.pump(deadline - time.monotonic())
        response = self.responses.pop(ident)
        if "error" in response:
            raise Infrastructure("%s failed: %s" % (method, response["error"]))
        return response.get("result", {})

    def wait_for(self, method, session, timeout):
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for name, _, sid in self.events[seen:]:
                if name == method and sid == session:
                    return
            seen = len(self.events)
            if time.monotonic() > deadline:
                raise Infrastructure("no %s within %s s" % (method, timeout))
            self.pump(min(0.2, deadline - time.monotonic()))

    def settle(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.pump(deadline - time.monotonic())


def find_chromium(explicit):
    if explicit:
        return explicit
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise Infrastructure("no Chromium found (tried %s); run .ci/browser-setup" % ", ".join(CANDIDATES))


def launch(binary, profile):
    """Starts headless Chromium with its DevTools pipe on fds 3 (in) and 4 (out)."""
    to_child_r, to_child_w = os.pipe()
    from_child_r, from_child_w = os.pipe()

    def child_fds():
        a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
        os.dup2(a, 3)
        os.dup2(b, 4)

    args = [
        binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
        "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--font-render-hinting=none",
        "about:blank",
    ]
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, close_fds=False, preexec_fn=child_fds)
    os.close(to_child_r)
    os.close(from_child_w)
    return proc, DevTools(to_child_w, from_child_r, proc)


LAYOUT_CHECK = r"""
(() => {
  // Visible text nodes' effective font size: the computed size, times the scale of the SVG
  // they are drawn in (an SVG's 12 drawn at half its viewBox width reads as 6 px).
  const small = [];
  let smallest = 1e9;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const e = n.parentElement;
    if (!e || e.closest('title, desc, style, script')) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const cs = getComputedStyle(e);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    let size = parseFloat(cs.fontSize);
    const svg = e.closest('svg');
    if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    smallest = Math.min(smallest, size);
    if (size < 11.95 && small.length < 8) small.push(size.toFixed(1) + 'px: ' + n.textContent.trim().slice(0, 40));
  }
  const nav = document.querySelector('nav');
  const depth = nav ? (nav.querySelector('li ol li') ? 2 : (nav.querySelector('li') ? 1 : 0)) : 0;
  // Charts wider than their box (the box scrolls sideways), among the charts shown.
  const shown = [...document.querySelectorAll('.chart-box')].filter(b => getComputedStyle(b).display !== 'none' && b.getBoundingClientRect().width > 0);
  const scrolling = shown.filter(b => b.scrollWidth > b.clientWidth + 1).map(b => (b.querySelector('svg') || {}).id || '?');
  return JSON.stringify({viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
                         charts: shown.length, scrollingCharts: scrolling,
                         smallest: smallest, small: small, tocDepth: depth,
                         tocEntries: nav ? nav.querySelectorAll('li').length : 0});
})()
"""


A11Y_CHECK = r"""
(() => {
  const svgs = [...document.querySelectorAll('svg')];
  const bad = svgs.filter(s => {
    const ids = (s.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    return s.getAttribute('role') !== 'img' || ids.length === 0 ||
      !ids.every(id => { const e = document.getElementById(id); return e && s.contains(e) && e.textContent.trim() !== ''; });
  }).map(s => s.id || '(no id)');
  const scripts = document.querySelectorAll('script').length;
  return JSON.stringify({svgs: svgs.length, inaccessible: bad, scripts: scripts,
                         width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight});
})()
"""


def pdf_pages(document):
    """The page boxes (width, height in points) of a printed PDF, from its /MediaBox entries."""
    import re
    boxes = re.findall(rb"/MediaBox\s*\[\s*([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s+([0-9.]+)\s*\]", document)
    return [(float(c) - float(a), float(d) - float(b)) for a, b, c, d in boxes]


def check(page, screenshot, pdf, binary, width, settle, mobile=False, require=()):
    url = page.resolve().as_uri()
    problems = []

    def allowed(request_url):
        return request_url == url or request_url.startswith("data:")

    with tempfile.TemporaryDirectory(prefix="vigie-chromium-") as profile:
        proc, cdp = launch(binary, profile)
        try:
            target = cdp.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = cdp.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

            def on_event(method, params, sid):
                if sid != session:
                    return
                if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                    words = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
                    problems.append("console %s: %s" % (params["type"], words))
                elif method == "Runtime.exceptionThrown":
                    details = params.get("exceptionDetails", {})
                    problems.append("exception: %s" % details.get("exception", {}).get("description", details.get("text")))
                elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                    entry = params["entry"]
                    problems.append("log %s (%s): %s %s" % (entry["level"], entry.get("source"), entry.get("text"), entry.get("url", "")))
                elif method == "Network.requestWillBeSent" and not allowed(params["request"]["url"]):
                    problems.append("network request: %s" % params["request"]["url"])
                elif method == "Fetch.requestPaused":
                    request_url = params["request"]["url"]
                    if allowed(request_url):
                        cdp.send("Fetch.continueRequest", {"requestId": params["requestId"]}, session)
                    else:
                        problems.append("network request blocked: %s" % request_url)
                        cdp.send("Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "BlockedByClient"}, session)

            cdp.handlers.append(on_event)
            for domain in ("Page", "Runtime", "Log", "Network"):
                cdp.call(domain + ".enable", {}, session)
            cdp.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]}, session)
            cdp.call("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile}, session)
            navigation = cdp.call("Page.navigate", {"url": url}, session)
            if navigation.get("errorText"):
                problems.append("navigation failed: %s" % navigation["errorText"])
            cdp.wait_for("Page.loadEventFired", session, 30)
            cdp.settle(settle)

            facts = json.loads(cdp.call("Runtime.evaluate", {"expression": A11Y_CHECK, "returnByValue": True}, session)["result"]["value"])
            if facts["inaccessible"]:
                problems.append("svg without role=img and a non-empty title/desc it contains: %s" % ", ".join(facts["inaccessible"]))

            layout = json.loads(cdp.call("Runtime.evaluate", {"expression": LAYOUT_CHECK, "returnByValue": True}, session)["result"]["value"])
            if "phone" in require:
                # A phone widens its layout viewport to the page's width (and zooms out) when the
                # page is wider than the screen: either width above the screen's is sideways scrolling.
                if max(layout["scrollWidth"], layout["viewport"]) > width:
                    problems.append("the page scrolls sideways on a %d px screen: it is %d px wide" % (width, max(layout["scrollWidth"], layout["viewport"])))
                if layout["small"]:
                    problems.append("visible text under 12 px on a %d px screen: %s" % (width, "; ".join(layout["small"])))
            if "toc" in require and layout["tocDepth"] < 2:
                problems.append("the table of contents has no sub-level (depth %d)" % layout["tocDepth"])

            metrics = cdp.call("Page.getLayoutMetrics", {}, session)
            content = metrics.get("cssContentSize") or metrics["contentSize"]
            height = int(content["height"] + 0.999)
            shot = cdp.call("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}}, session, timeout=60)
            png = base64.b64decode(shot["data"])
            if not png.startswith(b"\x89PNG\r\n\x1a\n"):
                raise Infrastructure("the screenshot is not a PNG")
            screenshot.write_bytes(png)

            # The page's own @page size (A4 by default in Vigie's reports), as a browser's print dialog uses it.
            printed = cdp.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True}, session, timeout=120)
            document = base64.b64decode(printed["data"])
            if not document.startswith(b"%PDF-"):
                raise Infrastructure("the printed document is not a PDF")
            pdf.write_bytes(document)
            boxes = pdf_pages(document)
            pages = len(boxes)
            if "a4" in require and any(abs(w - 595.3) > 2 or abs(h - 841.9) > 2 for w, h in boxes):
                problems.append("a printed page is not A4 (595 x 842 pt): %s" % sorted(set((round(w), round(h)) for w, h in boxes)))
            cdp.settle(0.2)  # late requests or messages still count
            try:
                cdp.call("Browser.close", {}, timeout=10)
            except Infrastructure:
                pass
        finally:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    print("%s: %d svg, %d script element(s), %dx%d px; screenshot %s (%d bytes), PDF %s (%d bytes%s)" % (
        page, facts["svgs"], facts["scripts"], width, height, screenshot, len(png), pdf, len(document),
        ", %d page(s) of %s pt" % (pages, "/".join(sorted(set("%dx%d" % (round(w), round(h)) for w, h in boxes)))) if pages else ""))
    print("layout: page %d px wide in a %d px viewport; smallest visible text %.1f px; table of contents %d level(s), %d entries" % (
        layout["scrollWidth"], layout["viewport"], layout["smallest"], layout["tocDepth"], layout["tocEntries"]))
    print("charts: %d shown, %d wider than their box (scrolling sideways)%s" % (
        layout["charts"], len(layout["scrollingCharts"]), (": " + ", ".join(layout["scrollingCharts"][:6])) if layout["scrollingCharts"] else ""))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", type=pathlib.Path, help="the HTML file to load")
    parser.add_argument("--screenshot", type=pathlib.Path, required=True, help="where to write the full-page PNG")
    parser.add_argument("--pdf", type=pathlib.Path, required=True, help="where to write the printed PDF")
    parser.add_argument("--chromium", help="the browser binary (default: chromium on PATH)")
    parser.add_argument("--width", type=int, default=1000, help="viewport width in CSS px (default 1000)")
    parser.add_argument("--settle", type=float, default=0.5, help="seconds to keep listening after load (default 0.5)")
    parser.add_argument("--phone", action="store_true",
                        help="emulate a phone (mobile viewport, use with --width 390) and fail if the page scrolls sideways or shows text under 12 px")
    parser.add_argument("--report", action="store_true",
                        help="a Vigie report: fail unless it prints on A4 and its table of contents has sub-levels")
    args = parser.parse_args()
    if not args.page.is_file():
        print("error: %s is not a file" % args.page, file=sys.stderr)
        return 2
    try:
        problems = check(args.page, args.screenshot, args.pdf, find_chromium(args.chromium), args.width, args.settle,
                         mobile=args.phone, require=(("phone",) if args.phone else ()) + (("a4", "toc") if args.report else ()))
    except Infrastructure as error:
        print("error: %s" % error, file=sys.stderr)
        return 2
    for problem in problems:
        print("FAIL %s" % problem, file=sys.stderr)
    if problems:
        return 1
    print("OK: no console error or warning, no network request")
    return 0


if __name__ == "__main__":
    sys.exit(main())
