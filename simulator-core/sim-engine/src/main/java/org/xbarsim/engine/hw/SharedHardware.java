package org.xbarsim.engine.hw;

/**
 * What the tiles of a chip share, resolved ({@code chip.controller.*}, {@code chip.supply.*},
 * {@code chip.adc.tilesPerBank}). Tiles are grouped by index: tile t belongs to controller
 * t / tilesPerController, supply t / tilesPerSupply and ADC bank t / tilesPerAdcBank. The defaults,
 * {@link #NONE}, share nothing and cost nothing: every tile has its own controller deciding in no
 * time, an unlimited supply and its own ADCs.
 *
 * @param controllerLatencyCycles cycles a controller takes to turn an operation's outcome into the
 *                                policy's next decision; its tiles' decisions are made one at a time
 * @param tilesPerController      tiles one controller serves
 * @param supplyMaxDevices        devices a programming supply can pulse at once; 0 for no limit
 * @param tilesPerSupply          tiles one supply feeds
 * @param overflow                what a pulse does when the supply cannot deliver it whole
 * @param tilesPerAdcBank         tiles whose reads share one bank of ADCs (a bank converts one read at a
 *                                time; the others queue): verify reads in programming, multiplies in inference
 * @param dataPath                what carries a multiply's partial sums on after the ADCs, in inference
 */
public record SharedHardware(long controllerLatencyCycles, int tilesPerController, int supplyMaxDevices,
                             int tilesPerSupply, Overflow overflow, int tilesPerAdcBank, DataPath dataPath) {

    /** Nothing shared, nothing limited, decisions in no time: a chip of independent tiles. */
    public static final SharedHardware NONE = new SharedHardware(0, 1, 0, 1, Overflow.QUEUE, 1);

    /** Sharing with an ideal data path ({@link DataPath#IDEAL}). */
    public SharedHardware(long controllerLatencyCycles, int tilesPerController, int supplyMaxDevices,
                          int tilesPerSupply, Overflow overflow, int tilesPerAdcBank) {
        this(controllerLatencyCycles, tilesPerController, supplyMaxDevices, tilesPerSupply, overflow, tilesPerAdcBank,
                DataPath.IDEAL);
    }

    /**
     * The link that carries each tile's partial sums to the digital periphery, and the digital periphery
     * that adds them, rescales and activates. Both take no time unless given one ({@link #IDEAL}: what
     * inference timing was before they were components), so published figures stay as they were.
     *
     * @param linkBitsPerCycle bits a link moves per clock cycle; 0 for an ideal link that takes no time
     * @param tilesPerLink     tiles sharing one link (t / tilesPerLink), which carries one tile's sums at a time
     * @param digitalOpCycles  cycles of one operation of one digital lane (adding a partial sum, rescaling or
     *                         activating one output); 0 for no time. A layer's digital periphery has one lane
     *                         per ADC of a tile, as the cited cost model prices it.
     */
    public record DataPath(int linkBitsPerCycle, int tilesPerLink, long digitalOpCycles) {
        public static final DataPath IDEAL = new DataPath(0, 1, 0);

        public DataPath {
            if (linkBitsPerCycle < 0 || tilesPerLink < 1 || digitalOpCycles < 0) {
                throw new IllegalArgumentException("invalid data path " + linkBitsPerCycle + ", " + tilesPerLink
                        + ", " + digitalOpCycles);
            }
        }

        public int linkOf(int tile) {
            return tile / tilesPerLink;
        }
    }

    /** What a pulse needing more devices than the supply has free does. */
    public enum Overflow {
        /**
         * Waits until its devices fit in the free budget, then pulses them all (in sub-pulses of at
         * most the whole budget when it needs more than that).
         */
        QUEUE,
        /** Pulses at once as many devices as the free budget allows, and the rest in sub-pulses after. */
        SPLIT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Overflow of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public SharedHardware {
        if (controllerLatencyCycles < 0 || tilesPerController < 1 || supplyMaxDevices < 0 || tilesPerSupply < 1
                || tilesPerAdcBank < 1 || overflow == null || dataPath == null) {
            throw new IllegalArgumentException("invalid shared hardware " + controllerLatencyCycles + ", "
                    + tilesPerController + ", " + supplyMaxDevices + ", " + tilesPerSupply + ", " + overflow + ", "
                    + tilesPerAdcBank);
        }
    }

    /** The same sharing with another overflow rule. */
    public SharedHardware withOverflow(Overflow rule) {
        return new SharedHardware(controllerLatencyCycles, tilesPerController, supplyMaxDevices, tilesPerSupply, rule,
                tilesPerAdcBank, dataPath);
    }

    /** The same sharing with another data path. */
    public SharedHardware withDataPath(DataPath path) {
        return new SharedHardware(controllerLatencyCycles, tilesPerController, supplyMaxDevices, tilesPerSupply, overflow,
                tilesPerAdcBank, path);
    }

    public int controllerOf(int tile) {
        return tile / tilesPerController;
    }

    public int supplyOf(int tile) {
        return tile / tilesPerSupply;
    }

    public int adcBankOf(int tile) {
        return tile / tilesPerAdcBank;
    }
}
