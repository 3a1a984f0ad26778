"""Resolve every tracked change of a Word document in LibreOffice, as an editor
would with Edit > Track Changes > Accept All (or Reject All), and save the
result as .docx.

    /usr/bin/python3 lo-review.py accept|reject IN.docx OUT.docx PROFILE_DIR

Runs a headless LibreOffice of its own on a private pipe and user profile,
so that parallel tests do not meet. It needs Debian's libreoffice-writer (the
-nogui build lacks the .ui files a document view with comments needs) and
python3-uno, run by Debian's /usr/bin/python3.
"""
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    mode, source, target, profile = sys.argv[1:5]
    soffice = os.environ.get("SOFFICE_PATH", "/usr/bin/soffice")
    pipe = "overens" + uuid.uuid4().hex
    installation = "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile))
    # A new profile makes LibreOffice restart once on its first start, which drops a connection made
    # to it: make the profile first.
    subprocess.run([soffice, installation, "--headless", "--terminate_after_init"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    office = subprocess.Popen(
        [
            soffice,
            installation,
            "--headless",
            "--invisible",
            "--norestore",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(600):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                time.sleep(0.1)
        if context is None:
            raise SystemExit("LibreOffice did not start")
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "MS Word 2007 XML"),))
        # Closed, so that no lock file stays beside the input.
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
