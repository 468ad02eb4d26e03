#!/usr/bin/env bash
# Run the demo's task worker in the background and the web server in the foreground;
# Ctrl-C stops both.
set -euo pipefail
host="$1"
port="$2"
var_dir="${SALA_VAR_DIR:-var}"
standins_file="$var_dir/standins.json"
# The stand-ins for Telegram and the SMS gateway, first: the settings of every process
# below read where they listen from $standins_file (sala/settings/demo.py).
rm -f "$standins_file"
.venv/bin/python -m standins --portal "http://$host:$port" --write "$standins_file" &
standins=$!
# The CamDigiKey stand-in sets up its own database first: allow it a minute on a busy machine.
for _ in $(seq 300); do [ -s "$standins_file" ] && break; sleep 0.2; done
.venv/bin/python manage.py run_worker --no-reload --interval 1 &
worker=$!
# The notifications outbox: retries, lost tasks and daily digests, every minute.
.venv/bin/python manage.py sweep_outbox --every 60 -v0 &
sweeper=$!
# News sources (the demo feeds are served by this demo itself, on loopback), every minute.
.venv/bin/python manage.py poll_sources --every 60 -v0 &
poller=$!
# The Telegram bot reads what the demo phone sends (getUpdates), every second.
.venv/bin/python manage.py telegram_bot poll -v0 &
bot=$!
trap 'kill "$worker" "$sweeper" "$poller" "$bot" "$standins" 2>/dev/null; wait "$worker" "$sweeper" "$poller" "$bot" "$standins" 2>/dev/null' EXIT INT TERM
.venv/bin/gunicorn sala.wsgi --bind "$host:$port" --workers 2 --threads 4 --limit-request-line 8190 \
  --error-logfile - --log-level warning
