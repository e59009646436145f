#!/usr/bin/env bash
# The weight-slicing and input-encoding sweep of the MNIST MLP and its trade-off plot (README, "Weight
# slicing and input encodings"). 9 to 16 minutes on two shared cores. Run from the repository root:
#   scenarios/sweeps/slicing.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
x=./xbarsim
out=scenarios/sweeps/mnist-mlp-slicing
# Cells per weight (two bits each: 4- and 6-bit weights beyond the analog one) x how inputs reach the rows
# (one amplitude step, 255 pulse-width steps, four 2-bit reads, eight 1-bit reads) x a coarse and the
# default ADC (each read converted on its own) x three chips.
$x sweep scenarios/mnist-mlp.yaml --grid seed=1,2,3 --grid chip.adc.bits=6,10 \
    --grid inference.weightSlices=1,2,3 --grid inference.dacEncoding=amplitude,duration,slices,bitSerial \
    --set inference.weightSliceBits=2 --set inference.inputSliceBits=2 --out $out --force --quiet
# Accuracy against energy and against time per sample, one series per encoding and ADC, mean and
# standard deviation over the chips: one PNG beside sweep.csv.
java -cp "$(ls tools/cli/target/xbarsim/lib/xchart-*.jar)" scenarios/sweeps/SlicingTradeOff.java \
    $out/sweep.csv $out/accuracy-energy-time.png
