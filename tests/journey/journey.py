"""What the journey tests share: a private home, the real program under the
virtual display, input events through xdotool, AT-SPI to find where things
are and what has focus, and the workbook read back through the command line.

A journey drives the window only as a person does, with keys and clicks.
AT-SPI is used to look, never to set text or invoke actions.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

import pyatspi

DOCBOOK_NS = "{http://docbook.org/ns/docbook}"
TYPE_DELAY_MS = 60
TEXT_ROLES = ("text", "entry", "paragraph", "document text", "editbar", "password text")


class JourneyFailure(Exception):
    pass


def fail(message):
    raise JourneyFailure(message)


def wait_for(what, condition, timeout=15.0, interval=0.1):
    """Polls condition until it returns something true, and returns that.
    Fails with a message naming what was awaited after timeout seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            fail("waited %.0f s for %s" % (timeout, what))
        time.sleep(interval)


# AT-SPI

def walk(node, depth=0):
    """The node and its descendants, depth first in document order. GTK 4.8
    marks nothing below the window as showing, so hidden pages of a stack
    are walked too: look for what only the page on screen has."""
    if node is None or depth > 80:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def describe(node):
    if node is None:
        return "nothing"
    try:
        return "“%s” (%s)" % (node.name, node.getRoleName())
    except Exception:
        return "an object that has gone"


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def is_editable_text(node):
    try:
        return (node.getRoleName() in TEXT_ROLES
                and node.getState().contains(pyatspi.STATE_EDITABLE))
    except Exception:
        return False


def extents(node):
    """The node's (x, y, width, height) on the screen."""
    component = node.queryComponent()
    box = component.getExtents(pyatspi.WINDOW_COORDS)
    return (box.x, box.y, box.width, box.height)


def same(a, b):
    try:
        return a is not None and b is not None and a.path == b.path
    except Exception:
        return False


def ancestors(node):
    while node is not None:
        try:
            node = node.parent
        except Exception:
            return
        if node is not None:
            yield node


def name_of(node):
    try:
        return node.name or ""
    except Exception:
        return ""


def on_screen(node):
    """Whether the node takes room in its window: GTK 4.8 reports every
    visible widget as such, even on a stack's hidden pages, but gives
    those no size."""
    try:
        _, _, width, height = extents(node)
    except Exception:
        return False
    return width > 0 and height > 0


def docbook_detail(root, term):
    """The text of the entry called term in an exported DocBook
    document's variable lists, or None."""
    for item in root.iter(DOCBOOK_NS + "varlistentry"):
        found = item.find(DOCBOOK_NS + "term")
        if found is not None and text_of(found).strip() == term:
            return text_of(item.find(DOCBOOK_NS + "listitem")).strip()
    return None


# xdotool and the screen

def xdotool(*args, timeout=60):
    done = subprocess.run(["xdotool"] + [str(a) for a in args],
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        fail("xdotool %s failed: %s" % (" ".join(str(a) for a in args), done.stderr.strip()))
    return done.stdout


class Journey:
    """One journey: a private home with its own settings and data, the
    program, and the workbook it writes."""

    def __init__(self, name):
        self.name = name
        self.binary = os.environ.get("LL_BINARY")
        if not self.binary or not os.access(self.binary, os.X_OK):
            print("%s: LL_BINARY does not name the built program" % name, file=sys.stderr)
            sys.exit(1)
        self.tmp = tempfile.mkdtemp(prefix="ll-journey-%s-" % name)
        self.log_dir = os.environ.get("LL_JOURNEY_LOG_DIR") or tempfile.gettempdir()
        self.env = dict(os.environ)
        # the accessibility bridge on, so that AT-SPI can see where things are
        self.env.pop("GTK_A11Y", None)
        self.env.pop("NO_AT_BRIDGE", None)
        for var, sub in (("HOME", "home"), ("XDG_DATA_HOME", "home/.local/share"),
                         ("XDG_CONFIG_HOME", "home/.config"), ("XDG_CACHE_HOME", "home/.cache"),
                         ("XDG_STATE_HOME", "home/.local/state")):
            self.env[var] = os.path.join(self.tmp, sub)
            os.makedirs(self.env[var], exist_ok=True)
        self.env["GSETTINGS_BACKEND"] = "memory"
        self.process = None
        self.app_log = None
        self.window = None
        self._app = None
        self.started = time.monotonic()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def step(self, message):
        print("%s [%5.1f s]: %s" % (self.name, time.monotonic() - self.started, message), flush=True)

    # the command line

    def cli(self, *args, check=True):
        done = subprocess.run([self.binary] + list(args), env=self.env,
                              capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            fail("`leading-learning %s` failed with status %d: %s"
                 % (" ".join(args), done.returncode, done.stderr.strip()))
        return done

    def documents(self, workbook, kind=None):
        """(kind, id, title) for each document in the workbook."""
        out = self.cli("--list", workbook).stdout
        rows = []
        for line in out.splitlines():
            parts = line.split("\t", 2)
            if len(parts) == 3 and (kind is None or parts[0] == kind):
                rows.append((parts[0], parts[1], parts[2]))
        return rows

    def narratives(self, workbook):
        return self.documents(workbook, "vision")

    def export(self, workbook, document_id, validate=True):
        """The document exported as DocBook: the parsed root element."""
        out = self.path("export-%s.xml" % document_id)
        if os.path.exists(out):
            os.unlink(out)
        self.cli("--export-docbook=" + out, "--document=" + str(document_id), workbook)
        if validate:
            jing = os.environ.get("LL_JING_JAR", "/usr/share/java/jing.jar")
            rng = os.environ.get("LL_DOCBOOK_RNG",
                                 "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng")
            done = subprocess.run(["java", "-jar", jing, rng, out],
                                  capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                fail("the exported narrative is not valid DocBook 5:\n%s%s\n--- the file:\n%s"
                     % (done.stdout, done.stderr, open(out, encoding="utf-8").read()))
        try:
            return ElementTree.parse(out).getroot()
        except ElementTree.ParseError as error:
            fail("the exported narrative is not well-formed XML: %s" % error)

    # the program

    def start(self, *args):
        self.app_log = open(self.path("app.log"), "w+")
        self.step("starting leading-learning %s" % " ".join(args))
        self.process = subprocess.Popen([self.binary] + list(args), env=self.env,
                                        stdout=self.app_log, stderr=subprocess.STDOUT)
        self.window = self.wait_window()
        return self.process

    def check_running(self):
        if self.process.poll() is not None:
            fail("the program exited with status %d" % self.process.returncode)

    def windows(self):
        """The program's visible X windows."""
        self.check_running()
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid)],
                              capture_output=True, text=True, timeout=30)
        return [w for w in done.stdout.split()]

    def window_geometry(self, window):
        out = xdotool("getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in out.split() if "=" in line)
        return (int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))

    def wait_window(self):
        """The main window: the first visible one wider than a dialog."""
        def wide():
            for window in self.windows():
                if self.window_geometry(window)[2] >= 600:
                    return window
            return None
        return wait_for("the main window to appear", wide, timeout=30)

    def app(self):
        """The program on the accessibility bus."""
        if self._app is not None:
            return self._app

        def find():
            self.check_running()
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                try:
                    app = desktop.getChildAtIndex(i)
                    if app is not None and app.get_process_id() == self.process.pid:
                        return app
                except Exception:
                    continue
            return None
        self._app = wait_for("the program to appear on the accessibility bus", find, timeout=30)
        return self._app

    def frame(self):
        """The main window on the accessibility bus."""
        return wait_for("the main window on the accessibility bus",
                        lambda: self.find(lambda n: n.getRoleName() == "frame"), timeout=30)

    def toplevel(self, node):
        """The window (frame or dialog) on the accessibility bus that holds
        the node."""
        for parent in [node] + list(ancestors(node)):
            try:
                if parent.getRoleName() in ("frame", "dialog", "window", "alert"):
                    return parent
            except Exception:
                continue
        return self.frame()

    def x_window_of(self, toplevel):
        """The X window that shows the toplevel: the main window for the
        main frame, otherwise the other visible window of the size nearest
        to the toplevel's."""
        if same(toplevel, self.frame()):
            return self.window
        _, _, width, height = extents(toplevel)
        others = [w for w in self.windows() if w != self.window]
        if not others:
            fail("%s has no window of its own on the screen" % describe(toplevel))
        return min(others, key=lambda w: abs(self.window_geometry(w)[2] - width)
                   + abs(self.window_geometry(w)[3] - height))

    def screen_box(self, node):
        """The node's (x, y, width, height) on the screen. GTK 4.8 gives
        extents from the corner of the window's widget, which sits inside
        the X window's border: the toplevel's extents say how far in."""
        x, y, width, height = extents(node)
        toplevel = self.toplevel(node)
        fx, fy, fwidth, fheight = extents(toplevel)
        wx, wy, wwidth, wheight = self.window_geometry(self.x_window_of(toplevel))
        left = wx + (wwidth - fwidth) // 2 - fx
        top = wy + (wheight - fheight) // 2 - fy
        return (left + x, top + y, width, height)

    def find_named(self, name, roles=None, within=None, timeout=20):
        """The node called name (with one of roles), on the screen, in the
        toplevel within (any when None), once it is there."""
        def match(node):
            return (name_of(node) == name and (roles is None or node.getRoleName() in roles)
                    and on_screen(node) and (within is None or same(self.toplevel(node), within)))
        what = "“%s” on the screen" % name if within is None else "“%s” in %s" % (name, describe(within))
        return wait_for(what, lambda: self.find(match), timeout=timeout)

    def scroll_into_view(self, node, what):
        """Turns the mouse wheel over the right margin of the node's window
        (where no inner list takes the wheel), as a person would, until
        the node is inside the window; its box on the screen."""
        window = self.x_window_of(self.toplevel(node))
        wx, wy, wwidth, wheight = self.window_geometry(window)
        for _ in range(60):
            x, y, width, height = self.screen_box(node)
            if width <= 0 or height <= 0:
                fail("%s %s has no size on the screen" % (what, describe(node)))
            if y < wy + 60:
                button = "4"
            elif y + height > wy + wheight - 10:
                button = "5"
            else:
                # the wheel scrolls smoothly: wait for the node to stop moving
                time.sleep(0.3)
                if self.screen_box(node) == (x, y, width, height):
                    return x, y, width, height
                continue
            # without --sync, which waits for a motion that never comes when
            # the pointer is already there
            xdotool("mousemove", wx + wwidth - 40, wy + wheight // 2)
            xdotool("click", button)
            time.sleep(0.1)
        fail("the mouse wheel did not bring %s %s into its window" % (what, describe(node)))

    def click_node(self, node, what, scroll=True):
        """Clicks the middle of the node, brought into view first unless
        scroll is False (a header bar's button is always in view)."""
        x, y, width, height = self.scroll_into_view(node, what) if scroll else self.screen_box(node)
        self.step("clicking %s" % what)
        self.click(x + width // 2, y + height // 2)

    def find(self, predicate):
        for node in walk(self.app()):
            try:
                if predicate(node):
                    return node
            except Exception:
                continue
        return None

    def find_all(self, predicate):
        found = []
        for node in walk(self.app()):
            try:
                if predicate(node):
                    found.append(node)
            except Exception:
                continue
        return found

    def focused(self):
        """The object with keyboard focus in the active window, or None."""
        self.check_running()
        return self.find(lambda n: n.getState().contains(pyatspi.STATE_FOCUSED)
                         and n.getRoleName() not in ("frame", "window", "dialog", "alert"))

    def wait_focus(self, what, predicate, timeout=10.0):
        """Waits until the focused object satisfies predicate; fails naming
        what has focus instead."""
        last = [None]

        def check():
            node = self.focused()
            last[0] = node
            return node if node is not None and predicate(node) else None
        try:
            return wait_for(what, check, timeout=timeout)
        except JourneyFailure:
            fail("expected %s to have keyboard focus, but focus is on %s"
                 % (what, describe(last[0])))

    def section_text_area(self):
        """The first section's text area in the open narrative: the first
        editable many-line text after the first one-line field (the title,
        then the author and each section's heading are one-line fields, and
        each heading comes before its section's text), found by structure,
        not by name."""
        seen_line = False
        for node in walk(self.app()):
            if not is_editable_text(node):
                continue
            if not has_state(node, pyatspi.STATE_MULTI_LINE):
                seen_line = True
            elif seen_line:
                return node
        return None

    def first_start(self):
        """Starts the program as on a new computer, with no workbook; declines
        the sample if offered. Returns the path of the new empty workbook."""
        self.start()
        workbook = os.path.join(self.env["XDG_DATA_HOME"], "leading-learning", "Workbook.llw")
        wait_for("the first workbook to be made", lambda: os.path.exists(workbook), timeout=15)
        # The offer of the sample comes with the first window, if at all.
        deadline = time.monotonic() + 5
        dialog = None
        while dialog is None and time.monotonic() < deadline:
            others = [w for w in self.windows() if w != self.window]
            dialog = others[0] if others else None
            if dialog is None:
                time.sleep(0.1)
        if dialog is not None:
            self.step("declining the sample with Escape")
            self.focus_window(dialog)
            self.key("Escape")
            wait_for("the sample's dialog to close", lambda: dialog not in self.windows()
                     and self.find(lambda n: n.getRoleName() in ("dialog", "alert")) is None,
                     timeout=10)
        if self.narratives(workbook):
            fail("the first workbook already holds a narrative: %s" % self.narratives(workbook))
        return workbook

    def wait_new_narrative(self, workbook, after, what):
        """Waits for the workbook to hold a narrative beyond those in after."""
        def new():
            rows = [r for r in self.narratives(workbook) if r not in after]
            return rows
        try:
            return wait_for("a new narrative", new, timeout=10, interval=0.3)
        except JourneyFailure:
            fail("%s made no narrative: the workbook holds %s"
                 % (what, self.narratives(workbook) or "none"))

    # input

    def focus_window(self, window=None):
        """Gives the window the keyboard focus; for the main window, waits
        until the program knows that it is the active window, as keys sent
        before that can be lost."""
        xdotool("windowfocus", "--sync", window or self.window)
        if window is None or window == self.window:
            wait_for("the main window to become active",
                     lambda: has_state(self.frame(), pyatspi.STATE_ACTIVE), timeout=10)

    def key(self, *keys):
        self.check_running()
        xdotool("key", "--delay", "60", *keys)

    def type(self, text, delay=TYPE_DELAY_MS):
        """Types text with xdotool, which waits delay/2 ms after pressing
        and again after releasing each key."""
        self.check_running()
        xdotool("type", "--delay", str(delay), text, timeout=60 + len(text) * delay / 1000)

    def click(self, x, y):
        self.check_running()
        xdotool("mousemove", "--sync", int(x), int(y))
        xdotool("click", "1")

    def close_window(self, timeout=20):
        """Closes the window with Ctrl+W, as a person would, and waits for
        the program to end."""
        self.step("closing the window with Ctrl+W")
        self.focus_window()
        self.key("ctrl+w")
        deadline = time.monotonic() + timeout
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                fail("the program was still running %d s after Ctrl+W" % timeout)
            time.sleep(0.1)
        if self.process.returncode != 0:
            fail("the program exited with status %d after Ctrl+W" % self.process.returncode)

    # the end

    def screenshot(self):
        path = os.path.join(self.log_dir, "%s-%d.png" % (self.name, int(time.time())))
        try:
            os.makedirs(self.log_dir, exist_ok=True)
            subprocess.run(["import", "-window", "root", path], capture_output=True, timeout=30)
        except Exception as error:
            return "(no screenshot: %s)" % error
        return path if os.path.exists(path) else "(no screenshot)"

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        if self.app_log is not None:
            self.app_log.close()
            self.app_log = None

    def app_output(self):
        try:
            with open(self.path("app.log"), encoding="utf-8", errors="replace") as f:
                return f.read().strip()
        except OSError:
            return ""

    def run(self, body):
        """Runs body(self); on failure says what went wrong, saves a
        screenshot and exits with status 1. Never leaves the program behind."""
        status = 0
        try:
            body(self)
            self.step("PASS")
        except JourneyFailure as failure:
            status = 1
            shot = self.screenshot() if self.process is not None else None
            print("%s: FAIL: %s" % (self.name, failure), file=sys.stderr)
            if shot:
                print("%s: the screen at the failure: %s" % (self.name, shot), file=sys.stderr)
        except Exception:
            status = 1
            import traceback
            traceback.print_exc()
            if self.process is not None:
                print("%s: the screen: %s" % (self.name, self.screenshot()), file=sys.stderr)
        finally:
            self.stop()
            output = self.app_output()
            if status != 0 and output:
                print("--- the program's output:\n" + output, file=sys.stderr)
            shutil.rmtree(self.tmp, ignore_errors=True)
        sys.exit(status)


# DocBook

def text_of(element):
    return "".join(element.itertext())


def narrative_title(root):
    title = root.find(DOCBOOK_NS + "info/" + DOCBOOK_NS + "title")
    if title is None:
        title = root.find(DOCBOOK_NS + "title")
    return None if title is None else text_of(title)


def first_section_blocks(root):
    """(tag, text) of each block in the narrative's first section, without
    its title: e.g. [("para", "…"), ("para", "…")]."""
    section = root.find(DOCBOOK_NS + "section")
    if section is None:
        return None
    blocks = []
    for child in section:
        tag = child.tag.replace(DOCBOOK_NS, "")
        if tag in ("title", "info"):
            continue
        blocks.append((tag, text_of(child)))
    return blocks


# What a person wrote, read back

TITLE = "Learning Together at Hillside"
PARAGRAPHS = ("Every child here learns to ask good questions.",
              "Teachers plan lessons that build independence.")


def check_first_narrative(journey, workbook, title, paragraphs):
    """The workbook holds one narrative, with title and, in its first
    section, exactly paragraphs; its DocBook export is valid."""
    narratives = journey.narratives(workbook)
    if len(narratives) != 1:
        fail("expected exactly one narrative in the workbook, but it holds %d: %s"
             % (len(narratives), narratives))
    root = journey.export(workbook, narratives[0][1])
    got_title = narrative_title(root)
    blocks = first_section_blocks(root)
    expected_blocks = [("para", p) for p in paragraphs]
    problems = []
    if got_title != title:
        problems.append("the title is %r, expected %r" % (got_title, title))
    if blocks != expected_blocks:
        problems.append("the first section holds %r,\n  expected %r" % (blocks, expected_blocks))
    if problems:
        fail("what was typed is not what the workbook holds:\n  " + "\n  ".join(problems))
    journey.step("the workbook holds the title and the two paragraphs as typed")
