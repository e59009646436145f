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
 * @param tilesPerAdcBank         tiles whose verify reads share one bank of ADCs (a bank converts one
 *                                read at a time; the others queue)
 */
public record SharedHardware(long controllerLatencyCycles, int tilesPerController, int supplyMaxDevices,
                             int tilesPerSupply, Overflow overflow, int tilesPerAdcBank) {

    /** Nothing shared, nothing limited, decisions in no time: a chip of independent tiles. */
    public static final SharedHardware NONE = new SharedHardware(0, 1, 0, 1, Overflow.QUEUE, 1);

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
                || tilesPerAdcBank < 1 || overflow == null) {
            throw new IllegalArgumentException("invalid shared hardware " + controllerLatencyCycles + ", "
                    + tilesPerController + ", " + supplyMaxDevices + ", " + tilesPerSupply + ", " + overflow + ", "
                    + tilesPerAdcBank);
        }
    }

    /** The same sharing with another overflow rule. */
    public SharedHardware withOverflow(Overflow rule) {
        return new SharedHardware(controllerLatencyCycles, tilesPerController, supplyMaxDevices, tilesPerSupply, rule,
                tilesPerAdcBank);
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
