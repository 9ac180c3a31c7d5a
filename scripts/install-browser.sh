#!/usr/bin/env bash
# Installs what the browser tests need from Debian's packages when it is missing:
# Chromium (playwright-core drives it; its own browser download cannot work here) and the CJK
# fonts without which Chinese renders as empty boxes in screenshots.
set -euo pipefail

have_browser() { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; }
have_fonts() { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -qi 'noto'; }

if have_browser && have_fonts; then
  echo "install-browser: chromium and CJK fonts present"
  exit 0
fi

run_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "install-browser: need root to install chromium and fonts-noto-cjk (apt-get)" >&2
    exit 1
  fi
}

echo "install-browser: installing chromium and fonts-noto-cjk"
run_as_root apt-get update -qq
run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
have_browser || { echo "install-browser: chromium still missing" >&2; exit 1; }
