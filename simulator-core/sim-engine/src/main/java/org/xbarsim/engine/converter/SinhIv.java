package org.xbarsim.engine.converter;

/**
 * The current-voltage curve of a device read below its switching threshold, I = G V0 sinh(V / V0):
 * subthreshold conduction in amorphous phase-change material (Ielmini and Zhang, J. Appl. Phys. 102,
 * 054517, 2007) and, to first order, in other resistive memories. A conductance is programmed and
 * verified at the full read voltage, so what matters to a multiply is the current at a fraction v of
 * it relative to the current at full voltage: sinh(kappa v) / sinh(kappa), kappa = Vread / V0. At
 * kappa 0 the device is ohmic and the curve is v itself.
 *
 * @param kappa read voltage over the curve's voltage scale V0
 */
public record SinhIv(double kappa) {

    public SinhIv {
        if (!(kappa >= 0) || Double.isInfinite(kappa)) {
            throw new IllegalArgumentException("I-V nonlinearity must be finite and >= 0, got " + kappa);
        }
    }

    /** Relative current at relative voltage v in [-1, 1]: odd, 1 at v = 1. */
    public double current(double v) {
        if (kappa == 0) {
            return v;
        }
        return Math.sinh(kappa * v) / Math.sinh(kappa);
    }
}
