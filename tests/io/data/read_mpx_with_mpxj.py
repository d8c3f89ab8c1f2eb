"""Read .mpx files with MPXJ and print what it found as JSON (the oracle of tests/io/test_s18_mpx_mpxj.py; needs
java and ``pip install mpxj jpype1``; not run by the tests themselves).

    python read_mpx_with_mpxj.py FILE.mpx ...   (other files, such as .xml, are read with MPXJ's UniversalProjectReader)

Per file: the project start and finish, and per task its ID, unique ID, name, outline level, duration (MPXJ's
text, such as ``5.0d``), start and finish (ISO), milestone and summary flags, % complete, and its predecessors as
(task ID, type, lag text). A file whose name ends in ``.de.mpx`` is read with MPXJ's German locale (MPXJ does not
tell the language of an MPX file itself).
"""

from __future__ import annotations

import json
import sys


def main(paths: list[str]) -> None:
    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

    jpype.startJVM()
    from java.util import Locale

    try:
        from org.mpxj.mpx import MPXReader
        from org.mpxj.reader import UniversalProjectReader
    except ImportError:  # MPXJ before 13
        from net.sf.mpxj.mpx import MPXReader
        from net.sf.mpxj.reader import UniversalProjectReader

    out = {}
    for path in paths:
        if path.endswith(".mpx"):
            reader = MPXReader()
            if path.endswith(".de.mpx"):
                reader.setLocale(Locale.GERMAN)
            project = reader.read(path)
        else:  # another format (the MS Project XML export, to compare with)
            project = UniversalProjectReader().read(path)
        tasks = []
        for t in project.getTasks():
            preds = [
                [int(r.getPredecessorTask().getID()), str(r.getType()), str(r.getLag())]
                for r in (t.getPredecessors() or [])
            ]
            tasks.append(
                {
                    "id": None if t.getID() is None else int(t.getID()),
                    "uid": None if t.getUniqueID() is None else int(t.getUniqueID()),
                    "name": str(t.getName()),
                    "level": None if t.getOutlineLevel() is None else int(t.getOutlineLevel()),
                    "duration": str(t.getDuration()),
                    "start": str(t.getStart()),
                    "finish": str(t.getFinish()),
                    "milestone": bool(t.getMilestone()),
                    "summary": bool(t.getSummary()),
                    "percent": float(t.getPercentageComplete() or 0),
                    "predecessors": preds,
                }
            )
        props = project.getProjectProperties()
        out[path] = {"start": str(props.getStartDate()), "finish": str(props.getFinishDate()), "tasks": tasks}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
