#!/usr/bin/python3
"""journey-observation: a lesson observed, from the classroom to the search.

On a first start (the sample declined), the person clicks Observations in
the sidebar and presses Ctrl+Shift+N: a new observation opens with the
cursor in its class. They type the class, Tab to the year group and the
subject; click two behaviours of the framework as the focus; click into
the live notes and, by keyboard alone, tag a note with Ctrl+1, write it
and press Return, write a second note naming a behaviour with #, count the
first focus behaviour twice with Alt+1 and once more, then take that back
with Alt+Backspace. They set the status to Closed, go back to the list,
and find the observation by typing a word of a note into the search.
After Ctrl+W the workbook holds exactly that observation: read back
through the command line, its DocBook is valid and has the class, the
focus, both notes with their tags, two sightings and the status.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi  # noqa: E402

from journey import (Journey, ancestors, describe, docbook_detail, fail, has_state,  # noqa: E402
                     is_editable_text, name_of, on_screen, same, text_of, wait_for)

DOCBOOK = "{http://docbook.org/ns/docbook}"
CLASS, YEAR, SUBJECT = "Kestrels", "Year 5", "Geography"
FOCUS_GROUP, FOCUS = "Resilience", ("Noticing", "Perseverance")
NOTE_TAGGED = "Pairs compared their sketches of the river bank"
NOTE_NAMED = "Maya tried three routes on the map before asking for help #perseverance"
SEARCH = "sketches"


def find_named(j, name, roles=None):
    return j.find_named(name, roles=roles, timeout=10)


def click_node(j, node, what):
    j.click_node(node, what)


def detail(root, term):
    return docbook_detail(root, term)


def observation_rows(j, workbook):
    return j.documents(workbook, "observation")


def check_details_written(j, workbook):
    """The details typed reach the workbook within a second or so, with the
    program still running."""
    rows = observation_rows(j, workbook)

    def written():
        root = j.export(workbook, rows[0][1], validate=False)
        return [detail(root, t) for t in ("Class", "Year group", "Subject")] == [CLASS, YEAR, SUBJECT]
    try:
        wait_for("the details in the workbook", written, timeout=10, interval=0.3)
    except Exception:
        root = j.export(workbook, rows[0][1], validate=False)
        fail("typed %r, Tab, %r, Tab, %r into the new observation, but the workbook has %r"
             % (CLASS, YEAR, SUBJECT, [detail(root, t) for t in ("Class", "Year group", "Subject")]))


def check_workbook(j, workbook):
    rows = observation_rows(j, workbook)
    if len(rows) != 1:
        fail("the workbook should hold one observation, but holds %s" % (rows or "none"))
    root = j.export(workbook, rows[0][1])
    text = " ".join(text_of(e) for e in root.iter())

    def entry(term):
        return detail(root, term)

    for term, wanted in (("Class", CLASS), ("Year group", YEAR), ("Subject", SUBJECT),
                         ("Status", "Closed")):
        if entry(term) != wanted:
            fail("the observation's %s is %r, not %r" % (term.lower(), entry(term), wanted))
    focus = entry("Focus") or ""
    for behaviour in FOCUS:
        if behaviour not in focus:
            fail("the focus %r lacks %s" % (focus, behaviour))

    notes = []
    tallies = {}
    for table in root.iter(DOCBOOK + "informaltable"):
        for row in table.iter(DOCBOOK + "row"):
            cells = [text_of(c).strip() for c in row.iter(DOCBOOK + "entry")]
            if len(cells) == 3 and cells[2] in (NOTE_TAGGED, NOTE_NAMED.replace(" #perseverance", "")):
                notes.append(cells)
            if len(cells) == 4 and cells[0] in FOCUS:
                tallies[cells[0]] = cells[1]
    if len(notes) != 2:
        fail("the workbook should hold both notes, but the export has %s in: %s" % (notes, text))
    if FOCUS[0] not in notes[0][1]:
        fail("the note typed after Ctrl+1 is not tagged with %s: %s" % (FOCUS[0], notes[0]))
    if FOCUS[1] not in notes[1][1]:
        fail("the note that names #perseverance is not tagged with %s: %s" % (FOCUS[1], notes[1]))
    if tallies.get(FOCUS[0]) != "2":
        fail("%s should have been seen twice (three Alt+1, one undone), the export says %r"
             % (FOCUS[0], tallies.get(FOCUS[0])))


def journey(j):
    workbook = j.first_start()
    j.focus_window()

    click_node(j, find_named(j, "Observations", roles=("list item",)),
               "Observations in the sidebar")
    find_named(j, "New Observation", roles=("push button",))
    j.focus_window()
    j.step("pressing Ctrl+Shift+N for a new observation")
    j.key("ctrl+shift+n")
    wait_for("the new observation in the workbook", lambda: observation_rows(j, workbook),
             timeout=10, interval=0.3)
    # a person waits to see the form before typing
    find_named(j, "Class or group", roles=("text",))
    # libadwaita 1.2 does not tell AT-SPI which entry row has the focus
    # (the row's inner text has none of its own), so where the keys went
    # is read back from the workbook instead
    j.step("typing the class, year group and subject, with Tab between")
    j.type(CLASS)
    j.key("Tab")
    j.type(YEAR)
    j.key("Tab")
    j.type(SUBJECT)
    check_details_written(j, workbook)

    click_node(j, find_named(j, FOCUS_GROUP), "the %s group of the framework" % FOCUS_GROUP)
    # the group opens to show its behaviours
    find_named(j, FOCUS[0], roles=("check box",))
    time.sleep(0.5)
    # the group's behaviours open below the window's edge: Tab goes to
    # each in turn, scrolling it into view, and Space chooses it
    for behaviour in FOCUS:
        j.step("Tab to %s and Space" % behaviour)
        for _ in range(12):
            j.key("Tab")
            node = j.focused()
            if node is not None and name_of(node) == behaviour:
                break
        else:
            fail("Tab never reached the behaviour %s; focus is on %s"
                 % (behaviour, describe(j.focused())))
        j.key("space")
        wait_for("%s to be chosen" % behaviour, lambda: j.find(
            lambda n: name_of(n) == behaviour and n.getRoleName() == "check box"
            and has_state(n, pyatspi.STATE_CHECKED)), timeout=5)

    notes = find_named(j, "Note", roles=("text",))
    click_node(j, notes, "into the live notes")
    j.wait_focus("the live notes' entry", lambda n: same(n, notes))
    j.step("tagging with Ctrl+1 and writing a note")
    j.key("ctrl+1")
    j.type(NOTE_TAGGED)
    j.key("Return")
    j.step("writing a note that names a behaviour")
    j.type(NOTE_NAMED)
    j.key("Return")
    j.step("counting %s three times with Alt+1, then undoing one" % FOCUS[0])
    j.key("alt+1", "alt+1", "alt+1", "alt+BackSpace")

    # the form's status, not the list's filter of the same name
    status = wait_for("the observation's status", lambda: j.find(
        lambda n: name_of(n) == "Status" and on_screen(n)
        and n.getRoleName() in ("combo box", "list item", "push button")
        and not any(name_of(a) == "Filters" for a in ancestors(n))), timeout=10)
    click_node(j, status, "the status")
    closed = find_named(j, "Closed")
    click_node(j, closed, "Closed")

    back = find_named(j, "All Observations")
    click_node(j, back, "back to the list")
    search = wait_for("the search entry", lambda: j.find(
        lambda n: is_editable_text(n) and on_screen(n)
        and name_of(n) == "Search observations"), timeout=10)
    click_node(j, search, "into the search")
    j.step("searching for “%s”" % SEARCH)
    j.type(SEARCH)
    wait_for("the search to find the one observation", lambda: j.find(
        lambda n: name_of(n) == "1 observation has these words."), timeout=10)
    wait_for("the observation's class in the list", lambda: j.find(
        lambda n: name_of(n) == CLASS
        and any(a.getRoleName() in ("table", "tree table") for a in ancestors(n))), timeout=10)
    j.close_window()

    check_workbook(j, workbook)


if __name__ == "__main__":
    Journey("journey-observation").run(journey)
