#!/usr/bin/env bash
# Read latency of `khanij serve` on each store engine (issue 13; figures in docs/benchmarks.md, "Store engines").
#   bench/store-engines.sh [DURATION] [CONNECTIONS]     (default 8s per route, 200 connections: 3 routes x 2 engines = 48 s of load)
# For each engine (a DuckDB file; a throwaway PostgreSQL cluster on 127.0.0.1, signed in with an API token) it starts one server and
# drives three read routes with bench/Khanij.Load (reads workload), printing p50/p99 per route. Loopback only; everything is removed at
# the end. Needs Debian's postgresql (.ci/install-deps); under root the cluster runs as the postgres system user.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration=${1:-8s}
connections=${2:-200}
routes=("/api/risk?country=IND&mineral=cobalt" "/api/minerals/lithium/sheet" "/api/partners/records")
engines=${KHANIJ_ENGINES:-duckdb postgresql}   # e.g. KHANIJ_ENGINES=postgresql for one engine
work="$(mktemp -d)"
chmod 755 "$work"   # the cluster's user must reach its directory inside
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null || true   # (never "kill 0": that is the whole process group, this script included)
  [[ -f "$work/pg/data/PG_VERSION" ]] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
dotnet build -c Release "$root/src/Khanij.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$root/bench/Khanij.Load" -v q -nologo >/dev/null
cli="$root/artifacts/bin/Khanij.Cli/release/khanij.dll"
load="$root/artifacts/bin/Khanij.Load/release/khanij-load.dll"

serve() {  # serve ARGS...: starts a server, sets url and pid
  dotnet "$cli" serve --urls http://127.0.0.1:0 "$@" >"$work/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 1 240); do
    url=$(sed -n 's#^Khanij dashboard: \(http://[^ ]*\)/$#\1#p' "$work/serve.log")
    [[ -n "$url" ]] && break
    sleep 0.5
  done
  if [[ -z "$url" ]]; then echo "khanij serve did not start:" >&2; cat "$work/serve.log" >&2; exit 2; fi
}

drive() {  # drive ENGINE: the three routes against $url
  for route in "${routes[@]}"; do
    echo "== $1 $route"
    dotnet "$load" --base "$url" --workload reads --url "$route" --connections "$connections" --duration "$duration" --every 60s | tail -3
  done
}

if [[ " $engines " == *" duckdb "* ]]; then
KHANIJ_HOME="$work/duck" dotnet "$cli" data status >/dev/null
KHANIJ_HOME="$work/duck" serve
echo "duckdb: $url"
drive duckdb
kill "$pid"; wait "$pid" 2>/dev/null || true
fi
[[ " $engines " == *" postgresql "* ]] || exit 0

mkdir -p "$work/pg"
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$password" >"$work/pg/pw"
[[ $(id -u) -eq 0 ]] && chown -R postgres "$work/pg"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg "$pgbin/initdb" -D "$work/pg/data" -U khanij --auth=scram-sha-256 --pwfile="$work/pg/pw" --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
export PGPASSWORD="$password"
store="postgresql://khanij@127.0.0.1:$port/postgres"
dotnet "$cli" data import --store "$store" >/dev/null 2>&1
echo "load-driver-secret-$password" | dotnet "$cli" users add bench --role admin --store "$store" >/dev/null
KHANIJ_LOAD_TOKEN=$(dotnet "$cli" users token bench --days 1 --store "$store")
export KHANIJ_LOAD_TOKEN
serve --store "$store"
echo "postgresql: $url"
drive postgresql
