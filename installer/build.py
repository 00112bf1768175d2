"""One command from a checkout to the Windows installer: PyInstaller, smoke test, then makensis.

    python installer/build.py                 # dist/mediation-desktop + dist/mediation-desktop-<v>-setup.exe
    python installer/build.py --dist /tmp/d --work /tmp/w --no-installer

On Linux the same command builds and smoke-tests a Linux bundle, which proves the spec (hidden imports,
data files, Qt plugins); when makensis is installed it also checks that the NSIS script compiles
(the result is not a usable installer: PyInstaller cannot cross-build Windows executables).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
SPEC = INSTALLER / "mediation-desktop.spec"
NSI = INSTALLER / "mediation-desktop.nsi"
BUNDLE_NAME = "mediation-desktop"

sys.path.insert(0, str(INSTALLER))
from smoke import SmokeFailure, smoke_test  # noqa: E402


def app_version() -> str:
    sys.path.insert(0, str(ROOT))
    from mediation_desktop import __version__

    return __version__


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> Path:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / BUNDLE_NAME


def run_makensis(bundle: Path, dist: Path, version: str) -> Path | None:
    makensis = shutil.which("makensis")
    if makensis is None:
        print("makensis not found: skipping the installer (install NSIS 3 and put it on PATH)")
        return None
    windows = sys.platform == "win32"
    out = dist / (f"{BUNDLE_NAME}-{version}-setup.exe" if windows else f"{BUNDLE_NAME}-nsis-compile-check.exe")
    dash = "/" if windows else "-"
    cmd = [makensis, f"{dash}INPUTCHARSET", "UTF8", f"{dash}DVERSION={version}",
           f"{dash}DDIST_DIR={bundle}", f"{dash}DOUT_FILE={out}"]
    if not windows:
        # Only proving that the script compiles: fast compression and the Linux executable names.
        cmd += [f"{dash}DEXE_SUFFIX=", f"{dash}XSetCompressor /FINAL zlib"]
    subprocess.run(cmd + [str(NSI)], check=True, cwd=INSTALLER)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the frozen bundle and the Windows installer.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's working folder (default: build/pyinstaller)")
    parser.add_argument("--no-smoke", action="store_true", help="skip running the frozen app")
    parser.add_argument("--no-installer", action="store_true", help="skip makensis")
    args = parser.parse_args(argv)

    version = app_version()
    started = time.monotonic()
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    built = time.monotonic() - started
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB, built in {built:.0f} s)")

    if not args.no_smoke:
        try:
            for step in smoke_test(bundle):
                print(f"smoke ok  {step}")
        except SmokeFailure as exc:
            print(f"smoke test FAILED: {exc}", file=sys.stderr)
            return 1
    if not args.no_installer:
        installer = run_makensis(bundle, args.dist.resolve(), version)
        if installer is not None:
            print(f"installer: {installer} ({installer.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
