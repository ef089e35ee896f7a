#!/usr/bin/python3
"""a11y-smoke: the main window's controls reach assistive technology.

Runs the real application on a sample workbook, under the session bus that
dbus-run-session gives it and the accessibility bus of at-spi2-core, then
finds through AT-SPI the four places of the sidebar and the main menu
button by their accessible names. Fails with a clear message when they do
not appear within the time limit.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT = 30
PLACES = ("Vision", "Observations", "Portfolios", "Certificates")
APP_NAMES = ("leading-learning", "leading learning", "org.leadinglearning.leadinglearning")


def fail(message):
    print("a11y-smoke: FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def walk(node, depth=0):
    if node is None or depth > 60:
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


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            if app.get_process_id() == pid or app.name.lower() in APP_NAMES:
                return app
        except Exception:
            continue
    return None


def snapshot(app):
    found = {}
    for node in walk(app):
        try:
            name, role = node.name, node.getRoleName()
        except Exception:
            continue
        if name:
            found.setdefault(name, set()).add(role)
    return found


def main():
    binary = os.environ.get("LL_BINARY")
    if not binary or not os.access(binary, os.X_OK):
        fail("LL_BINARY does not name the built program")

    tmp = tempfile.mkdtemp(prefix="ll-a11y-")
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
    env["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
    env["GSETTINGS_BACKEND"] = "memory"
    workbook = os.path.join(tmp, "Sample.llw")
    app_process = None
    try:
        made = subprocess.run([binary, "--generate-sample=1", workbook], env=env,
                              capture_output=True, text=True, timeout=60)
        if made.returncode != 0 or not os.path.exists(workbook):
            fail("could not make a sample workbook: " + made.stderr.strip())

        app_process = subprocess.Popen([binary, workbook], env=env)
        deadline = time.monotonic() + TIMEOUT
        found, app = {}, None
        missing = list(PLACES) + ["Main Menu"]
        while time.monotonic() < deadline:
            if app_process.poll() is not None:
                fail("the application exited early with status %d" % app_process.returncode)
            app = find_app(app_process.pid)
            if app is not None:
                found = snapshot(app)
                missing = [name for name in list(PLACES) + ["Main Menu"] if name not in found]
                if not missing:
                    break
            time.sleep(0.5)

        if app is None:
            fail("the application did not appear on the accessibility bus within %d s" % TIMEOUT)
        if missing:
            fail("no accessible named %s; seen: %s" % (", ".join(missing), sorted(found)[:40]))

        for place in PLACES:
            if not found[place] & {"list item", "label"}:
                fail("%s is exposed as %s, not as a list item" % (place, sorted(found[place])))
        if not found["Main Menu"] & {"push button", "toggle button", "button"}:
            fail("Main Menu is exposed as %s, not as a button" % sorted(found["Main Menu"]))
        print("a11y-smoke: found %s and Main Menu" % ", ".join(PLACES))
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
