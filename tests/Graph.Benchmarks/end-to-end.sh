#!/usr/bin/env bash
# End-to-end throughput of the graph command line on a generated corpus (issue 7):
#   graph extract --format jsonl --parallel P CORPUS > out.jsonl
#   graph build --parallel P --store sqlite:TMP/graph.db CORPUS
# each timed by /usr/bin/time (wall seconds, peak RSS), for every parallelism asked, then one table.
#
# Usage: tests/Graph.Benchmarks/end-to-end.sh [--megabytes M] [--seed S] [--parallel "1 2"] [--corpus DIR]
#   --megabytes M   size of the corpus to generate, in 10^6 bytes (default 200)
#   --seed S        the generator's random seed (default 1)
#   --parallel L    the parallelisms to run, a space-separated list (default "1 2")
#   --corpus DIR    use the corpus in DIR if it holds *.txt files, else generate it there and keep it; without
#                   this option the corpus is generated in a temp folder that is deleted at the end
# Needs the .NET SDK and /usr/bin/time (Debian: apt-get install time). Builds in Release once, then runs the
# built binaries, so the figures hold no build time.
set -euo pipefail

megabytes=200
seed=1
parallel="1 2"
corpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --megabytes) megabytes=${2:?--megabytes needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --parallel) parallel=${2:?--parallel needs a list such as \"1 2\"}; shift 2 ;;
    --corpus) corpus=${2:?--corpus needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "end-to-end: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
# The corpus folder as the caller meant it, before moving to the repository's root.
[ -z "$corpus" ] || corpus=$(realpath -m "$corpus")
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ -x /usr/bin/time ] || { echo "end-to-end: /usr/bin/time is missing (Debian: apt-get install time)" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d "${TMPDIR:-/tmp}/graph-end-to-end.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "end-to-end: building the command line and the corpus generator (Release)" >&2
for project in src/Graph.Cli tests/Graph.Benchmarks; do
  dotnet build "$project" -c Release -v quiet -nologo >"$work/build.log" 2>&1 \
    || { grep -E 'error|warning' "$work/build.log" | sort -u >&2; echo "end-to-end: building $project failed" >&2; exit 1; }
done
graph=(dotnet src/Graph.Cli/bin/Release/net10.0/graph.dll)
generator=(dotnet tests/Graph.Benchmarks/bin/Release/net10.0/Graph.Benchmarks.dll)

if [ -z "$corpus" ]; then
  corpus="$work/corpus"
fi
if [ -n "$(find "$corpus" -name '*.txt' -print -quit 2>/dev/null)" ]; then
  echo "end-to-end: reusing the corpus in $corpus" >&2
else
  echo "end-to-end: generating $megabytes MB (seed $seed) in $corpus" >&2
  "${generator[@]}" corpus --out "$corpus" --megabytes "$megabytes" --seed "$seed" >&2
fi
documents=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')

# --parallel is new: pass it only to a command that accepts it (anything but a usage error, exit 2, on an empty folder).
mkdir -p "$work/empty"
accepts_parallel() {
  local status=0
  "${graph[@]}" "$@" --parallel 1 "$work/empty" >/dev/null 2>&1 || status=$?
  [ "$status" -ne 2 ]
}
extract_parallel=no
build_parallel=no
accepts_parallel extract --format jsonl && extract_parallel=yes
accepts_parallel build --store "sqlite:$work/probe.db" && build_parallel=yes

rows=()
declare -A seconds_of
# run NAME P ARGS...: runs graph ARGS (with --parallel P where accepted), stdout to $work/out, and records a row.
run() {
  local name=$1 p=$2 accepted=$3
  shift 3
  local args=("$@") label=$p
  if [ "$accepted" = yes ]; then
    args+=(--parallel "$p")
  else
    label="$p (n/a)"
  fi
  echo "end-to-end: graph $name, parallelism $label" >&2
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "${graph[@]}" "${args[@]}" >"$work/out" 2>"$work/err" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "end-to-end: graph $name exited with $status:" >&2
    tail -n 20 "$work/err" >&2
    exit 1
  fi
  local wall rss
  read -r wall rss <"$work/time"
  seconds_of["$name/$p"]=$wall
  rows+=("$(awk -v n="$name" -v p="$label" -v d="$documents" -v b="$bytes" -v s="$wall" -v r="$rss" 'BEGIN {
    if (s <= 0) s = 0.01
    printf "%-8s %-12s %10d %9.1f %9.2f %9.1f %12.1f %13.1f", n, p, d, b / 1e6, s, b / 1e6 / s, d / s, r / 1024 }')")
}

for p in $parallel; do
  run extract "$p" "$extract_parallel" extract --format jsonl "$corpus"
  lines=$(wc -l <"$work/out")
  [ "$lines" -eq "$documents" ] || { echo "end-to-end: extract printed $lines lines for $documents documents" >&2; exit 1; }
  rm -f "$work"/graph.db*
  run build "$p" "$build_parallel" build --store "sqlite:$work/graph.db" "$corpus"
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1024 / 1024 }' /proc/meminfo)
echo
echo "machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $ram RAM, .NET SDK $(dotnet --version)"
echo "corpus:  $documents documents, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $corpus"
echo
printf '%-8s %-12s %10s %9s %9s %9s %12s %13s\n' command parallelism documents MB seconds MB/s documents/s "peak RSS MB"
printf '%s\n' "${rows[@]}"
declare -A accepted=([extract]=$extract_parallel [build]=$build_parallel)
for name in extract build; do
  if [ "${accepted[$name]}" = yes ] && [ -n "${seconds_of[$name/1]:-}" ] && [ -n "${seconds_of[$name/2]:-}" ]; then
    awk -v n="$name" -v a="${seconds_of[$name/1]}" -v b="${seconds_of[$name/2]}" \
      'BEGIN { if (b <= 0) b = 0.01; printf "speed-up of %s, parallelism 2 over 1: %.2fx\n", n, a / b }'
  fi
done
[ "$extract_parallel" = yes ] || echo "note: graph extract does not take --parallel yet: every extract row ran with its default"
[ "$build_parallel" = yes ] || echo "note: graph build does not take --parallel yet: every build row ran with its default"
