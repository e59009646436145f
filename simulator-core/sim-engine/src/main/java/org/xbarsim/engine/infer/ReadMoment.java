package org.xbarsim.engine.infer;

import java.util.List;

/**
 * When the programmed network is read: the devices' drift and the layers' drift compensation at that
 * moment, and the name its read noise is drawn under.
 *
 * @param seconds      time since programming ended, the same for every device (when {@code ages} is null)
 * @param ages         per tile in job order, each device's own time since it was last programmed (a chip
 *                     in its working life, refreshed in parts); null when every device has {@code seconds}
 * @param compensation per layer, the factor its outputs are rescaled by (what the last compensation read
 *                     measured); null to measure it at this moment when {@code inference.driftCompensation}
 *                     is on
 * @param noise        prefix of the read-noise streams ({@code tile3/<noise>inference/<batch>}): distinct
 *                     readings of one chip draw distinct noise; empty for a single reading
 */
public record ReadMoment(double seconds, List<double[]> ages, double[] compensation, String noise) {

    /** Every device {@code seconds} after programming, compensation measured then. */
    public static ReadMoment after(double seconds) {
        return new ReadMoment(seconds, null, null, "");
    }
}
