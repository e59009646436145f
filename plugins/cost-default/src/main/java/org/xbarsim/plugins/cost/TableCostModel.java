package org.xbarsim.plugins.cost;

import static org.xbarsim.api.param.Quantity.VOLTAGE;

import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.cost.ChipShape;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.cost.TileArea;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;

/**
 * The user's own numbers, without recompiling: a table of energies and areas per action
 * ({@link CostTable}), read once per run. A device read costs the table's fixed energy plus, when
 * {@code cost.readVoltage} is above 0, V^2 G t.
 */
@Extension
public class TableCostModel implements CostModel {
    static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.path("file", "The cost table: lines 'component, action, energy, area_um2, source' for "
                    + "device set/reset/read, row drive/step, adc convert, digital accumulate/scale/activate."),
            ParameterSpec.of("readVoltage", VOLTAGE, "0V", 0, 10,
                    "Read voltage for the V^2 G t part of a device read; 0 charges the table's read energy only."));

    @Override
    public String id() {
        return "table";
    }

    @Override
    public String description() {
        return "Energies and areas per action from the user's own table (Accelergy-style CSV), read at run start.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Costs price(Parameters p, CostContext context) {
        if (!p.has("file")) {
            throw context.error("file", "required key is missing: the cost table to read");
        }
        CostTable t = CostTable.read(context.resolve(p, "file"), "cost.file");
        ChipShape chip = context.chip();
        TileArea area = new TileArea(
                (double) chip.tileRows() * chip.devicesPerRow() * t.area("device"),
                chip.adcsPerTile() * t.area("adc"),
                chip.tileRows() * t.area("row"),
                chip.adcsPerTile() * t.area("digital"));
        return new Costs(id(), t.energy("device", "set"), t.energy("device", "reset"), t.energy("device", "read"),
                p.number("readVoltage"), t.energy("adc", "convert"), t.energy("row", "drive"),
                t.energy("row", "step"), t.energy("digital", "accumulate"), t.energy("digital", "scale"),
                t.energy("digital", "activate"), area);
    }
}
