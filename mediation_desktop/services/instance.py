"""The GUI's claim on a data folder: one window per folder.

A second window is refused rather than opened read-only: on a shared office PC a read-only
second window would show stale data and invite edits that cannot be saved; switching to the open
window is the clear answer. The command line does not take this lock: SQLite serialises writers
(``BEGIN IMMEDIATE`` with a busy timeout), so a command run while the window is open either
commits whole or reports that the database is busy. Only ``restore`` (which replaces the file)
refuses while the window holds the folder.
"""

from __future__ import annotations

import time

from mediation_desktop.core.errors import UserError
from mediation_desktop.paths import DataPaths
from mediation_desktop.storage.lock import InstanceLock


def lock_path(paths: DataPaths):  # a Path
    return paths.root / "mediation.lock"


def claim_data_folder(paths: DataPaths, retries: int = 3) -> InstanceLock:
    """Take the folder for this window; keep the returned lock for the window's lifetime."""
    paths.root.mkdir(parents=True, exist_ok=True)
    from mediation_desktop.core.database_url import configured_database_url

    if configured_database_url(paths.root) is not None:
        # A PostgreSQL server: several staff and windows at once, writers queue on the server.
        from mediation_desktop.storage.lock import NoFolderLock

        server_lock = NoFolderLock(lock_path(paths))
        server_lock.acquire()
        return server_lock
    lock = InstanceLock(lock_path(paths))
    for attempt in range(retries):
        if lock.acquire():
            return lock
        time.sleep(0.1 * (attempt + 1))  # a command-line probe holds it for a moment only
    holder = lock.holder() or {}
    who = f"（进程 {holder.get('pid')}，自 {str(holder.get('since', ''))[:16].replace('T', ' ')} 起）" if holder else ""
    raise UserError("E_ALREADY_RUNNING", f"调解工作台已经打开了数据目录 {paths.root}{who}。"
                    "请切换到已经打开的窗口；同一数据目录同时只能打开一个窗口")
