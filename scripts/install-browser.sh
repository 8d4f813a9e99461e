#!/usr/bin/env bash
# Installs what the browser tools need, from Debian's packages, only when missing:
# Chromium and a CJK font (without one, Chinese prints as empty boxes and the print check
# must notice), and with `--nginx` also nginx (the deploy test serves dist/ through it).
# Nothing here can download a browser build. Run only by the npm scripts that need a
# browser (`npm test`, `test:browser`, `cards:pdf`); `npm run build` never runs it.
#
# CHROMIUM_PATH names another Chromium (e.g. on macOS); it is then used as it is.
# Exit codes: 0 all present (or installed), 1 something missing and not root (the
# message names the apt-get command to run).
set -euo pipefail
need=()
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || need+=(chromium)
if [ -z "${CHROMIUM_PATH:-}" ]; then
	# Not `grep -q`: it exits at the first match, fc-list dies of SIGPIPE, and with
	# pipefail the font would count as missing (and apt-get would run every time).
	fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
fi
if [ "${1:-}" = "--nginx" ]; then
	[ -x /usr/sbin/nginx ] || need+=(nginx)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "install-browser: missing ${need[*]}; run: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
	exit 1
fi
echo "install-browser: installing ${need[*]} from Debian's packages" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
