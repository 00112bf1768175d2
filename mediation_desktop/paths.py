"""Every folder the app uses, from one place (``--data-dir`` / env redirect them all for tests)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mediation_desktop import APP_NAME

ENV_DATA_DIR = "MEDIATION_DESKTOP_DATA_DIR"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resources_dir() -> Path:
    """The templates, holiday tables and fonts configuration, in each of the three layouts:
    a frozen bundle (``sys._MEIPASS/resources``), a wheel or regular install (pyproject.toml maps the
    top-level folder to ``mediation_desktop/resources``), and a source checkout (beside the package)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @classmethod
    def resolve(cls, data_dir: str | Path | None = None) -> DataPaths:
        chosen = data_dir or os.environ.get(ENV_DATA_DIR) or default_data_dir()
        return cls(Path(chosen).expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.root / "mediation.sqlite3"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def holidays(self) -> Path:
        return self.root / "holidays"

    @property
    def templates(self) -> Path:
        """User templates that override the built-in ones (same file names)."""
        return self.root / "templates"

    @property
    def log_file(self) -> Path:
        return self.logs / "mediation-desktop.log"

    def ensure(self) -> None:
        for folder in (self.root, self.documents, self.attachments, self.backups, self.logs, self.holidays):
            folder.mkdir(parents=True, exist_ok=True)
