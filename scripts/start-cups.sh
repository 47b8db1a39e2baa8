#!/usr/bin/env bash
# Starts the machine's CUPS scheduler (Debian's `cups`) for the spooler test
# (native-bridge/printer/spooler.test.ts), which adds a raw queue pointing at
# its virtual printer and removes it afterwards. Without CUPS the test skips
# and says why; this script only warns.
set -uo pipefail
if ! command -v cupsd >/dev/null 2>&1; then
  echo "start-cups: cupsd not installed (apt-get install cups cups-client): the CUPS queue test will skip"
  exit 0
fi
if lpstat -r 2>/dev/null | grep -q "is running"; then
  echo "start-cups: scheduler already running"
  exit 0
fi
(service cups start >/dev/null 2>&1 || cupsd) || true
for _ in $(seq 1 50); do
  if lpstat -r 2>/dev/null | grep -q "is running"; then
    echo "start-cups: scheduler running"
    exit 0
  fi
  sleep 0.2
done
echo "start-cups: the scheduler did not start: the CUPS queue test will skip"
