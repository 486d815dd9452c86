#!/usr/bin/env bash
# Run the zhnews pipeline over many documents with GNU parallel, then load the
# results into SQLite (the database `zhnews run` would write for the inputs).
#
#   examples/parallel/zhnews-parallel.sh [-j JOBS] [-n LINES] [-o DIR] [-d DB] [-p PIPELINE] [-S SSHLOGINS] PATH...
#
#   -j  jobs per machine (default: one per core)
#   -n  manifest lines (documents) per shard (default 50)
#   -o  folder for the manifest, shards and result files (default zhnews-results)
#   -d  SQLite database (default: the pipeline's)
#   -p  pipeline config file
#   -S  GNU parallel --sshlogin list (e.g. "4/host1,4/host2,:"): the shards run
#       on those hosts, with the files' bytes in the manifest (--inline), so
#       the hosts need zhnews but not the input files; see README.md
#
# ZHNEWS names the command (default: zhnews on PATH, else node bin/zhnews.js
# of this checkout); over ssh it must work on every host.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${ZHNEWS:-}" ]; then
  if command -v zhnews >/dev/null 2>&1; then ZHNEWS=zhnews; else ZHNEWS="node $here/../../bin/zhnews.js"; fi
fi
jobs=100% lines=50 out=zhnews-results db= pipeline= ssh=
while getopts 'j:n:o:d:p:S:' opt; do
  case $opt in
    j) jobs=$OPTARG ;; n) lines=$OPTARG ;; o) out=$OPTARG ;; d) db=$OPTARG ;;
    p) pipeline=$(cd "$(dirname "$OPTARG")" && pwd)/$(basename "$OPTARG") ;; S) ssh=$OPTARG ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "zhnews-parallel: give input paths" >&2; exit 2; }
command -v parallel >/dev/null || { echo "zhnews-parallel: GNU parallel is missing (apt-get install parallel)" >&2; exit 2; }

mkdir -p "$out"
# 1. the manifest: one line per document, paths as `run` stores them (exit 1: some inputs missing, kept as error lines)
$ZHNEWS extract --list ${ssh:+--inline} "$@" > "$out/manifest.jsonl" || [ $? -eq 1 ]
# 2. shards of consecutive lines; a shard whose lines are unchanged since an
#    earlier run keeps its result, any other result is dropped
split_dir=$(mktemp -d "$out/.split.XXXXXX")
split -l "$lines" -d -a 5 --additional-suffix=.in "$out/manifest.jsonl" "$split_dir/shard-"
for f in "$out"/shard-*.in; do
  [ -e "$f" ] || continue
  [ -e "$split_dir/${f##*/}" ] || rm -f "$f" "${f%.in}.jsonl"
done
for f in "$split_dir"/shard-*.in; do
  dest=$out/${f##*/}
  cmp -s "$f" "$dest" || { mv "$f" "$dest"; rm -f "${dest%.in}.jsonl"; }
done
rm -rf "$split_dir"
# 3. one `extract --jsonl` per shard; a result file appears only when complete
#    (extract exits 1 when some documents failed: their error lines are results)
step="test -e {.}.jsonl || { $ZHNEWS extract --jsonl ${pipeline:+--pipeline $pipeline} < {} > {.}.jsonl.tmp; s=\$?; [ \$s -le 1 ] && mv {.}.jsonl.tmp {.}.jsonl; }"
if [ -n "$ssh" ]; then
  (cd "$out" && ls shard-*.in | parallel -j "$jobs" -S "$ssh" --retries 3 --trc {.}.jsonl "$step")
else
  ls "$out"/shard-*.in | parallel -j "$jobs" --retries 3 "$step"
fi
# 4. merge, in manifest order (prints load's JSON summary; exit 1 when a line could not be loaded)
exec $ZHNEWS load --json --quiet ${db:+--db "$db"} ${pipeline:+--pipeline "$pipeline"} "$out"/shard-*.jsonl
