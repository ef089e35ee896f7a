#!/usr/bin/python3
"""journey-kill: what was typed is kept even if the program is killed.

A narrative with one short section is added to the sample workbook; the
person opens it with a click, clicks into the section's text, goes to its
end with Ctrl+End and types steadily for about five seconds (60 ms a key).
The program is then killed with SIGKILL at once, as a power cut would.
The workbook must pass --check, and the section must hold what was typed
but for at most the last second or so (MAX_LOST keys), as a prefix: work
is saved while the person types, not only when they pause.
"""

import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi

from journey import (Journey, describe, fail, first_section_blocks, has_state,
                     is_editable_text, same, wait_for, walk)

NARRATIVE_TITLE = "Learning Walks This Term"
EXISTING = "We begin here."
# about five seconds at 60 ms a key: xdotool's delay is for a press and
# a release together
KEY_DELAY_MS = 120
TYPED = " Pupils explain how they learn, and they try another way when the work gets hard."
MAX_LOST = 20

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0">
  <info><title>%s</title></info>
  <section>
    <title>Where we start</title>
    <para>%s</para>
  </section>
</article>
""" % (NARRATIVE_TITLE, EXISTING)


def section_fields(j):
    """The first section's heading and text: the text area, and the
    one-line field just before it."""
    area = j.section_text_area()
    if area is None:
        return None
    heading = None
    for node in walk(j.app()):
        if same(node, area):
            break
        if is_editable_text(node) and not has_state(node, pyatspi.STATE_MULTI_LINE):
            heading = node
    return (heading, area) if heading is not None else None


def journey(j):
    workbook = j.path("Sample.llw")
    j.cli("--generate-sample", workbook)
    article = j.path("article.xml")
    with open(article, "w", encoding="utf-8") as f:
        f.write(ARTICLE)
    document_id = j.cli("--import-docbook=" + article, workbook).stdout.strip().split()[-1]

    j.start(workbook)
    row = wait_for("the narrative “%s” in the list" % NARRATIVE_TITLE,
                   lambda: j.find(lambda n: n.getRoleName() == "list item"
                                  and NARRATIVE_TITLE in n.name), timeout=30)
    x, y, width, height = j.screen_box(row)
    j.step("opening the narrative with a click at %d,%d" % (x + width // 2, y + height // 2))
    j.click(x + width // 2, y + height // 2)

    # The section's heading is there to click even where its text is laid
    # out late; Tab goes on from it into the text.
    heading, area = wait_for("the narrative's section", lambda: section_fields(j), timeout=10)
    x, y, width, height = j.screen_box(heading)
    j.step("clicking into the heading %s at %d,%d" % (describe(heading), x + width // 2, y + height // 2))
    j.click(x + width // 2, y + height // 2)
    j.wait_focus("the section's heading %s" % describe(heading), lambda n: same(n, heading))
    for press in range(6):
        if same(j.focused(), area):
            break
        j.key("Tab")
        try:
            j.wait_focus("something after Tab", lambda n: not same(n, heading), timeout=3)
        except Exception:
            pass
    j.wait_focus("the section's text %s, after Tab from its heading" % describe(area),
                 lambda n: same(n, area))
    j.key("ctrl+End")

    j.step("typing %d keys, about %d ms apart" % (len(TYPED), KEY_DELAY_MS // 2))
    began = time.monotonic()
    j.type(TYPED, delay=KEY_DELAY_MS)
    j.process.send_signal(signal.SIGKILL)
    j.process.wait(timeout=10)
    j.step("killed the program %.1f s after the first key" % (time.monotonic() - began))

    checked = j.cli("--check", workbook, check=False)
    if checked.returncode != 0:
        fail("--check fails on the workbook after the kill:\n%s%s" % (checked.stdout, checked.stderr))

    blocks = first_section_blocks(j.export(workbook, document_id, validate=False))
    held = "".join(text for tag, text in (blocks or []))
    expected = EXISTING + TYPED
    kept = len(held) - len(EXISTING)
    if not expected.startswith(held) or not held.startswith(EXISTING):
        fail("the section holds %r,\n  which is not the start of what was typed: %r" % (held, expected))
    if len(TYPED) - kept > MAX_LOST:
        fail("the section kept only %d of the %d keys typed (at most %d may be lost):\n"
             "  typed: %r\n  held:  %r" % (kept, len(TYPED), MAX_LOST, expected, held))
    j.step("the section kept %d of the %d keys typed" % (kept, len(TYPED)))


if __name__ == "__main__":
    Journey("journey-kill").run(journey)
