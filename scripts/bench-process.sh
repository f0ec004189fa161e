#!/usr/bin/env bash
# Whole-process timings of the khanij command: wall time, CPU time and peak resident memory (/usr/bin/time), median of N runs each,
# against a warm store (one untimed run first). Prints a Markdown table for docs/benchmarks.md.
#
#   scripts/bench-process.sh [-n RUNS] [-k KHANIJ_DLL_OR_BINARY] [-o OUTDIR] [NAME=ARGS ...]
#
# Without NAME=ARGS it times: minerals, countries (read verbs whose floor is start-up), risk, brief, simulate (China rare earths) at 1e6 and 1e7 runs. KHANIJ_HOME must point at a store
# directory (created and imported on the first, untimed, run). Default binary: the composite ReadyToRun build ./khanij makes
# (artifacts/khanij-composite/khanij; run `./khanij --version` once to build it), else artifacts/bin/Khanij.Cli/release/khanij. Load average is printed with the table: figures from a busy machine are not comparable.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=5
# What ./khanij runs (the self-contained composite ReadyToRun publish) when it has been built, else the plain release build.
bin="$root/artifacts/khanij-composite/khanij"
[[ -f "$bin" ]] || bin="$root/artifacts/bin/Khanij.Cli/release/khanij"
out="$(mktemp -d)"
while getopts "n:k:o:" opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    k) bin="$OPTARG" ;;
    o) out="$OPTARG" ;;
    *) echo "usage: $0 [-n RUNS] [-k KHANIJ] [-o OUTDIR] [NAME=ARGS ...]" >&2; exit 1 ;;
  esac
done
shift $((OPTIND - 1))
if [[ ! -x /usr/bin/time ]]; then
  echo "bench-process: /usr/bin/time is missing (Debian package 'time')." >&2; exit 1
fi
if [[ -z "${KHANIJ_HOME:-}" ]]; then
  echo "bench-process: set KHANIJ_HOME to a store directory (e.g. /tmp/khanij-bench)." >&2; exit 1
fi
if [[ "$bin" == *.dll ]]; then cmd=(dotnet "$bin"); else cmd=("$bin"); fi
if [[ ! -e "$bin" ]]; then
  echo "bench-process: $bin not found; build it with 'dotnet build src/Khanij.Cli -c Release'." >&2; exit 1
fi
scenario="$root/scenarios/china-rare-earth-licensing-2025.json"
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  cases=(
    "minerals=minerals"
    "countries=countries"
    "risk=risk --mineral cobalt"
    "brief=brief --out $out/brief"
    "simulate 1e6=simulate $scenario --runs 1000000 --json"
    "simulate 1e7=simulate $scenario --runs 10000000 --json"
  )
fi

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

"${cmd[@]}" minerals > /dev/null 2>&1 || true # warm the store (first run imports the pack)
load0="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | runs | wall median (s) | CPU median (s) | peak RSS median (MB) |"
echo "|---|---:|---:|---:|---:|"
for case in "${cases[@]}"; do
  name="${case%%=*}"
  read -r -a args <<< "${case#*=}"
  : > "$out/times"
  for ((i = 0; i < runs; i++)); do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$out/one" "${cmd[@]}" "${args[@]}" > /dev/null 2> "$out/stderr"; then
      echo "bench-process: '$name' failed:" >&2; cat "$out/stderr" >&2; exit 2
    fi
    cat "$out/one" >> "$out/times"
  done
  wall=$(awk '{ print $1 }' "$out/times" | median)
  cpu=$(awk '{ print $2 + $3 }' "$out/times" | median)
  rss=$(awk '{ printf "%.0f\n", $4 / 1024 }' "$out/times" | median)
  echo "| \`khanij ${case#*=}\` | $runs | $wall | $cpu | $rss |" | sed "s|$root/||g; s|$out/|OUT/|g"
done
echo
echo "binary: ${bin#$root/}; commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown); load average at the start: $load0; at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(date -u +%FT%TZ)"
