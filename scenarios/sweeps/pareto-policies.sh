#!/usr/bin/env bash
# Pfail against programming time for the reference row-wise closed loop and the adaptive closed loop on
# scenarios/tile-rowwise.yaml (256x256 Gaussian on PCM, seed 1). Two sweeps: both policies over their
# shared budget knobs (nMsp, nLsp), and the adaptive policy alone over its own knobs (classes, ratio, aim) and
# the budgets (the reference does not take those keys). The report draws one Pareto front per policy
# from all their points, in one plot (front-by-programming.impl.png, Pfail on a log axis), and writes the
# front points (front-by-programming.impl.csv). About two minutes on two cores. From the repository root:
#   scenarios/sweeps/pareto-policies.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
x=./xbarsim
out=scenarios/sweeps/tile-rowwise-policies
knobs=scenarios/sweeps/tile-rowwise-adaptive-knobs
$x sweep scenarios/tile-rowwise.yaml --grid programming.impl=rowwise-closed-loop,adaptive-closed-loop \
    --grid programming.nMsp=4,6,8,10,15,20,30,40 --grid programming.nLsp=3,5,7,10,15,20,30,40 \
    --out "$out" --force --quiet
$x sweep scenarios/tile-rowwise.yaml --grid programming.impl=adaptive-closed-loop \
    --grid programming.classes=2,3,4 --grid programming.ratio=2,3 --grid programming.aim=0.5,0.7 \
    --grid programming.nMsp=4,6,10 --grid programming.nLsp=5,7,10,15,20 \
    --out "$knobs" --force --quiet
$x report "$out" --front programming.impl --front-include "$knobs"
# Only the comparison is kept: the per-key plots mix the two policies' budgets, which mean different things
# (a pulse for the reference, a step of up to 'classes' pulses for the adaptive policy).
find "$out" -maxdepth 1 -name '*.png' ! -name 'front-by-programming.impl.png' -delete
