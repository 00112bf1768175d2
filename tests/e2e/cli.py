"""Running the real command line in a subprocess, as a user or a script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def run_cli(data_dir: Path, *args: str, user: str = "测试员", env: dict | None = None, timeout: int = 120) -> Result:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("MEDIATION_DESKTOP_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "mediation_desktop", "--data-dir", str(data_dir), "--user", user, *args],
        capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=timeout, stdin=subprocess.DEVNULL,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)
