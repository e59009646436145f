package org.xbarsim.engine.timeline;

/** The kinds of hardware components hold and tiles can share, with what one unit of each is. */
public enum ResourceKind {
    /** Takes a policy's decisions one at a time; one unit, held for the decision latency. */
    CONTROLLER("controller"),
    /** Delivers programming current; one unit per device pulsed at once, held for the pulse. */
    SUPPLY("supply"),
    /** Converts a read's columns; one unit (the bank converts one read at a time), held for the conversions. */
    ADC_BANK("adcBank"),
    /** Carries a tile's partial sums to the digital periphery in inference; one unit, held for the transfer. */
    LINK("link"),
    /** A layer's digital periphery (adds partial sums, rescales, activates); one unit, held for each job. */
    DIGITAL("digital"),
    /**
     * A network's tiles as a whole in a working life; one unit, held while they are programmed, refreshed
     * or read for drift compensation (the network offline).
     */
    NETWORK("network");

    private final String id;

    ResourceKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
