#!/usr/bin/python3
"""journey-frameworks: a school makes a framework its own.

With the sample workbook open, the person clicks Observations in the
sidebar and Frameworks…; in the window that opens they click the
behaviour Noticing, Tab into its name and type a new one; then they turn
the mouse wheel down to Add Group, click it and type the new group's name
straight away (the keyboard is in it). They close the window with its
close button and the main window with Ctrl+W. The framework, exported
through the command line, has the behaviour renamed under the same
identifier (so the observations that recorded it keep it) and the new
group, with the one behaviour a group needs.
"""

import os
import sys
import time
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from journey import Journey, fail, name_of, on_screen, same, wait_for  # noqa: E402

FRAMEWORK_NS = "{https://leadinglearning.org/ns/framework/1}"
FRAMEWORK = "Building Learning Power"
WINDOW_TITLE = "Frameworks of Learning Behaviours"
BEHAVIOUR_ID, OLD_NAME, NEW_NAME = "noticing", "Noticing", "Spotting patterns"
GROUP_NAME = "Thinking Aloud"


def inside(j, toplevel, name, roles=None):
    return j.find_named(name, roles=roles, within=toplevel, timeout=30)


def click_node(j, node, what, scroll=True):
    j.click_node(node, what, scroll=scroll)


def exported_framework(j, workbook):
    out = j.path("framework.xml")
    if os.path.exists(out):
        os.unlink(out)
    j.cli("--export-framework=" + out, "--framework=" + FRAMEWORK, workbook)
    return ElementTree.parse(out).getroot()


def behaviour_names(root):
    return {b.get("id"): (b.findtext(FRAMEWORK_NS + "name") or "")
            for b in root.iter(FRAMEWORK_NS + "behaviour")}


def group_names(root):
    return [g.findtext(FRAMEWORK_NS + "name") or "" for g in root.iter(FRAMEWORK_NS + "group")]


def journey(j):
    workbook = j.path("School.llw")
    j.cli("--generate-sample", workbook)
    before = exported_framework(j, workbook)
    if behaviour_names(before).get(BEHAVIOUR_ID) != OLD_NAME:
        fail("the sample's framework has no behaviour %s called %s: %s"
             % (BEHAVIOUR_ID, OLD_NAME, behaviour_names(before)))
    groups_before = len(group_names(before))

    j.start(workbook)
    j.focus_window()
    click_node(j, inside(j, j.frame(), "Observations", roles=("list item",)), "Observations in the sidebar")
    click_node(j, inside(j, j.frame(), "Frameworks…", roles=("push button",)), "Frameworks…")
    dialog = wait_for("the Frameworks window", lambda: j.find(
        lambda n: name_of(n) == WINDOW_TITLE and n.getRoleName() in ("dialog", "window", "frame")),
        timeout=40)
    wait_for("the Frameworks window on the screen", lambda: len(j.windows()) > 1, timeout=40)
    j.focus_window(j.x_window_of(dialog))

    behaviour = inside(j, dialog, OLD_NAME)
    click_node(j, behaviour, "the behaviour %s" % OLD_NAME)
    # a person waits for the row to open before going into it
    top = j.screen_box(behaviour)[1]
    wait_for("the name of %s to show" % OLD_NAME, lambda: j.find(
        lambda n: name_of(n) == "Name" and n.getRoleName() == "text" and on_screen(n)
        and same(j.toplevel(n), dialog) and j.screen_box(n)[1] > top), timeout=30)
    time.sleep(0.5)
    j.step("Tab into its name, and typing a new one")
    j.key("Tab")
    j.key("ctrl+a")
    j.type(NEW_NAME)

    def renamed():
        return behaviour_names(exported_framework(j, workbook)).get(BEHAVIOUR_ID) == NEW_NAME
    try:
        # within a second of the last key, in the file (the command line
        # that reads it takes its own time, the more under the sanitizers)
        wait_for("the new name in the workbook", renamed, timeout=15, interval=0.3)
    except Exception:
        fail("typed %r as the name of %s, but the workbook's framework has %s"
             % (NEW_NAME, OLD_NAME, behaviour_names(exported_framework(j, workbook))))

    click_node(j, inside(j, dialog, "Add Group", roles=("push button",)), "Add Group")
    # a new group's name has the keyboard, its text chosen to be typed
    # over: a person waits to see it
    wait_for("the new group's name to show", lambda: j.find(
        lambda n: name_of(n) == "Group name" and n.getRoleName() == "text" and on_screen(n)
        and same(j.toplevel(n), dialog)), timeout=30)
    time.sleep(1)
    j.step("typing the new group's name")
    j.type(GROUP_NAME)

    def grouped():
        return GROUP_NAME in group_names(exported_framework(j, workbook))
    try:
        wait_for("the new group in the workbook", grouped, timeout=15, interval=0.3)
    except Exception:
        fail("clicked Add Group and typed %r, but the workbook's framework has the groups %s"
             % (GROUP_NAME, group_names(exported_framework(j, workbook))))

    click_node(j, inside(j, dialog, "Close", roles=("push button",)), "the window's close button",
               scroll=False)
    wait_for("the Frameworks window to close", lambda: len(j.windows()) == 1, timeout=10)
    j.close_window()

    after = exported_framework(j, workbook)
    names = behaviour_names(after)
    groups = group_names(after)
    if names.get(BEHAVIOUR_ID) != NEW_NAME:
        fail("after closing, %s is called %r, not %r" % (BEHAVIOUR_ID, names.get(BEHAVIOUR_ID), NEW_NAME))
    if len(groups) != groups_before + 1 or groups[-1] != GROUP_NAME:
        fail("after closing, the groups are %s: expected %d, the last %r"
             % (groups, groups_before + 1, GROUP_NAME))
    last = list(after.iter(FRAMEWORK_NS + "group"))[-1]
    if len(list(last.iter(FRAMEWORK_NS + "behaviour"))) != 1:
        fail("the new group should hold one behaviour: %s" % ElementTree.tostring(last, encoding="unicode"))


if __name__ == "__main__":
    Journey("journey-frameworks").run(journey)
