"""What every planner process sets in its environment before the libraries that read it are imported.

Both entry points call :func:`prepare_environment` first: the command line (:func:`planner.cli.main`) and the app
(:func:`planner.ui.app.run`). Nothing here imports numpy or matplotlib; the settings only take effect because
they are made before those are imported. A setting the user made themselves always wins.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import MutableMapping
from pathlib import Path

APP_FOLDER = "scaling-roadmap-planner"


def prepare_environment(environ: MutableMapping[str, str] | None = None) -> None:
    """Set, unless the user did, what numpy and matplotlib read when they are imported:

    - ``OPENBLAS_NUM_THREADS=1``: numpy's OpenBLAS starts a thread per core when numpy is imported (~0.08 s of CPU
      for every command, ~0.05 s of wall time in the app); the planner's few matrix products are small and gain
      nothing from them (issue 12).
    - ``MPLCONFIGDIR``, only when matplotlib's own folders cannot be made or written (a read-only or missing home,
      as in a container or a locked-down account): matplotlib would otherwise print two warnings to the standard
      error of every command that draws ("Matplotlib created a temporary cache directory...") and build its font
      cache again on every start (0.3-0.7 s). It goes to a folder of the user's own in the temporary folder, kept
      between runs.
    """
    env = os.environ if environ is None else environ
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    if env.get("MPLCONFIGDIR"):  # (matplotlib takes an empty value as unset)
        return
    if all(_usable(folder) for folder in _matplotlib_folders(env)):
        return
    fallback = _own_temp_folder("matplotlib")
    if fallback is not None:
        env["MPLCONFIGDIR"] = str(fallback)


def _matplotlib_folders(env: MutableMapping[str, str]) -> list[Path | None]:
    """The configuration and cache folders matplotlib uses without ``MPLCONFIGDIR`` (its
    ``_get_config_or_cache_dir``), None where it cannot name one (no home)."""
    home = env.get("HOME") or _account_home()
    if sys.platform.startswith(("linux", "freebsd")):
        config, cache = env.get("XDG_CONFIG_HOME"), env.get("XDG_CACHE_HOME")
        return [
            Path(config, "matplotlib") if config else Path(home, ".config", "matplotlib") if home else None,
            Path(cache, "matplotlib") if cache else Path(home, ".cache", "matplotlib") if home else None,
        ]
    if sys.platform == "win32":
        old = Path(os.path.expanduser("~"), ".matplotlib")
        local = env.get("LOCALAPPDATA")
        return [old if old.is_dir() or not local else Path(local, "matplotlib")]
    return [Path(home, ".matplotlib") if home else None]


def _account_home() -> str:
    """The home folder of this account when ``HOME`` is not set (where ``Path.home()`` then looks), else ""."""
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):  # (Windows; an account without an entry, as in some containers)
        return ""


def _usable(folder: Path | None) -> bool:
    """Whether matplotlib can keep its files in ``folder``: made if missing, as matplotlib itself does when it is
    imported (so the check says what matplotlib would find; ``os.access`` alone says yes to root for /proc)."""
    if folder is None:
        return False
    try:
        folder = folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
    except (
        OSError,
        RuntimeError,
        ValueError,
    ):  # (RuntimeError: a symlink loop; ValueError: a NUL in the name)
        return False
    return folder.is_dir() and os.access(folder, os.W_OK)


def _own_temp_folder(name: str) -> Path | None:
    """``<temporary folder>/scaling-roadmap-planner-<user>/<name>``, made private to this user, or None when it
    cannot be made or is not this user's alone (another account could have made it first in a shared /tmp)."""
    import tempfile  # (here, not at the top: it imports shutil, lzma and random, ~10 ms every command would pay)

    posix = hasattr(os, "getuid")
    user = str(os.getuid()) if posix else (os.environ.get("USERNAME") or "user")
    try:
        root = Path(tempfile.gettempdir(), f"{APP_FOLDER}-{user}")
        root.mkdir(mode=0o700, exist_ok=True)
        info = root.lstat()
        if not stat.S_ISDIR(info.st_mode):  # (a symlink or a file put there)
            return None
        if posix and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            return None
        folder = root / name
        folder.mkdir(mode=0o700, exist_ok=True)
    except (OSError, ValueError):
        return None
    return folder if folder.is_dir() and os.access(folder, os.W_OK) else None
