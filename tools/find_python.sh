#!/bin/sh
# Print the first Python interpreter on PATH that is 3.11 or newer, or explain and fail.
for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3 python; do
  [ -n "$candidate" ] || continue
  command -v "$candidate" >/dev/null 2>&1 || continue
  if "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    command -v "$candidate"
    exit 0
  fi
done
echo "Sala needs Python 3.11 or newer with the venv module, and none was found on PATH." >&2
echo "Install it (Debian/Ubuntu: apt install python3 python3-venv) or set PYTHON=/path/to/python3.11." >&2
exit 1
