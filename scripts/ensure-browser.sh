#!/usr/bin/env bash
# Browser tests need Debian's Chromium and a CJK font (without one, Chinese prints as
# empty boxes and the print test must notice). Nothing here can download a browser
# build, so we use the distribution's packages. Installs only what is missing.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "ensure-browser: missing ${need[*]}; run: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
	exit 1
fi
echo "ensure-browser: installing ${need[*]} from Debian's packages" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
