#!/usr/bin/env bash
# Soak and load trials of `khanij serve` on loopback (issue 17; figures in docs/reliability.md and docs/benchmarks.md).
#   bench/soak.sh [soak|reads] [DURATION] [CONNECTIONS]
#     soak  (default: 10m, 32 connections) the dashboard's reads over eight minerals, briefs, supply tables and Monte Carlo runs of a
#           bundled scenario, mixed; one line per minute with requests, failures, p50/p99 and the server's resident memory
#     reads (default: 30s, 200 connections) the issue's GET /api/risk?country=IND&mineral=cobalt as fast as the connections allow
#           (KHANIJ_LOAD_URL=/api/minerals bench/soak.sh reads: another path, e.g. the catalogue as a floor to compare with)
# Builds the CLI and the load driver in Release, imports a fresh store in a temporary KHANIJ_HOME, and stops the server at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
workload=${1:-soak}
case "$workload" in
  soak) duration=${2:-10m}; connections=${3:-32} ;;
  reads) duration=${2:-30s}; connections=${3:-200} ;;
  *) echo "usage: bench/soak.sh [soak|reads] [DURATION] [CONNECTIONS]" >&2; exit 1 ;;
esac
home="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$home"' EXIT
dotnet build -c Release "$root/src/Khanij.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Khanij.Load" -v q -nologo >/dev/null
cli="$root/artifacts/bin/Khanij.Cli/release/khanij.dll"
load="$root/artifacts/bin/Khanij.Load/release/khanij-load.dll"
KHANIJ_HOME="$home" dotnet "$cli" data status >/dev/null
KHANIJ_HOME="$home" dotnet "$cli" serve --urls http://127.0.0.1:0 >"$home/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  url=$(sed -n 's#^Khanij dashboard: \(http://[^ ]*\)/$#\1#p' "$home/serve.log")
  [[ -n "$url" ]] && break
  sleep 0.5
done
if [[ -z "${url:-}" ]]; then echo "khanij serve did not start:" >&2; cat "$home/serve.log" >&2; exit 2; fi
echo "server $url (pid $pid), workload $workload, $connections connections, $duration"
if [[ "$workload" == soak ]]; then
  dotnet "$load" --base "$url" --workload soak --scenario "$root/scenarios/drc-cobalt-suspension-2025.json" --runs 20000 \
    --connections "$connections" --duration "$duration" --every 60s --pid "$pid"
else
  dotnet "$load" --base "$url" --workload reads --url "${KHANIJ_LOAD_URL:-/api/risk?country=IND&mineral=cobalt}" \
    --connections "$connections" --duration "$duration" --every 10s --pid "$pid"
fi
