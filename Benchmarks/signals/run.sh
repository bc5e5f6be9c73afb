#!/usr/bin/env bash
# Runs the signals benchmark (issue 5, "Performance"): the Swift release build and the Python baseline on the same
# generated corpus, and prints both and the ratio. Python packages come from PyPI into a private venv.
# Usage: Benchmarks/signals/run.sh [posts] [length] [python-posts]
#   posts         posts for the Swift run (default 100000)
#   length        characters per post (default 100)
#   python-posts  the first N posts of the same corpus for the Python run (default 5000; snownlp is slow)
# Environment: PINGAN=path of a release pingan binary (default: build one with `swift build -c release`).
set -euo pipefail
cd "$(dirname "$0")/../.."
POSTS="${1:-100000}"
LENGTH="${2:-100}"
PY_POSTS="${3:-5000}"
WORK="${TMPDIR:-/tmp}/pingan-signals-bench"
mkdir -p "$WORK"
if [ -z "${PINGAN:-}" ]; then
    swift build -c release --product pingan
    PINGAN=.build/release/pingan
fi
VENV="$WORK/venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet "jieba==0.42.1" "datasketch==2.0.0" "snownlp==0.12.3"

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PINGAN" signals bench --posts "$POSTS" --length "$LENGTH" --export "$WORK/corpus.jsonl" \
    --export-subjects "$WORK/subjects.json" --json | tee "$WORK/swift.json"
"$VENV/bin/python" Benchmarks/signals/baseline.py --corpus "$WORK/corpus.jsonl" --subjects "$WORK/subjects.json" \
    --limit "$PY_POSTS" 2>/dev/null | tee "$WORK/python.json"
python3 - "$WORK/swift.json" "$WORK/python.json" <<'PY'
import json, sys
swift = json.load(open(sys.argv[1]))
python = json.load(open(sys.argv[2]))
print("posts/s by thread CPU time (Swift) and process CPU time (Python); wall-clock in brackets")
print(f"{'stage':<22}{'swift posts/s':>26}{'python posts/s':>22}{'ratio':>10}")
for key in sorted(k for k in swift if k.startswith("posts_per_second.")):
    stage = key.split(".", 1)[1]
    pkey = "posts_per_second." + stage.split(" ")[0]
    py = python.get(pkey)
    pywall = python.get("wall_" + pkey)
    sw = f"{swift[key]:,.0f} ({swift['wall_' + key]:,.0f})"
    ratio = f"{swift[key] / py:,.0f}x" if py else "-"
    pys = f"{py:,.1f} ({pywall:,.1f})" if py else "-"
    print(f"{stage:<22}{sw:>26}{pys:>22}{ratio:>10}")
print(f"peak RSS {swift['peak_rss_kib'] / 1024:.0f} MiB; end-to-end growth {swift['bytes_per_post_end_to_end']:.0f} bytes/post")
PY
