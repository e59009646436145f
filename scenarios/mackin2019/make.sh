#!/usr/bin/env bash
# Regenerates the plots and tables of the Mackin 2019 claims (README.md in this directory). From the
# repository root: scenarios/mackin2019/make.sh (about fifteen minutes on two cores). Every run is a
# deterministic function of its scenario and seed, so the tables come out the same on any machine
# (wall-clock columns aside).
set -euo pipefail
cd "$(dirname "$0")/../.."
x=./xbarsim
d=scenarios/mackin2019
knobs=(--vary programming.sMsp=0.3:2 --vary programming.sLsp=0.05:0.6 --vary programming.margin=0uS:2uS
       --vary programming.accept=0.1:0.9 --vary programming.nMsp=10:60 --vary programming.nLsp=10:60
       --vary chip.cell.F=2:4 --vary programming.gTargetMax=8uS:20uS)

# (a) The search that found a-optimised.yaml: the lowest Pfail within 5 ms, eight knobs, seed 1.
$x optimize scenarios/tile-rowwise.yaml "${knobs[@]}" --limit programming.timeSeconds=5ms --budget 120 \
    --out "$d/a-search" --force --quiet

# (b) Success per weight distribution at the reference conditions, four chips each.
$x sweep "$d/b-distributions.yaml" --grid workload.distribution=gaussian,uniform,laplace --grid seed=1:4:4 \
    --out "$d/b-distributions" --force --quiet
$x report "$d/b-distributions"

# (c) The same search on a device with both device-to-device spreads doubled: c-doubled-spread.yaml.
$x optimize scenarios/tile-rowwise.yaml --set device.gmaxSigmaRel=0.40 --set device.alphaSigmaLn=0.80 "${knobs[@]}" \
    --limit programming.timeSeconds=5ms --budget 120 --out "$d/c-search" --force --quiet

# (d) Pfail against programming time over the pulse budgets, row-wise and serial.
$x sweep "$d/d-pfail-speed.yaml" --grid programming.impl=rowwise-closed-loop,serial-closed-loop \
    --grid programming.nMsp=3,5,10,15,20,30,40 --grid programming.nLsp=3,5,10,20,40 \
    --out "$d/d-pfail-speed" --force --quiet
$x report "$d/d-pfail-speed" --front programming.impl
find "$d/d-pfail-speed" -maxdepth 1 -name '*.png' ! -name 'front-by-programming.impl.png' -delete

# Adaptive against reference, fairly: both policies realise strength the same way (by width, then by
# amplitude: the pulse cost model prices each), over the same strength range and the same shared knobs
# (the adaptive policy also over its classes, ratio and aim), the same budget, limits and seed, each
# candidate scored on chips 1-3; then each front run again on chips 101-105, which the search never saw.
for mode in width amplitude; do
  $x optimize scenarios/tile-rowwise.yaml --set programming.pulseMode=$mode \
      --each programming.impl=rowwise-closed-loop,adaptive-closed-loop \
      --vary programming.sMsp=0.3:2 --vary programming.sLsp=0.05:0.6 --vary programming.margin=0uS:2uS \
      --vary programming.accept=0.1:0.9 --vary programming.nMsp=3:40 --vary programming.nLsp=3:40 \
      --vary programming.classes=1:5 --vary programming.ratio=1.5:4 --vary programming.aim=0.3:0.9 \
      --limit programming.timeSeconds=1.25ms,1.5ms,2ms,2.5ms,3ms,3.5ms --budget 300 --chips 3 \
      --check-chips 5 --check-seed 101 --out "$d/policies/$mode" --force --quiet
  rm -f "$d/policies/$mode"/*/evaluations.csv "$d/policies/$mode"/*/best@*.summary.json
done
# Points' own summaries are not kept: the tables hold what the plots show.
rm -rf "$d"/*/points
