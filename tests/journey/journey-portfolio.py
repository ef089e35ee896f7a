#!/usr/bin/python3
"""journey-portfolio: a participant starts an evidence portfolio and submits it.

On a first start (the sample declined), the person clicks Portfolios in
the sidebar and presses Ctrl+Shift+N; types their name into the dialog
and presses Return. In their new portfolio they click the button beside
the first requirement still unmet (three cluster reflections), which
makes a cluster reflection, click into its text and write it. They click
Add Evidence…, type the path of a photograph into the file chooser and
press Return. They click Submit… and confirm with Return. Typing into the text afterwards changes
nothing: a submitted portfolio is locked. After Ctrl+W the workbook holds
the portfolio, read back through the command line: its DocBook book is
valid and has the participant's name, the reflection's words, the
photograph as a figure with its picture beside the XML, and the status
Submitted, and --requirements counts one cluster reflection of the
three.
"""

import os
import struct
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from journey import (Journey, docbook_detail, fail, is_editable_text, name_of,  # noqa: E402
                     on_screen, same, text_of, wait_for)

DOCBOOK = "{http://docbook.org/ns/docbook}"
NAME = "Siân Pritchard"
REFLECTION = "We brought the maps of our spheres of influence and compared them"
LATE = " and this was typed after submitting"


def find_named(j, name, roles=None, timeout=20):
    return j.find_named(name, roles=roles, timeout=timeout)


def click_node(j, node, what):
    j.click_node(node, what)


def detail(root, term):
    return docbook_detail(root, term)


def write_png(path):
    """A small picture, 8 by 8, red and blue."""
    raw = b"".join(b"\x00" + bytes([200, 30, 40] * 4 + [30, 60, 200] * 4) for _ in range(8))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def portfolio_rows(j, workbook):
    return j.documents(workbook, "portfolio")


def cluster_requirement(j, workbook, document):
    """What --requirements says of the cluster reflections."""
    out = j.cli("--requirements", "--document=" + document, workbook, check=False).stdout
    for line in out.splitlines():
        if "cluster group meetings" in line:
            return line
    fail("--requirements says nothing of the cluster reflections: %s" % out)


def book_text(j, workbook, document, validate=False):
    root = j.export(workbook, document, validate=validate)
    return root, " ".join(text_of(e) for e in root.iter())


def journey(j):
    workbook = j.first_start()
    j.focus_window()
    click_node(j, find_named(j, "Portfolios", roles=("list item",)), "Portfolios in the sidebar")
    find_named(j, "New Portfolio", roles=("push button",))
    j.focus_window()
    j.step("pressing Ctrl+Shift+N for a new portfolio")
    j.key("ctrl+shift+n")
    wait_for("the New Portfolio dialog", lambda: len(j.windows()) > 1, timeout=20)
    # a person waits to see where to type
    find_named(j, "The participant’s name", roles=("text",))
    time.sleep(0.5)
    j.step("typing the participant's name, and Return")
    j.type(NAME)
    j.key("Return")
    rows = wait_for("the new portfolio in the workbook", lambda: portfolio_rows(j, workbook),
                    timeout=20, interval=0.3)
    document = rows[0][1]
    if NAME not in rows[0][2]:
        fail("typed %r as the participant's name, but the workbook lists %r" % (NAME, rows[0][2]))
    cluster_before = cluster_requirement(j, workbook, document)

    wait_for("the dialog to close", lambda: len(j.windows()) == 1, timeout=20)
    j.focus_window()
    go = wait_for("the button of the first unmet requirement", lambda: j.find(
        lambda n: name_of(n).startswith("Go to ") and on_screen(n)
        and n.getRoleName() == "push button"), timeout=20)
    click_node(j, go, "%s" % name_of(go))
    text = wait_for("the reflection's text", lambda: j.find(
        lambda n: is_editable_text(n) and on_screen(n) and name_of(n) == "Cluster meeting"), timeout=20)
    click_node(j, text, "into the reflection's text")
    j.wait_focus("the reflection's text", lambda n: same(n, text))
    j.step("writing the reflection")
    j.type(REFLECTION)

    def written():
        return REFLECTION in book_text(j, workbook, document)[1]
    try:
        wait_for("the reflection in the workbook", written, timeout=15, interval=0.5)
    except Exception:
        fail("wrote %r, but the portfolio's book has: %s" % (REFLECTION, book_text(j, workbook, document)[1]))

    photo = j.path("reading-corner.png")
    write_png(photo)
    click_node(j, find_named(j, "Add Evidence…", roles=("push button",)), "Add Evidence…")
    wait_for("the file chooser", lambda: len(j.windows()) > 1, timeout=40)
    chooser = [w for w in j.windows() if w != j.window][0]
    j.focus_window(chooser)
    time.sleep(0.5)
    j.step("typing the photograph's path into the file chooser, and Return")
    j.key("ctrl+l")
    j.type(photo)
    j.key("Return")
    wait_for("the file chooser to close", lambda: len(j.windows()) == 1, timeout=40)
    wait_for("the photograph in the workbook",
             lambda: "reading-corner.png" in book_text(j, workbook, document)[1], timeout=20, interval=0.5)
    j.focus_window()

    click_node(j, find_named(j, "Submit…", roles=("push button",)), "Submit…")
    wait_for("the question whether to submit", lambda: len(j.windows()) > 1, timeout=20)
    find_named(j, "Submit the Portfolio?")
    time.sleep(0.5)
    j.step("confirming with Return")
    j.key("Return")
    wait_for("the portfolio to be submitted",
             lambda: detail(book_text(j, workbook, document)[0], "Status") == "Submitted",
             timeout=20, interval=0.5)
    wait_for("the question to close", lambda: len(j.windows()) == 1, timeout=20)

    # locked: what is typed now goes nowhere
    j.focus_window()
    click_node(j, text, "into the reflection's text again")
    j.type(LATE)
    time.sleep(1.5)
    j.close_window()

    root, words = book_text(j, workbook, document, validate=True)
    if NAME not in words:
        fail("the portfolio's book does not name %s: %s" % (NAME, words))
    if REFLECTION not in words:
        fail("the portfolio's book lacks the reflection: %s" % words)
    if LATE.strip() in words:
        fail("what was typed after submitting reached the workbook: %s" % words)
    figures = [f for f in root.iter(DOCBOOK + "figure")]
    if not figures:
        fail("the portfolio's book has no figure for the photograph: %s" % words)
    refs = [i.get("fileref") for i in root.iter(DOCBOOK + "imagedata")]
    out_dir = j.path("")
    if not refs or not all(os.path.exists(os.path.join(out_dir, r)) for r in refs if r):
        fail("the photograph's picture is not beside the exported book: %s" % refs)
    if detail(root, "Status") != "Submitted":
        fail("the portfolio's status is %r, not Submitted" % detail(root, "Status"))
    cluster_after = cluster_requirement(j, workbook, document)
    if "(1 of 3)" not in cluster_after:
        fail("after one cluster reflection, --requirements says %r (before it: %r)"
             % (cluster_after, cluster_before))


if __name__ == "__main__":
    Journey("journey-portfolio").run(journey)
