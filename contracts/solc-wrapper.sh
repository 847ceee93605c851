#!/bin/sh
# forge cannot download a native solc here; this wrapper runs the npm solcjs pinned in tools/package.json.
# forge calls `solc --version` and `solc --standard-json [--base-path P --include-path P --allow-paths P]`
# with the input on stdin; solcjs' own CLI rejects those flags, so we call its compile API directly.
TOOLS="$(cd "$(dirname "$0")/../tools" && pwd)"
exec node "$(dirname "$0")/solc-wrapper.js" "$TOOLS" "$@"
