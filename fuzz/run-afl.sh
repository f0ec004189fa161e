#!/bin/sh
# Runs one SharpFuzz harness under Debian's afl++ for a fixed time, or for a number of executions. See docs/reliability.md.
#   fuzz/run-afl.sh <harness> <seconds> [out-dir]
#   fuzz/run-afl.sh <harness> <count>x [out-dir]     e.g. 1000000x: stop after about a million executions
# Needs: afl++ (apt-get install afl++), the SharpFuzz.CommandLine tool (dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0).
set -eu
PATH="$PATH:$HOME/.dotnet/tools"
harness=$1; seconds=$2; out=${3:-/tmp/khanij-fuzz/out-$harness}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=/tmp/khanij-fuzz/bin
if [ ! -f "$bin/.instrumented" ]; then
  dotnet publish "$root/fuzz/Khanij.Fuzz" -c Release -o "$bin" >/dev/null
  for d in Khanij.Core Khanij.Data Khanij.Analytics Khanij.Ingest; do sharpfuzz "$bin/$d.dll" || true; done
  touch "$bin/.instrumented"
fi
mkdir -p "$out"
export KHANIJ_DATA="$root/data" AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
# -t: a .NET start-up is slow; -m none: the CLR reserves more address space than afl's default limit.
case "$seconds" in
  *x) limit="-E ${seconds%x}" ;;
  *) limit="-V $seconds" ;;
esac
# shellcheck disable=SC2086 # $limit is an option and its value
exec afl-fuzz -i "$root/fuzz/corpus/$harness" -o "$out" -t 5000 -m none $limit -- "$bin/Khanij.Fuzz" "$harness"
