#!/usr/bin/env bash
# Run the demo's task worker in the background and the web server in the foreground;
# Ctrl-C stops both.
set -euo pipefail
host="$1"
port="$2"
.venv/bin/python manage.py run_worker --no-reload --interval 1 &
worker=$!
# The notifications outbox: retries, lost tasks and daily digests, every minute.
.venv/bin/python manage.py sweep_outbox --every 60 -v0 &
sweeper=$!
# News sources (the demo feeds are served by this demo itself, on loopback), every minute.
.venv/bin/python manage.py poll_sources --every 60 -v0 &
poller=$!
trap 'kill "$worker" "$sweeper" "$poller" 2>/dev/null; wait "$worker" "$sweeper" "$poller" 2>/dev/null' EXIT INT TERM
.venv/bin/gunicorn sala.wsgi --bind "$host:$port" --workers 2 --threads 4 \
  --error-logfile - --log-level warning
