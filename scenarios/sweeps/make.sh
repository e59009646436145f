#!/usr/bin/env bash
# Regenerates the sweeps and plots committed here (their CSVs and PNGs; the per-point summaries are
# left out of the repository). About three minutes on two cores. Run from the repository root:
#   scenarios/sweeps/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
x=./xbarsim
for net in mnist-mlp char-lstm; do
  # Pfail against programming speed: the MSP and LSP budgets move Pfail from about 30% to 1%.
  $x sweep scenarios/$net.yaml --grid programming.nMsp=3,5,10,40 --grid programming.nLsp=2,5,40 \
      --out scenarios/sweeps/$net-budget --force --quiet
  # Drift: the same programmed chip read from a second to ten years later.
  $x sweep scenarios/$net.yaml --grid inference.time=1s,1h,1d,30d,1y,10y --out scenarios/sweeps/$net-drift --force --quiet
  # ADC resolution, for programming (verify reads) and inference alike.
  $x sweep scenarios/$net.yaml --grid chip.adc.bits=4,5,6,8,10 --out scenarios/sweeps/$net-adc --force --quiet
done
for d in scenarios/sweeps/*/; do
  $x report "$d"
done
# Both networks' relative loss against the same Pfail, in one plot.
$x report scenarios/sweeps/mnist-mlp-budget --compare scenarios/sweeps/char-lstm-budget
