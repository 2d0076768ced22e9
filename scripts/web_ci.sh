#!/usr/bin/env bash
# Issue 15: build the compliance officer's page (web/dist) and test it in a real browser.
# Self-contained for a clean clone: its own venv (web/.venv: the library, pytest, build, playwright),
# npm for the pinned Pyodide and Debian's Chromium, installed with apt-get when absent (never a browser
# download). The browser test must run here: KLACHTREGELS_WEB_REQUIRED=1 turns its skips into failures.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off

need_apt=()
command -v npm >/dev/null || need_apt+=(npm)
[ -x "${KLACHTREGELS_CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== apt-get install ${need_apt[*]}"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "== web: venv (web/.venv)"
[ -x web/.venv/bin/python ] || python3 -m venv web/.venv  # with pip: build_web.py runs it
# openpyxl writes the test's .xlsx (and reads it here, as in the page); icalendar: the CLI's .ics.
# uv when there is one (CI's dev environment has it: seconds instead of minutes), else pip.
web_deps=(-e ".[ics]" openpyxl pytest hypothesis build playwright)
uv_="$(command -v uv || true)"
if [ -z "$uv_" ] && [ -x .venv/bin/uv ]; then uv_=.venv/bin/uv; fi
if [ -n "$uv_" ]; then
  "$uv_" pip install --quiet --python web/.venv/bin/python "${web_deps[@]}"
else
  web/.venv/bin/pip install --quiet "${web_deps[@]}"
fi

echo "== web: build web/dist"
web/.venv/bin/python scripts/build_web.py

echo "== web: browser test (Playwright, system Chromium) and the Node smoke test"
metrics="$(mktemp)"
KLACHTREGELS_WEB_REQUIRED=1 KLACHTREGELS_WEB_METRICS="$metrics" \
  web/.venv/bin/python -m pytest -q -p no:randomly -p no:cacheprovider tests/web
echo "web metrics: $(tr -d '\n ' <"$metrics")"
rm -f "$metrics"
