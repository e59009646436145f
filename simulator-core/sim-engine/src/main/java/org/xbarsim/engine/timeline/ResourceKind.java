package org.xbarsim.engine.timeline;

/** The kinds of hardware tiles can share, with what one unit of each is. */
public enum ResourceKind {
    /** Takes a policy's decisions one at a time; one unit, held for the decision latency. */
    CONTROLLER("controller"),
    /** Delivers programming current; one unit per device pulsed at once, held for the pulse. */
    SUPPLY("supply"),
    /** Converts a read's columns; one unit (the bank converts one read at a time), held for the conversions. */
    ADC_BANK("adcBank");

    private final String id;

    ResourceKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
