#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, starts a throw-away
# PostgreSQL for the consolidated-database tests, runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# 1. System packages (Debian/Ubuntu, only when run as root): Qt's xcb/offscreen libraries, CJK fonts,
#    LibreOffice for converting documents to PDF, poppler for reading PDFs back, PostgreSQL,
#    NSIS so the packaging test compiles the Windows installer script.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  need=()
  for pkg in xvfb xauth libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
             libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
             libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 \
             fonts-noto-cjk fonts-wqy-microhei fonts-liberation2 libreoffice-writer-nogui poppler-utils \
             postgresql nsis; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -q -o DPkg::Lock::Timeout=120
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o DPkg::Lock::Timeout=120 "${need[@]}"
  fi
fi

# 2. Python packages in a virtual environment beside the checkout.
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,build]" 2>&1 | grep -v "is ignored" || true
.venv/bin/python -c "import mediation_desktop, PySide6, pytest, pytestqt, hypothesis, psycopg, mypy, ruff, PyInstaller" \
  || { echo "the Python packages did not install"; exit 1; }

# 3. A PostgreSQL server of our own (port 55432, data in a temporary folder), when the binaries exist.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PGDIR=""
cleanup() {
  if [ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [ -n "$PGDIR" ] && rm -rf "$PGDIR"
}
trap cleanup EXIT
if [ -n "$PGBIN" ] && [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && [ -z "${MEDIATION_DESKTOP_TEST_PG_URL:-}" ]; then
  PGDIR=$(mktemp -d /tmp/md-pg.XXXXXX)
  chown postgres:postgres "$PGDIR" && chmod 700 "$PGDIR"
  if runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
     && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
          -o "-c listen_addresses=127.0.0.1 -p 55432 -k $PGDIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null; then
    export MEDIATION_DESKTOP_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:55432/postgres"
    echo "PostgreSQL started for the consolidated-database tests"
  else
    echo "PostgreSQL could not start; its tests will be skipped (and fail when CI is set)"; cat "$PGDIR"/*.log || true
  fi
fi

# 4. Static checks first: a type error or a lint finding fails the run before the tests start.
#    Configuration in pyproject.toml ([tool.mypy], [tool.ruff]).
if .venv/bin/python -m ruff check --quiet . ; then
  echo "ruff: no findings"
else
  echo "ruff: findings above (fix them, or run: .venv/bin/ruff check --fix FILE)"; exit 1
fi
if mypy_out=$(.venv/bin/python -m mypy 2>&1); then
  echo "mypy: $(echo "$mypy_out" | tail -1)"
else
  echo "$mypy_out"; echo "mypy: type errors above"; exit 1
fi

# 5. The suite. Qt runs offscreen; fontconfig maps 宋体/仿宋/黑体 to the Noto CJK faces for PDFs.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# The frozen bundle is built and smoke-tested too (tests/unit/test_packaging.py; about 110 s here).
# MEDIATION_DESKTOP_TEST_FREEZE=0 leaves it out of a quick local run.
export MEDIATION_DESKTOP_TEST_FREEZE=${MEDIATION_DESKTOP_TEST_FREEZE:-1}
[ -f resources/fonts-zh.conf ] && export FONTCONFIG_FILE="$ROOT/resources/fonts-zh.conf"
set +e
.venv/bin/python -m pytest -p no:cacheprovider "$@"
status=$?
set -e
# pytest's 5 means no test ran: that is a failure here, not a pass.
exit $status
