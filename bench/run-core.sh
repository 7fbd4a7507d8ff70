#!/usr/bin/env bash
# The Order Handler's numbers for docs/benchmarks.md: order creation (handler vs raw ADO.NET) and a
# customer's first page at 10k and 1M orders, on SQLite and on a throwaway PostgreSQL.
set -euo pipefail
here=$(dirname "$0")
dotnet build -c Release "$here/OrderBot.Bench" >/dev/null
run() { dotnet run -c Release --no-build --project "$here/OrderBot.Bench" -- "$@"; }
run orders --provider sqlite --writers 1,16 --seconds "${SECONDS_PER_RUN:-10}"
"$here/run-postgres.sh" orders --provider postgres --writers 1,16 --seconds "${SECONDS_PER_RUN:-10}"
run pages --provider sqlite
"$here/run-postgres.sh" pages --provider postgres
