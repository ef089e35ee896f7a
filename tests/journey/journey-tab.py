#!/usr/bin/python3
"""journey-tab: the keyboard reaches the narratives without leaving Vision.

On the sample workbook, Tab alone (at most MAX_PRESSES times) must reach
the New Narrative button, then the list of narratives; Return on a
narrative opens it, and Tab reaches the editor's text. The place shown
stays Vision throughout: moving the focus must not change the place.
AT-SPI only reads what has focus and which place is selected.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi

from journey import Journey, describe, fail, has_state, is_editable_text, same, wait_for

MAX_PRESSES = 40
PLACES = ("Vision", "Observations", "Portfolios", "Certificates")


def selected_places(j):
    return [n.name for n in j.find_all(lambda n: n.getRoleName() == "list item"
                                       and n.name in PLACES)
            if has_state(n, pyatspi.STATE_SELECTED)]


def is_new_narrative_button(node):
    return (node.getRoleName() in ("push button", "button")
            and "New Narrative" in node.name.replace("_", ""))


def in_narrative_list(node, titles):
    if node.getRoleName() != "list item":
        return False
    if any(title in node.name for title in titles):
        return True
    try:
        return node.parent is not None and "Narratives" in node.parent.name
    except Exception:
        return False


def journey(j):
    workbook = j.path("Sample.llw")
    j.cli("--generate-sample", workbook)
    titles = [row[2] for row in j.narratives(workbook)]
    if not titles:
        fail("the sample workbook holds no narrative")
    j.start(workbook)
    wait_for("the Vision place with its New Narrative button",
             lambda: j.find(is_new_narrative_button), timeout=30)
    if selected_places(j) != ["Vision"]:
        fail("the window opened on %s, not on Vision" % (selected_places(j) or "no place"))
    j.focus_window()

    path = []
    reached = {"button": False, "list": False, "editor": False}
    focus = None
    for press in range(1, MAX_PRESSES + 1):
        j.key("Tab")
        previous = focus

        def moved():
            node = j.focused()
            return node if node is not None and not same(node, previous) else None
        deadline = time.monotonic() + 3
        focus = None
        while focus is None and time.monotonic() < deadline:
            focus = moved()
            if focus is None:
                time.sleep(0.1)
        if focus is None:
            focus = j.focused()
        path.append(describe(focus))
        places = selected_places(j)
        if places != ["Vision"]:
            fail("after Tab number %d the place shown is %s, not Vision; the focus went: %s"
                 % (press, places or "none", " → ".join(path)))
        if focus is None:
            continue
        if not reached["button"] and is_new_narrative_button(focus):
            reached["button"] = True
            j.step("Tab %d reached the New Narrative button" % press)
        elif reached["button"] and not reached["list"] and in_narrative_list(focus, titles):
            reached["list"] = True
            j.step("Tab %d reached the narrative %s; pressing Return" % (press, describe(focus)))
            j.key("Return")
            # opening a narrative may put the cursor in its text at once
            try:
                focus = j.wait_focus("the open narrative", lambda n: not same(n, focus), timeout=5)
            except Exception:
                focus = j.focused()
            path.append("Return → " + describe(focus))
            if selected_places(j) != ["Vision"]:
                fail("after Return on a narrative the place shown is %s, not Vision"
                     % (selected_places(j) or "none"))
        if reached["list"] and focus is not None and is_editable_text(focus):
            reached["editor"] = True
            j.step("the editor's text %s has focus after %d presses of Tab" % (describe(focus), press))
            break

    if not all(reached.values()):
        missing = [what for what, done in (("the New Narrative button", reached["button"]),
                                           ("the list of narratives", reached["list"]),
                                           ("the editor's text", reached["editor"])) if not done]
        fail("%d presses of Tab did not reach %s; the focus went: %s"
             % (MAX_PRESSES, " or ".join(missing), " → ".join(path)))


if __name__ == "__main__":
    Journey("journey-tab").run(journey)
