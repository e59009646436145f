package org.xbarsim.api.cost;

import org.pf4j.ExtensionPoint;
import org.xbarsim.api.param.Component;
import org.xbarsim.api.param.Parameters;

/**
 * A model of what the chip's actions cost, supplied by a plugin (or the engine's built-in
 * {@code flat} model): energy per SET and RESET pulse, per device read, per ADC conversion, per row
 * driven and DAC step, per digital operation, and the area of a tile's parts. Scenario key prefix:
 * {@code cost.}. A result is only as good as the model that priced it, so the summary names it.
 */
public interface CostModel extends ExtensionPoint, Component {

    /**
     * Prices the chip the context describes. Called once per run, before anything runs.
     *
     * @throws org.xbarsim.api.io.InputError when a file the parameters name is missing or malformed,
     *                                       or the chip asks for something the model cannot price
     */
    Costs price(Parameters parameters, CostContext context);
}
