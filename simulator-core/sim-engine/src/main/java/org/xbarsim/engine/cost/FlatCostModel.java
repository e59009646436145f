package org.xbarsim.engine.cost;

import java.util.List;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.FlatEnergies;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;

/**
 * The default cost model: the flat per-operation energies of the {@code chip.energy.*} keys
 * (science.md section 5: placeholders "to be overridden"), whatever the ADC's resolution, the inputs or
 * the conductances. It prices no area and no digital periphery, so a summary made with it has no area
 * and no TOPS/mm^2, and its energy leaves the digital work out. {@code cost.impl: cited} is the model
 * whose numbers have sources.
 */
public final class FlatCostModel implements CostModel {
    public static final String ID = "flat";

    /** The priced chip for given flat energies: what a chip costs when no other model is chosen. */
    public static Costs costs(FlatEnergies e) {
        return new Costs(ID, e.set(), e.reset(), e.read(), 0, e.adc(), e.dac(), 0, 0, 0, 0, TileArea.UNKNOWN);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Flat energies per operation from the chip.energy.* keys (science.md section 5), no area, no "
                + "digital periphery: what xbarsim charged before cost models; see 'cited' for sourced numbers.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public Costs price(Parameters parameters, CostContext context) {
        return costs(context.flat());
    }
}
