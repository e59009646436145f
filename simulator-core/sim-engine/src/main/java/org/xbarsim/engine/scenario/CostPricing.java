package org.xbarsim.engine.scenario;

import java.nio.file.Path;
import org.xbarsim.api.cost.ChipShape;
import org.xbarsim.api.cost.CostContext;
import org.xbarsim.api.cost.CostModel;
import org.xbarsim.api.cost.Costs;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.run.PluginFailure;

/** Prices a loaded chip with the scenario's cost model, once, when the scenario is loaded. */
final class CostPricing {
    private CostPricing() {
    }

    /** What the cost model is told about the chip: its shape, its ADCs, its read, its flat energies. */
    static ChipShape shape(ChipConfig chip) {
        return new ChipShape(chip.clockHz(), chip.tileRows(), chip.tileCols(), chip.devicesPerCell(), chip.adcBits(),
                chip.periphery().adcArchitecture(), chip.adcsPerTile(),
                chip.seconds(chip.periphery().adcConversionCycles()), chip.seconds(chip.integrationCycles()));
    }

    /**
     * @throws InputError     a file the model names is missing or malformed (the user's to fix)
     * @throws PluginFailure  the model failed otherwise, named by its id
     */
    static Costs price(CostModel model, Parameters parameters, ChipConfig chip, String source, Path baseDir) {
        try {
            return model.price(parameters, new CostContext(shape(chip), chip.flatEnergies(), source, baseDir));
        } catch (InputError e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw PluginFailure.of("cost model " + model.id() + " failed pricing the chip", e);
        }
    }
}
