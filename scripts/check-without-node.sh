#!/usr/bin/env bash
# Checks that the command line builds and runs on a machine without Node.js (issue 15): copies the working tree (tracked and
# new files, no build output, no node_modules) to a temporary directory, hides node, npm and npx from PATH, then
#   1. `./khanij minerals` must build and succeed,
#   2. `./khanij serve` must refuse (exit 1) with a message that says how to get the dashboard's libraries (npm),
#   3. with npm back on PATH (when this machine has it), `./khanij serve --urls http://127.0.0.1:0` must rebuild with the
#      libraries and start (stopped after its first line).
# Usage: scripts/check-without-node.sh [-k] (-k keeps the copy). Takes a few minutes: it is a clean build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
keep=0
[[ "${1:-}" == "-k" ]] && keep=1
work="$(mktemp -d /tmp/khanij-nonode-XXXXXX)"
cleanup() { if [[ $keep == 0 ]]; then rm -rf "$work"; else echo "kept $work"; fi; }
trap cleanup EXIT
echo "check-without-node: copying the tree to $work/repo"
mkdir -p "$work/repo" "$work/bin" "$work/home"
(cd "$root" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -C "$work/repo" -xf -

# A PATH with every command of this one except Node's.
IFS=: read -r -a dirs <<< "$PATH"
for d in "${dirs[@]}"; do
  [[ -d "$d" ]] || continue
  for f in "$d"/*; do
    name="$(basename "$f")"
    case "$name" in node | nodejs | npm | npx | corepack) continue ;; esac
    [[ -e "$work/bin/$name" ]] || ln -s "$f" "$work/bin/$name"
  done
done
nonode="$work/bin"
if PATH="$nonode" command -v node > /dev/null 2>&1 || PATH="$nonode" command -v npm > /dev/null 2>&1; then
  echo "check-without-node: could not hide node/npm" >&2; exit 2
fi

fail=0
echo "check-without-node: 1. ./khanij minerals without node or npm (builds first)"
start=$SECONDS
if PATH="$nonode" KHANIJ_HOME="$work/home" "$work/repo/khanij" minerals > "$work/minerals.out" 2> "$work/minerals.err"; then
  echo "   ok ($((SECONDS - start)) s, $(wc -l < "$work/minerals.out") lines of output)"
else
  echo "   FAILED (exit $?):"; tail -20 "$work/minerals.err"; fail=1
fi
[[ ! -d "$work/repo/src/Khanij.Web/client/node_modules" ]] || { echo "   FAILED: node_modules appeared without npm"; fail=1; }

echo "check-without-node: 2. ./khanij serve without the dashboard's libraries"
set +e
PATH="$nonode" KHANIJ_HOME="$work/home" timeout 120 "$work/repo/khanij" serve --urls http://127.0.0.1:0 > "$work/serve.out" 2> "$work/serve.err"
code=$?
set -e
if [[ $code == 1 ]] && grep -q "npm" "$work/serve.err"; then
  echo "   ok (exit 1): $(cat "$work/serve.err")"
else
  echo "   FAILED: exit $code; stderr:"; cat "$work/serve.err"; fail=1
fi

if command -v npm > /dev/null 2>&1 && [[ "${KHANIJ_CHECK_WITH_NPM:-1}" == "1" ]]; then
  echo "check-without-node: 3. npm back on PATH: ./khanij serve rebuilds with the libraries and starts"
  set +e
  KHANIJ_HOME="$work/home" timeout 900 "$work/repo/khanij" serve --urls http://127.0.0.1:0 > "$work/serve2.out" 2> "$work/serve2.err" &
  pid=$!
  for _ in $(seq 1 900); do
    grep -q "Khanij dashboard:" "$work/serve2.out" 2> /dev/null && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 1
  done
  if grep -q "Khanij dashboard:" "$work/serve2.out"; then
    url="$(sed -n 's/^Khanij dashboard: //p' "$work/serve2.out")"
    if curl -fsS "${url}lib/echarts.min.js" -o /dev/null; then
      echo "   ok: $(head -1 "$work/serve2.out"), lib/echarts.min.js served"
    else
      echo "   FAILED: ${url}lib/echarts.min.js not served"; fail=1
    fi
  else
    echo "   FAILED: the server did not start:"; tail -20 "$work/serve2.err"; fail=1
  fi
  kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null
  set -e
fi
[[ $fail == 0 ]] && echo "check-without-node: all passed" || echo "check-without-node: FAILED"
exit $fail
