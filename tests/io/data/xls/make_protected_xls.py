"""Make tests/io/data/xls/protected.xls: LibreOffice saves formats.xlsx as an Excel 97-2003 workbook with the
password "secret" (through UNO: apt install libreoffice-calc-nogui python3-uno; the system Python, which has uno).
Not run by the tests:

    /usr/bin/python3 tests/io/data/xls/make_protected_xls.py tests/io/data/xls/formats.xlsx \
        "$PWD/tests/io/data/xls/protected.xls" secret
"""

import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


src, dst, password = sys.argv[1:4]
office = subprocess.Popen(
    ["soffice", "--headless", "--invisible", "--norestore", "--accept=socket,host=localhost,port=2002;urp;"]
)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(60):
        try:
            ctx = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext")
            break
        except Exception:  # noqa: BLE001 - UNO's NoConnectException until the office listens
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(
        uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Excel 97"), prop("Password", password))
    )
    doc.close(True)
finally:
    office.terminate()
