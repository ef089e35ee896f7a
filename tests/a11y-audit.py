#!/usr/bin/python3
"""a11y-audit: every control a screen reader meets has a name worth reading.

Runs the real application on a sample workbook, under the session bus that
dbus-run-session gives it and the accessibility bus of at-spi2-core, and
walks the AT-SPI tree of the main window, the narrative editor, its
revisions pane, School and People, Preferences and each dialog that can be
opened (new workbook, delete narrative, save revision, the document
chooser for export and print, About, Keyboard Shortcuts). It fails on any
button, toggle button, menu button, text field, list row or combo box that
is shown and whose name is empty, is a GTK type name ("GtkImage"), still
holds a mnemonic underscore ("_New") or says the same words twice ("Read
Read"), and prints each one.

The app is driven through AT-SPI actions where GTK offers them, and
otherwise with xdotool (keys, and clicks at the places AT-SPI reports).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 30
CHECKED_ROLES = {
    "push button", "toggle button", "menu button", "push button menu", "button",
    "entry", "text", "password text", "list item", "table row", "row",
    "tree item", "combo box",
}
MNEMONIC = re.compile(r"_[^\s_]")


def fail(message):
    print("a11y-audit: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def children(node):
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield child


def states(node):
    try:
        return node.getState()
    except Exception:
        return None


def extents(node):
    try:
        box = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return box.x, box.y, box.width, box.height
    except Exception:
        return None


def shown(node):
    """GTK 4.8 does not keep the showing state: a node is shown when it is
    visible and laid out with a size."""
    state = states(node)
    if state is None or not state.contains(pyatspi.STATE_VISIBLE):
        return False
    box = extents(node)
    return box is not None and box[2] > 0 and box[3] > 0


# GTK's own file chooser, inside the new workbook dialog, is GTK's to name
SKIPPED = {"GtkFileChooserWidget"}


def walk_shown(node, depth=0):
    """The nodes under @node that are shown; what is hidden is not
    descended into."""
    if node is None or depth > 80:
        return
    yield node
    try:
        if node.name in SKIPPED:
            return
    except Exception:
        return
    for child in children(node):
        state = states(child)
        if state is None or not state.contains(pyatspi.STATE_VISIBLE):
            continue
        yield from walk_shown(child, depth + 1)


def tops_name(top):
    try:
        return top.getRoleName(), top.name
    except Exception:
        return "?", "?"


def problem(name):
    if not name or not name.strip():
        return "has no name"
    if name.startswith("Gtk") or name.startswith("Adw"):
        return "is named after its GTK type"
    if MNEMONIC.search(name):
        return "holds a mnemonic underscore"
    words = name.split()
    half = len(words) // 2
    if half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]:
        return "says its name twice"
    return None


class Audit:
    def __init__(self, binary, workbook, env):
        self.process = subprocess.Popen([binary, workbook], env=env)
        self.app = None
        self.failures = []
        self.audited = []

    def find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        return None

    def wait(self, condition, what):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                fail("the application exited early with status %d" % self.process.returncode)
            if self.app is None:
                self.app = self.find_app()
            if self.app is not None:
                found = condition()
                if found:
                    return found
            time.sleep(0.3)
        fail("%s did not appear within %d s" % (what, TIMEOUT))

    def toplevels(self):
        return [w for w in children(self.app)
                if states(w) is not None and states(w).contains(pyatspi.STATE_VISIBLE)]

    def find(self, name, roles=None, under=None):
        """A shown node called @name (one of @roles)."""
        for top in ([under] if under is not None else self.toplevels()):
            for node in walk_shown(top):
                try:
                    # today's names may still carry a mnemonic, or say it twice
                    if name in (node.name or "").replace("_", "") and (roles is None or node.getRoleName() in roles) and shown(node):
                        return node
                except Exception:
                    continue
        return None

    def wait_for(self, name, roles=None):
        return self.wait(lambda: self.find(name, roles), "“%s”" % name)

    @staticmethod
    def key_of(window):
        try:
            return (window.getRoleName(), window.name, getattr(window, "path", None))
        except Exception:
            return None

    def open_window(self, open_it, what):
        """Does @open_it and waits for a window that was not shown before."""
        before = {self.key_of(w) for w in self.toplevels()}
        open_it()
        return self.wait(lambda: next((w for w in self.toplevels()
                                       if self.key_of(w) not in before), None), what)

    def close_window(self, window, keys="Escape"):
        """Closes @window as a keyboard user does, and waits for it to go."""
        key = self.key_of(window)
        self.key(keys)
        self.wait(lambda: key not in {self.key_of(w) for w in self.toplevels()},
                  "“%s” to close" % key[1])

    def audit(self, what, top=None):
        print("a11y-audit: walking " + what, flush=True)
        if os.environ.get("LL_AUDIT_VERBOSE"):
            print("  window %s %r" % (tops_name(top)))
        tops = [top] if top is not None else self.toplevels()
        seen = 0
        for window in tops:
            for node in walk_shown(window):
                try:
                    role = node.getRoleName()
                    name = node.name
                except Exception:
                    continue
                if role not in CHECKED_ROLES or not shown(node):
                    continue
                seen += 1
                if os.environ.get("LL_AUDIT_VERBOSE"):
                    print("  %s %r %s" % (role, name, extents(node)))
                why = problem(name)
                if why:
                    parent = node.parent
                    context = "%s %r" % (parent.getRoleName(), parent.name) if parent is not None else ""
                    self.failures.append("%s: %s %r %s (in %s)" % (what, role, name, why, context))
        self.audited.append("%s (%d controls)" % (what, seen))

    def do_action(self, node, action):
        # a menu button's own button is the one that clicks
        for candidate in walk_shown(node):
            try:
                acts = candidate.queryAction()
            except Exception:
                continue
            for i in range(acts.nActions):
                if acts.getName(i) == action:
                    acts.doAction(i)
                    return
        fail("%s %r offers no action %s" % (node.getRoleName(), node.name, action))

    def window_action(self, action):
        """Activates a window action, as its shortcut or menu item would."""
        for top in self.toplevels():
            try:
                if top.getRoleName() == "frame" and self.find_action(top, action):
                    self.do_action(top, action)
                    return
            except Exception:
                continue
        fail("no window offers the action " + action)

    @staticmethod
    def find_action(node, action):
        try:
            acts = node.queryAction()
        except Exception:
            return False
        return any(acts.getName(i) == action for i in range(acts.nActions))

    @staticmethod
    def click(node):
        x, y, w, h = extents(node)
        subprocess.run(["xdotool", "mousemove", str(x + w // 2), str(y + h // 2), "click", "1"],
                       check=True)

    @staticmethod
    def key(keys):
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def run(audit, narrative_title):
    audit.wait_for("Vision", {"list item"})
    main_window = audit.toplevels()[0]
    audit.audit("main window", main_window)

    # The document chooser, from the list
    chooser = audit.open_window(lambda: audit.window_action("win.export-docbook"), "the document chooser")
    audit.audit("document chooser", chooser)
    audit.close_window(chooser)

    # The editor, on the sample's narrative
    audit.click(audit.wait_for(narrative_title, {"list item"}))
    audit.wait_for("Back to narratives")
    audit.audit("editor", main_window)

    # Its revisions pane
    editor = audit.wait(lambda: next((n for n in walk_shown(main_window)
                                      if n.name == "LlNarrativeEditor"), None), "the editor")
    audit.do_action(editor, "editor.show-revisions")
    audit.wait_for("Save Revision…")
    audit.audit("revisions pane", main_window)

    # Save revision
    dialog = audit.open_window(lambda: audit.do_action(audit.wait_for("Save Revision…"), "click"),
                               "the save revision dialog")
    audit.audit("save revision dialog", dialog)
    audit.close_window(dialog)

    # Delete narrative, the last item of the narrative's menu
    def delete():
        audit.do_action(audit.wait_for("Narrative menu", {"push button"}), "click")
        audit.wait_for("Delete Narrative…")
        audit.key("End")
        audit.key("Return")
    dialog = audit.open_window(delete, "the delete narrative dialog")
    audit.audit("delete narrative dialog", dialog)
    audit.close_window(dialog)

    # School and People
    school = audit.open_window(lambda: audit.window_action("win.school"), "School and People")
    audit.wait_for("Add Person")
    audit.audit("School and People", school)
    audit.close_window(school, "ctrl+w")

    # Keyboard Shortcuts
    shortcuts = audit.open_window(lambda: audit.window_action("win.show-help-overlay"), "the shortcuts")
    audit.audit("Keyboard Shortcuts", shortcuts)
    audit.close_window(shortcuts)

    # Preferences
    preferences = audit.open_window(lambda: audit.key("ctrl+comma"), "Preferences")
    audit.audit("Preferences", preferences)
    audit.close_window(preferences)

    # About, the last item of the main menu
    def about():
        audit.do_action(audit.wait_for("Main Menu", {"push button", "toggle button"}), "click")
        audit.wait_for("About Leading Learning")
        # its mnemonic, the only A in the menu
        audit.key("a")
    window = audit.open_window(about, "About")
    audit.audit("About", window)
    audit.close_window(window)

    # New workbook, last: GTK keeps its file chooser once it was shown
    dialog = audit.open_window(lambda: audit.window_action("win.new-workbook"), "the new workbook dialog")
    audit.audit("new workbook dialog", dialog)


def main():
    binary = os.environ.get("LL_BINARY")
    if not binary or not os.access(binary, os.X_OK):
        fail("LL_BINARY does not name the built program")

    tmp = tempfile.mkdtemp(prefix="ll-a11y-audit-")
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
    env["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
    env["GSETTINGS_BACKEND"] = "memory"
    workbook = os.path.join(tmp, "Sample.llw")
    audit = None
    try:
        made = subprocess.run([binary, "--generate-sample=1", workbook], env=env,
                              capture_output=True, text=True, timeout=60)
        if made.returncode != 0:
            fail("could not make a sample workbook: " + made.stderr.strip())
        listed = subprocess.run([binary, "--list", workbook], env=env,
                                capture_output=True, text=True, timeout=60)
        titles = [line.split("\t")[2] for line in listed.stdout.splitlines()
                  if line.split("\t")[0] == "vision"]
        if not titles:
            fail("the sample workbook holds no narrative: " + listed.stdout)

        audit = Audit(binary, workbook, env)
        run(audit, titles[0])
        for line in audit.audited:
            print("a11y-audit: walked " + line)
        if audit.failures:
            for line in audit.failures:
                print("a11y-audit: " + line, file=sys.stderr)
            fail("%d controls a screen reader cannot name" % len(audit.failures))
        print("a11y-audit: every control shown has a name")
    finally:
        if audit is not None:
            audit.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
