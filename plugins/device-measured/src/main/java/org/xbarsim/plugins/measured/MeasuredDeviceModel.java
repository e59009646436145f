package org.xbarsim.plugins.measured;

import static org.xbarsim.api.param.Quantity.CONDUCTANCE;
import static org.xbarsim.api.param.Quantity.NUMBER;
import static org.xbarsim.api.param.Quantity.PATH;
import static org.xbarsim.api.param.Quantity.TIME;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.pf4j.Extension;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.device.StuckFaults;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Preset;
import org.xbarsim.api.random.RandomStream;

/**
 * Devices that replay measured pulse-response curves (science.md section 3, last paragraph). Each
 * simulated device is assigned one measured device, drawn uniformly from the population with the
 * fabrication stream, so device-to-device variability is the measured population's. A SET pulse of
 * strength s at conductance G finds G's position p on that device's curve (running maximum, linear
 * interpolation), advances to p + s and reads the curve there (flat past the last point), with
 * Gaussian cycle-to-cycle noise of standard deviation {@code c2c} times that step. RESET returns to
 * the curve's first point with relative noise; reads and drift follow the PCM model's laws.
 *
 * <p>{@code curves} is {@value #BUILTIN_EXAMPLE} (the synthetic example in the jar), an absolute path,
 * or a path relative to the working directory: the host hands device plugins no scenario directory.
 */
@Extension
public class MeasuredDeviceModel implements DeviceModel {
    static final String BUILTIN_EXAMPLE = "builtin:example";
    static final String EXAMPLE_RESOURCE = "example-curves.csv";

    static final List<ParameterSpec> PARAMETERS = StuckFaults.withFaults(List.of(
            new ParameterSpec("curves", PATH, BUILTIN_EXAMPLE, 0, 0, List.of(),
                    "CSV of measured curves (device,pulse,conductance_uS): an absolute path, one relative to the "
                            + "working directory (not the scenario), or builtin:example for the synthetic example."),
            ParameterSpec.of("scale", NUMBER, "1.0", 1e-6, 1e6,
                    "Factor on every measured conductance, to map the population to another conductance range."),
            ParameterSpec.of("c2c", NUMBER, "0.3", 0, 5,
                    "Cycle-to-cycle noise of a SET step, relative to the step the measured curve gives there "
                            + "(a model parameter, default 0.3, not estimated from the curves)."),
            ParameterSpec.of("maxAmplitude", NUMBER, "2.0", 0.01, 1000,
                    "Largest useful SET amplitude (relative to the unit pulse the curves were measured with): a "
                            + "stronger SET advances along the curve as one of this amplitude (assumed, not measured)."),
            ParameterSpec.of("resetRel", NUMBER, "0.05", 0, 5,
                    "Relative noise of the conductance after RESET (around the curve's first point)."),
            ParameterSpec.of("readRel", NUMBER, "0.005", 0, 1,
                    "Read noise proportional to conductance (standard deviation relative to G)."),
            ParameterSpec.of("readAbs", CONDUCTANCE, "0.05uS", 0, 100,
                    "Read noise independent of conductance (standard deviation)."),
            ParameterSpec.of("driftNu", NUMBER, "0", 0, 1,
                    "Mean drift exponent nu (0: no drift); the law is PCM's, G (t/t0)^-nu."),
            ParameterSpec.of("driftNuSigma", NUMBER, "0", 0, 1, "Device-to-device spread of nu."),
            ParameterSpec.of("driftT0", TIME, "20s", 1e-9, 1e9,
                    "Drift reference time t0: conductance is unchanged until t0 after programming.")
    ));

    /** The last file read, so the tiles of one run (fabricated one by one) parse it once. */
    private volatile Cached cached;

    private record Cached(String key, MeasuredCurves curves) {
    }

    @Override
    public String id() {
        return "measured";
    }

    @Override
    public String description() {
        return "Devices replaying measured SET pulse-response curves from a CSV file: device-to-device variability "
                + "from the measured population, Gaussian cycle-to-cycle noise, RESET to the curve's first point, "
                + "Gaussian read noise, optional power-law drift.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<Preset> presets() {
        return List.of(Preset.fromResource(MeasuredDeviceModel.class, "example", "example.properties"));
    }

    @Override
    public DeviceArray fabricate(Parameters p, int count, RandomStream fabrication) {
        MeasuredCurves curves;
        try {
            curves = curves(p.text("curves"));
        } catch (IllegalArgumentException e) {
            // Bad user input: the host prints an InputError as one line with exit status 2.
            throw new InputError("", "device.curves", e.getMessage(), e);
        }
        return new MeasuredArray(curves, count, p, fabrication);
    }

    /**
     * The curves a {@code curves} value names.
     *
     * @throws IllegalArgumentException {@code file:line: expected ...} for a missing or malformed file
     */
    MeasuredCurves curves(String value) {
        String key;
        Path file = null;
        if (value.equals(BUILTIN_EXAMPLE)) {
            key = value;
        } else {
            file = Path.of(value).toAbsolutePath().normalize();
            key = file.toString();
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                key += "|" + a.lastModifiedTime().toMillis() + "|" + a.size();
            } catch (IOException e) {
                return MeasuredCurves.read(file); // throws the message naming the file
            }
        }
        Cached c = cached;
        if (c != null && c.key().equals(key)) {
            return c.curves();
        }
        MeasuredCurves curves = file == null ? MeasuredCurves.resource(EXAMPLE_RESOURCE) : MeasuredCurves.read(file);
        cached = new Cached(key, curves);
        return curves;
    }
}
