#!/usr/bin/env bash
# The heavy versions of the reliability tests (docs/reliability.md). CI runs the same tests at a smaller scale.
#   scripts/reliability.sh crash [conversations]   SIGKILL mid-traffic and restart (default 1,000 conversations)
#   scripts/reliability.sh fuzz [cases]            webhook, chat and REST fuzzing (default 100,000 cases each)
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  crash)
    export ORDERBOT_CRASH_CONVERSATIONS="${2:-1000}"
    filter="FullyQualifiedName~Reliability.CrashTests"
    ;;
  fuzz)
    export ORDERBOT_FUZZ_CASES="${2:-100000}"
    filter="FullyQualifiedName~Reliability.WebhookFuzzTests|FullyQualifiedName~Reliability.ChatFuzzTests|FullyQualifiedName~Reliability.RestFuzzTests"
    ;;
  *)
    echo "usage: $0 crash [conversations] | fuzz [cases]" >&2
    exit 2
    ;;
esac

dotnet test tests/OrderBot.Tests --filter "$filter" --logger "console;verbosity=detailed"
