#!/usr/bin/env bash
# Pfail against programming time for the reference row-wise closed loop and the adaptive closed loop on
# scenarios/tile-rowwise.yaml (256x256 Gaussian on PCM, seed 1): one sweep over both policies and their
# shared budget knobs (nMsp, nLsp), then the report's Pareto fronts, one per policy, in one plot
# (front-by-programming.impl.png, Pfail on a log axis) and one table (front-by-programming.impl.csv).
# About a minute on two cores. Run from the repository root:
#   scenarios/sweeps/pareto-policies.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
x=./xbarsim
out=scenarios/sweeps/tile-rowwise-policies
$x sweep scenarios/tile-rowwise.yaml --grid programming.impl=rowwise-closed-loop,adaptive-closed-loop \
    --grid programming.nMsp=4,6,8,10,15,20,30,40 --grid programming.nLsp=3,5,7,10,15,20,30,40 \
    --out "$out" --force --quiet
$x report "$out" --front programming.impl
# Only the comparison is kept: the per-key plots mix the two policies' budgets, which mean different things
# (a pulse for the reference, a step of up to 'classes' pulses for the adaptive policy).
find "$out" -maxdepth 1 -name '*.png' ! -name 'front-by-programming.impl.png' -delete
