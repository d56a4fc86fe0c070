#!/usr/bin/env bash
# Set up inspector_app in ./.venv (Debian packages when run as root, Python packages, translations),
# then start it or run its tests.
#   bash setup.sh start [ARGS...]      set up, then start the app (no ARGS: the GUI)
#   bash setup.sh test [PYTEST ARGS]   set up, then run the whole test suite
#   bash setup.sh env                  set up only
set -euo pipefail
# The app starts in the caller's folder, so a relative path given to it (--db demo.sqlite) means
# what the user sees there; setting up happens in the repository's folder.
CALLER_DIR=$PWD
cd "$(dirname "${BASH_SOURCE[0]}")"
REPO_DIR=$PWD

# What Qt's platform plugins and the CJK text need on Debian/Ubuntu (PLATFORM.md): the font is the
# one TrueType CJK font reportlab can embed; the xcb libraries are for a real display.
DEBIAN_PACKAGES=(fonts-wqy-microhei libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0
  libxkbcommon-x11-0 libglib2.0-0 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0)
# The tests also type into the real app in a real X server (tests/ui/test_real_x.py).
TEST_DEBIAN_PACKAGES=(xvfb xdotool)
# PostgreSQL (server programs) for the tests of the office's PostgreSQL store (docs/postgresql.md):
# installed when run as root (CI); elsewhere those tests are skipped, saying why.
OPTIONAL_DEBIAN_PACKAGES=(postgresql)
PYTHON=${PYTHON:-python3}

system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "setup: not a Debian-like system; make sure a CJK font (WenQuanYi Micro Hei) is installed" >&2
    return 0
  fi
  local missing=() p
  $PYTHON -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ "$(id -u)" = 0 ]; then
    for p in "${OPTIONAL_DEBIAN_PACKAGES[@]}"; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these Debian packages are missing: ${missing[*]}" >&2
    echo "setup: install them once with:  sudo apt-get install ${missing[*]}" >&2
    echo "setup: (or run this script as root; set INSPECTOR_SKIP_SYSTEM=1 to go on without them)" >&2
    [ "${INSPECTOR_SKIP_SYSTEM:-0}" = 1 ] || exit 1
  fi
}

python_packages() {
  if ! $PYTHON -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "setup: Python 3.11 or newer is needed ($PYTHON is $($PYTHON --version 2>&1))" >&2
    exit 1
  fi
  [ -x .venv/bin/python ] || $PYTHON -m venv .venv
  local stamp
  stamp=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev]"
    echo "$stamp" > .venv/.setup-stamp
  fi
}

translations() {
  # .ts are committed, .qm are built (STYLE.md 12).
  .venv/bin/pyside6-lrelease -silent ui/i18n/*.ts >/dev/null
}

command=${1:-start}
[ $# -gt 0 ] && shift
[ "$command" = test ] && DEBIAN_PACKAGES+=("${TEST_DEBIAN_PACKAGES[@]}")
[ "${INSPECTOR_SKIP_SYSTEM:-0}" = 1 ] || system_packages
python_packages
translations
case "$command" in
  start) cd "$CALLER_DIR" && exec "$REPO_DIR/.venv/bin/inspector-app" "$@" ;;
  test)  exec env QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@" ;;
  env)   echo "setup: ready (.venv)" ;;
  *) echo "usage: bash setup.sh start|test|env [ARGS...]" >&2; exit 2 ;;
esac
