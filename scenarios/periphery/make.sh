#!/usr/bin/env bash
# Regenerates the periphery's sweeps and figures (README, "The periphery as built"). About ten minutes
# on two cores. Run from the repository root: scenarios/periphery/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
x=./xbarsim
s=scenarios/sweeps
# ADC resolution on a HERMES-like core: energy, conversion time, area.
$x sweep scenarios/periphery/hermes-mvm.yaml --grid chip.adc.bits=4,5,6,7,8,9,10 --out $s/hermes-mvm-adc-bits \
    --force --quiet
# Wire resistance, verify reads through the wires (compensated) or on an ideal path (not).
$x sweep scenarios/mnist-mlp.yaml --grid 'chip.wire.row+chip.wire.col=0ohm,0.1ohm,0.3ohm,1ohm,3ohm,10ohm' \
    --grid chip.wire.verifyReads=array,ideal --out $s/mnist-mlp-wires --force --quiet
# Column ADC offsets and SAR capacitor mismatch, with and without per-column calibration.
$x sweep scenarios/mnist-mlp.yaml --grid chip.adc.offsetSigma=0,4,16,64 --grid chip.adc.calibration=none,affine \
    --out $s/mnist-mlp-adc-offset --force --quiet
$x sweep scenarios/mnist-mlp.yaml --grid chip.adc.capMismatch=0,0.03,0.1,0.3 --grid chip.adc.calibration=none,affine \
    --out $s/mnist-mlp-adc-inl --force --quiet
# Figures of several panels and sweeps, drawn from the points with the exploration library (one metric
# against the swept keys is xbarsim report DIR --metric PATH).
plot() { java -cp 'tools/cli/target/xbarsim/lib/*' scenarios/periphery/PeripheryFigures.java "$@"; }
plot adc-bits $s/hermes-mvm-adc-bits $s/hermes-mvm-adc-bits/energy-time-area-vs-adc-bits.png
plot wires $s/mnist-mlp-wires $s/mnist-mlp-wires/accuracy-vs-wire-resistance.png
plot adc-errors $s/mnist-mlp-adc-offset $s/mnist-mlp-adc-inl $s/mnist-mlp-adc-offset/accuracy-vs-adc-errors.png
