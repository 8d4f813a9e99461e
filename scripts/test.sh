#!/usr/bin/env bash
# `npm test`: every check and test, stopping at the first stage that fails (exit 1):
#
#   1. validate the content (fast; a content error stops everything at once);
#   2. type check ‖ unit tests ‖ install Chromium, fonts and nginx if missing;
#   3. build the site, with the cards linking their PDFs;
#   4. print every card to PDF (each card once; the print test reads what this wrote);
#   5. validate the built site (links, and the PDFs they point at);
#   6. browser tests.
#
# Only step 2 runs side by side: the type check and the unit tests each leave a core idle
# much of the time, and the install waits on the network. Chromium work does not gain from
# it on these two-core machines: printing beside the browser tests took longer than one
# after the other (measured: 352 s against 330 s), and two browser test files side by side
# each ran about 1.8 times slower (299 s against 314 s for all of them).
# `concurrently --kill-others-on-fail` stops the others when one fails and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

# Each stage's time goes to the log, so a slow CI run shows where the time went.
stage() {
	local name=$1 start=$SECONDS
	shift
	"$@"
	echo "[test] ${name}: $((SECONDS - start)) s (${SECONDS} s in all)"
}

stage validate npm run validate
stage 'check, unit, setup' concurrently --kill-others-on-fail --prefix '[{name}]' --names check,unit,setup \
	'npm run check' 'npm run test:unit' 'bash scripts/install-browser.sh --nginx'
stage build env POSKB_CARD_PDFS=1 npm run build
stage cards:pdf npm run cards:pdf
stage validate:built npm run validate:built
stage browser npm run test:browser
