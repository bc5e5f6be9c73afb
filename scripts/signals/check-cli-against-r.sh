#!/usr/bin/env bash
# Compares `pingan signals aberration` with R surveillance on R's own `ha` data (Berlin, summed over districts):
# C1, C2, C3 (--r-compatible) against earsC and CUSUM (--r-compatible, no reset) against algo.cusum; upper bounds
# to 1e-6 and alarms exactly. Needs Rscript with r-cran-surveillance (apt-get install -y r-cran-surveillance).
# Usage: scripts/signals/check-cli-against-r.sh [path to the pingan binary]   (default: .build/release/pingan)
set -euo pipefail
PINGAN="${1:-${PINGAN:-.build/release/pingan}}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
Rscript - <<'R' 2>/dev/null
suppressMessages(library(surveillance))
data("ha.sts")
x <- as.vector(rowSums(observed(ha.sts)))
write.csv(data.frame(t = seq_along(x), count = x), "series.csv", row.names = FALSE, quote = FALSE)
for (m in c("C1", "C2", "C3")) {
  r <- earsC(sts(observed = x), control = list(method = m, baseline = 7, minSigma = 0))
  write.csv(data.frame(t = (length(x) - nrow(r) + 1):length(x), ub = as.vector(upperbound(r)),
                       alarm = as.integer(as.vector(alarms(r)))), paste0("r_", tolower(m), ".csv"),
            row.names = FALSE, quote = FALSE)
}
d <- create.disProg(week = seq_along(x), observed = x, state = rep(0, length(x)))
c <- algo.cusum(d, control = list(range = 8:length(x), k = 1.04, h = 2.26, trans = "standard"))
write.csv(data.frame(t = 8:length(x), ub = as.vector(c$upperbound), alarm = as.integer(c$alarm)), "r_cusum.csv",
          row.names = FALSE, quote = FALSE)
R
for method in c1 c2 c3 cusum; do
    "$PINGAN" signals aberration --method "$method" --r-compatible --input series.csv > "s_$method.csv"
done
python3 - <<'PY'
import csv, sys
failed = False
for method in ["c1", "c2", "c3", "cusum"]:
    ours = list(csv.DictReader(open(f"s_{method}.csv")))
    theirs = list(csv.DictReader(open(f"r_{method}.csv")))
    bad = 0 if len(ours) == len(theirs) else 1
    for a, b in zip(ours, theirs):
        same_bound = (a["upperbound"] == "NA" and b["ub"] == "NA") or (
            "NA" not in (a["upperbound"], b["ub"]) and abs(float(a["upperbound"]) - float(b["ub"])) <= 1e-6)
        if a["t"] != b["t"] or not same_bound or a["alarm"] != b["alarm"]:
            bad += 1
    print(f"{method}: {len(ours)} rows, {bad} mismatches")
    failed |= bad > 0
sys.exit(1 if failed else 0)
PY
