"""The window's 数据库服务器 setting: try a PostgreSQL URL, and store it in the data folder.

The setting takes effect the next time the program starts (the open database is not swapped under
a running window); ``--database-url`` and env ``MEDIATION_DESKTOP_DATABASE_URL`` override it
(core.database_url holds the order and the URL rule)."""

from __future__ import annotations

from mediation_desktop.core.database_url import (
    masked,
    normalise_database_url,
    save_database_url,
    stored_database_url,
)
from mediation_desktop.paths import DataPaths


def try_connection(url_text: str) -> str:
    """A Chinese sentence saying the server answered (E_DATABASE_URL / E_DATABASE_CONNECT otherwise).
    Slow when the server does not answer (up to the connect timeout): call it off the GUI thread."""
    from mediation_desktop.storage.engine import probe_server

    url = normalise_database_url(url_text)
    version, migrated = probe_server(url)
    state = "已有调解工作台的数据表" if migrated else "还没有数据表（保存后首次启动时建立，之后需完成初始化）"
    return f"连接成功：{masked(url)}，PostgreSQL {version}，{state}。"


def current_setting(paths: DataPaths) -> str:
    return stored_database_url(paths.root) or ""


def save_setting(paths: DataPaths, url_text: str) -> None:
    """Store the URL (checked first), or with empty text go back to the data folder's own database."""
    save_database_url(paths.root, url_text.strip() or None)
