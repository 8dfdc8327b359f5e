#!/usr/bin/env bash
# Installs what the tests need beyond Java and Maven: Debian's Chromium and its WebDriver for the browser test of the
# advisor form (de.lotse.web.AdvisorFormBrowserTest) and the DejaVu fonts. Idempotent: when everything is present it
# only checks and exits. Without root (and without sudo) it prints what is missing and exits 0 — the browser test
# then skips itself with a message, and every other test still runs.
set -euo pipefail

packages=(chromium chromium-driver fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ] && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "test-setup: chromium, chromedriver and DejaVu fonts are installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-setup: no apt-get here; install ${missing[*]:-chromium chromium-driver} yourself to run the browser test" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "test-setup: not root and no password-less sudo; missing: ${missing[*]}. The browser test will be skipped." >&2
  exit 0
fi

echo "test-setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "test-setup: done ($(/usr/bin/chromium --version 2>/dev/null || echo 'chromium not found'))"
