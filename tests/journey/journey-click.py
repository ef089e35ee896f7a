#!/usr/bin/python3
"""journey-click: a first narrative, clicking into the section to write.

As journey-keyboard, but after typing the title the person clicks with the
mouse in the middle of the first section's text area, under its prompts,
and types two paragraphs there. The area must be tall enough to see and
click (at least 40 px) even while the section is empty. AT-SPI only says
where the area is on the screen.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from journey import (PARAGRAPHS, TITLE, Journey, JourneyFailure, check_first_narrative,
                     describe, fail, is_editable_text, same, wait_for)

MIN_HEIGHT = 40


def check_area(j, when):
    """The first section's text area and where it is, once it is at least
    MIN_HEIGHT px high (layout may take a frame or two)."""
    last = [None, None]

    def tall_enough():
        area = j.section_text_area()
        if area is None:
            return None
        box = j.screen_box(area)
        last[0], last[1] = area, box
        return (area, box) if box[3] >= MIN_HEIGHT and box[2] >= MIN_HEIGHT else None
    try:
        found = wait_for("the first section's text area to be tall enough", tall_enough, timeout=5)
    except JourneyFailure:
        if last[0] is None:
            fail("%s, the open narrative shows no section text to write in" % when)
        fail("%s, the first section's text area %s is %d×%d px: too small to see or click "
             "(expected at least %d px high)" % (when, describe(last[0]), last[1][2], last[1][3],
                                                 MIN_HEIGHT))
    area, (x, y, width, height) = found
    j.step("%s, the first section's text %s is at %d,%d, %d×%d px"
           % (when, describe(area), x, y, width, height))
    return found


def journey(j):
    workbook = j.first_start()
    j.focus_window()

    j.step("pressing Ctrl+Shift+N for a new narrative")
    j.key("ctrl+shift+n")
    j.wait_new_narrative(workbook, [], "Ctrl+Shift+N")
    # The place to write must be there to see as soon as the narrative
    # opens, not only after the title has changed the layout.
    check_area(j, "as the new narrative opens")
    title = j.wait_focus("the new narrative's title (an editable text)", is_editable_text)
    j.step("typing the title into %s" % describe(title))
    j.type(TITLE)

    area, (x, y, width, height) = check_area(j, "after the title was typed")
    wx, wy, wwidth, wheight = j.window_geometry(j.window)
    cx, cy = x + width // 2, y + height // 2
    if not (wx <= cx < wx + wwidth and wy <= cy < wy + wheight):
        fail("the middle of the first section's text area (%d,%d) is outside the window "
             "(%d,%d, %d×%d)" % (cx, cy, wx, wy, wwidth, wheight))

    j.step("clicking at %d,%d" % (cx, cy))
    j.click(cx, cy)
    j.wait_focus("the first section's text %s, after a click in it" % describe(area),
                 lambda n: same(n, area))

    j.step("typing two paragraphs")
    j.type(PARAGRAPHS[0])
    j.key("Return")
    j.type(PARAGRAPHS[1])
    j.close_window()

    check_first_narrative(j, workbook, TITLE, PARAGRAPHS)


if __name__ == "__main__":
    Journey("journey-click").run(journey)
