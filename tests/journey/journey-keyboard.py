#!/usr/bin/python3
"""journey-keyboard: a first narrative written with the keyboard alone.

On a first start (an empty workbook; the sample declined with Escape),
Ctrl+Shift+N makes a new narrative with the cursor in its title; the title
is typed, Return moves to the first section's text, and two paragraphs are
typed with Return between them. After Ctrl+W the workbook holds one
narrative with exactly that title and those two paragraphs.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from journey import (PARAGRAPHS, TITLE, Journey, check_first_narrative, describe, fail,
                     is_editable_text, same)


def journey(j):
    workbook = j.first_start()
    j.focus_window()

    j.step("pressing Ctrl+Shift+N for a new narrative")
    j.key("ctrl+shift+n")
    j.wait_new_narrative(workbook, [], "Ctrl+Shift+N")
    title = j.wait_focus("the new narrative's title (an editable text)", is_editable_text)

    j.step("typing the title into %s" % describe(title))
    j.type(TITLE)
    j.key("Return")
    area = j.section_text_area()
    if area is None:
        fail("the open narrative shows no section text to write in")
    j.wait_focus("the first section's text %s, after Return in the title" % describe(area),
                 lambda n: same(n, area))

    j.step("typing two paragraphs")
    j.type(PARAGRAPHS[0])
    j.key("Return")
    j.type(PARAGRAPHS[1])
    j.close_window()

    check_first_narrative(j, workbook, TITLE, PARAGRAPHS)


if __name__ == "__main__":
    Journey("journey-keyboard").run(journey)
