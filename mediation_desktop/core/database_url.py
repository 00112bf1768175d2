"""Which database a data folder uses: its own SQLite file, or a PostgreSQL server named by a URL.

One rule for every front end (``--database-url``, env ``MEDIATION_DESKTOP_DATABASE_URL``, the GUI's
setting stored in the data folder): only PostgreSQL URLs are accepted, spelled as the user likes
(``postgresql://``, ``postgres://`` or ``postgresql+psycopg://``) and normalised to the driver the app
ships (psycopg 3). The password never appears in messages or logs (``masked``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from mediation_desktop.core.errors import UserError

ENV_DATABASE_URL = "MEDIATION_DESKTOP_DATABASE_URL"
SETTING_FILE = "database.json"   # in the data folder: the GUI's 数据库服务器 setting
MAX_URL_LENGTH = 2000
_SCHEMES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
            "postgresql+psycopg": "postgresql+psycopg"}


def normalise_database_url(text: str) -> str:
    """The URL in the form the storage layer opens, or E_DATABASE_URL saying what is wrong."""
    raw = (text or "").strip()
    if not raw:
        raise UserError("E_DATABASE_URL", "数据库地址为空。应为 postgresql://用户名:密码@服务器:5432/数据库名")
    if len(raw) > MAX_URL_LENGTH or any(ord(ch) < 32 or ord(ch) == 127 for ch in raw):
        raise UserError("E_DATABASE_URL", "数据库地址过长或含有控制字符。应为 postgresql://用户名:密码@服务器:5432/数据库名")
    try:
        parts = urlsplit(raw)
        port = parts.port   # a port that is not a number raises here
    except ValueError:
        raise UserError("E_DATABASE_URL", "数据库地址无法识别（端口应为数字）。应为 postgresql://用户名:密码@服务器:5432/数据库名") from None
    scheme = _SCHEMES.get(parts.scheme.lower())
    if scheme is None:
        raise UserError("E_DATABASE_URL", f"不支持的数据库地址类型“{parts.scheme or '（无）'}”：只能连接 PostgreSQL，"
                        "地址应为 postgresql://用户名:密码@服务器:5432/数据库名；不填则使用数据目录中的本机数据库")
    database = parts.path.lstrip("/")
    if not parts.hostname and "host=" not in parts.query:
        raise UserError("E_DATABASE_URL", "数据库地址缺少服务器名称或 IP。应为 postgresql://用户名:密码@服务器:5432/数据库名")
    if not database or "/" in database:
        raise UserError("E_DATABASE_URL", "数据库地址缺少数据库名（或含有多余的“/”）。应为 postgresql://用户名:密码@服务器:5432/数据库名")
    if port is not None and not 0 < port < 65536:
        raise UserError("E_DATABASE_URL", f"数据库端口 {port} 不在 1–65535 之间")
    return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))


def masked(url: str) -> str:
    """The URL with its password replaced by ***, for messages, logs and the window title."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "（无法识别的地址）"
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, ""))


def stored_database_url(root: Path) -> str | None:
    """The URL saved by the GUI's setting in the data folder (None when there is none or it is unreadable)."""
    try:
        data = json.loads((root / SETTING_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.strip() else None


def save_database_url(root: Path, url: str | None) -> None:
    """Store (or with None, clear) the data folder's server URL. Stored as typed after checking;
    the folder is the user's own and already holds the node's private keys."""
    path = root / SETTING_FILE
    if url is None or not url.strip():
        path.unlink(missing_ok=True)
        return
    normalise_database_url(url)
    root.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.part")
    tmp.write_text(json.dumps({"url": url.strip()}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def configured_database_url(root: Path, explicit: str | None = None) -> str | None:
    """The server URL in force, normalised, or None for the data folder's SQLite file.

    Order: the explicit value (``--database-url``), then env ``MEDIATION_DESKTOP_DATABASE_URL``, then
    the GUI's setting in the data folder."""
    for candidate in (explicit, os.environ.get(ENV_DATABASE_URL), stored_database_url(root)):
        if candidate is not None and candidate.strip():
            return normalise_database_url(candidate)
    return None
