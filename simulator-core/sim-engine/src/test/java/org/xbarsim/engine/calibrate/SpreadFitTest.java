package org.xbarsim.engine.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.device.DeviceArray;
import org.xbarsim.api.device.DeviceModel;
import org.xbarsim.api.event.RowOp;
import org.xbarsim.api.event.RowResult;
import org.xbarsim.api.param.ParameterSpec;
import org.xbarsim.api.param.Parameters;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.api.programming.BitMask;
import org.xbarsim.api.programming.PolicyContext;
import org.xbarsim.api.programming.ProgrammingPolicy;
import org.xbarsim.api.programming.Readout;
import org.xbarsim.api.programming.RowOps;
import org.xbarsim.api.programming.RowProgrammer;
import org.xbarsim.api.programming.RowTarget;
import org.xbarsim.api.random.RandomStream;
import org.xbarsim.engine.fixtures.IdealDevices;
import org.xbarsim.engine.hw.ChipConfig;
import org.xbarsim.engine.scenario.Scenario;

/**
 * The calibration library on a device whose programmed spread is known in closed form: exact steps of
 * 0.5 uS, a policy that lands every pair exactly on its target (targets are multiples of the step), and
 * a relaxation that adds a Gaussian of sd relax x (0.1 + 0.05 G) after programming. The spread at target
 * t is then sqrt(s(t)^2 + s(0)^2), s(g) = relax (0.1 + 0.05 g), which a fit of relax must recover.
 */
class SpreadFitTest {
    private static final double[] LEVELS = {0.1, 0.25, 0.5, 0.75, 1.0};

    /** Exact 0.5 uS steps; after programming, G += relax (0.1 + 0.05 G) xi. */
    public static final class RelaxingDevices implements DeviceModel {
        @Override
        public String id() {
            return "relaxing";
        }

        @Override
        public String description() {
            return "test device";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.of("relax", Quantity.NUMBER, "0", 0, 10, "relaxation scale"));
        }

        @Override
        public DeviceArray fabricate(Parameters p, int count, RandomStream fabrication) {
            double relax = p.number("relax");
            return new IdealDevices.Array(count, 0.5, 0) {
                @Override
                public void relax(int base, int[] cols, int count, RandomStream rng) {
                    double[] g = conductances();
                    for (int k = 0; k < count; k++) {
                        int i = base + cols[k];
                        g[i] += relax * (0.1 + 0.05 * g[i]) * rng.nextGaussian();
                    }
                }
            };
        }
    }

    /** RESET, then unit SETs on GP (t > 0) or GM (t < 0) until the read reaches |t|. */
    public static final class PairPolicy implements ProgrammingPolicy {
        @Override
        public String id() {
            return "pair";
        }

        @Override
        public String description() {
            return "test policy";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.of(G_TARGET_MAX, Quantity.CONDUCTANCE, "10uS", 0.01, 1000, "G_T"),
                    ParameterSpec.of(TOLERANCE, Quantity.CONDUCTANCE, "0.9uS", 0, 1000, "tol"));
        }

        @Override
        public RowProgrammer newProgrammer(PolicyContext context) {
            int cols = context.tileColumns();
            return new RowProgrammer() {
                private RowTarget target;
                private final Readout readout = new Readout();
                private final BitMask enable = new BitMask(2 * cols);
                private final BitMask read = new BitMask(cols).setRange(0, cols);

                @Override
                public RowOp start(RowTarget t) {
                    target = t;
                    return RowOps.reset(t.tile(), t.row(), new BitMask(2 * cols).setRange(0, 2 * cols), read.snapshot());
                }

                @Override
                public RowOp next(RowResult result) {
                    readout.wrap(result);
                    enable.clear();
                    boolean any = false;
                    for (int c = 0; c < target.columns(); c++) {
                        double t = target.targets()[c];
                        double w = readout.value(c);
                        if (Math.abs(w) < Math.abs(t) - 0.25) {
                            enable.set((t >= 0 ? 0 : cols) + c);
                            any = true;
                        }
                    }
                    return any ? RowOps.set(target.tile(), target.row(), 1.0, enable, read.snapshot())
                            : RowOps.done(target.tile(), target.row());
                }
            };
        }
    }

    static Scenario scenario(double relax) {
        ChipConfig chip = new ChipConfig(1e9, 32, 40, 1, 16, 1, 20, 200, 50, 100, 1, 1, 10, 50, 0.1, 1, 0.1)
                .withCell(org.xbarsim.api.device.UnitCell.pair());
        RelaxingDevices device = new RelaxingDevices();
        PairPolicy policy = new PairPolicy();
        return new Scenario("t", "t.yaml", null, 1, chip, device, null,
                Parameters.of(device.parameters(), "relax", Double.toString(relax)), policy, null,
                Parameters.of(policy.parameters()), null, null, null, null, Map.of(), null, null, null, null);
    }

    static double law(double t, double relax) {
        double s = relax * (0.1 + 0.05 * Math.abs(t));
        double s0 = relax * 0.1;
        return Math.sqrt(s * s + s0 * s0);
    }

    @Test
    void theSpreadAtEachLevelIsTheRelaxationOfThePairsTwoDevices() {
        List<LevelSpread> levels = ProgrammedSpread.measure(scenario(2), scenario(2).deviceParameters(), LEVELS,
                new long[] {1, 2, 3}, 32, 2);
        assertEquals(5, levels.size());
        for (LevelSpread l : levels) {
            assertEquals(l.fraction() * 10, l.target(), 1e-12);
            // 3 chips x 32 rows x 8 columns (4 of each sign): 768 cells, a standard error of 2.6% of the sd.
            assertEquals(768, l.cells());
            assertEquals(law(l.target(), 2), l.sd(), 0.12 * law(l.target(), 2), "level " + l.fraction());
            assertEquals(law(l.target(), 2), l.robustSd(), 0.2 * law(l.target(), 2), "level " + l.fraction());
            assertEquals(0, l.meanError(), 5 * l.sd() / Math.sqrt(l.cells()), "level " + l.fraction());
            assertTrue(l.chipSd() > 0 && l.chipSd() < 0.3 * l.sd(), "chip-to-chip spread " + l.chipSd());
        }
        List<LevelSpread> exact = ProgrammedSpread.measure(scenario(0), scenario(0).deviceParameters(), LEVELS,
                new long[] {1}, 4, 1);
        for (LevelSpread l : exact) {
            assertEquals(0, l.sd(), 1e-9, "no relaxation: every cell exactly on its target");
        }
    }

    @Test
    void aFitRecoversTheRelaxationTheLawWasMadeWith() {
        Scenario start = scenario(0.2);
        SpreadFit fit = new SpreadFit(start, List.of(new FitParameter("relax", 0, 4)), LEVELS, new long[] {1, 2}, 32, 2,
                t -> law(t, 1.5), 10);
        List<SpreadFit.Trial> trials = new ArrayList<>();
        FitResult r = fit.fit(trials::add);
        // The search's last step is 1/64 of the range (0.0625); sampling moves the best value by about 3%.
        assertEquals(1.5, r.values()[0], 0.12);
        assertTrue(r.worstRelativeError() < 0.15, "worst level " + r.worstRelativeError());
        assertEquals(trials.size() + 1, r.evaluations(), "every trial reported, plus the final measurement");
        assertTrue(trials.get(trials.size() - 1).cost() <= trials.get(0).cost());
        for (int k = 0; k < LEVELS.length; k++) {
            assertEquals(law(LEVELS[k] * 10, 1.5), r.lawSd()[k], 1e-12);
            assertEquals(r.levels().get(k).sd() / r.lawSd()[k], r.ratio(k), 1e-12);
        }
    }

    @Test
    void aParameterTheDeviceDoesNotHaveIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SpreadFit(scenario(0),
                List.of(new FitParameter("nope", 0, 1)), LEVELS, new long[] {1}, 4, 1, t -> 1, 10));
        assertEquals("device relaxing has no parameter nope", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FitParameter("x", 1, 1));
        assertEquals(0.75, new FitParameter("x", 1, 3).position(2.5), 1e-12);
        assertEquals(1.0, new FitParameter("x", 1, 3).position(9), 1e-12);
        assertEquals(1.5, new FitParameter("x", 1, 3).at(0.25), 1e-12);
    }

    /** The statistics, against values worked out by hand. */
    @Test
    void summaryStatisticsAreTheTextbooksOnes() {
        double[] x = {1, 2, 4, 7, 100};
        assertEquals(22.8, ProgrammedSpread.mean(x), 1e-12);
        double ss = 21.8 * 21.8 + 20.8 * 20.8 + 18.8 * 18.8 + 15.8 * 15.8 + 77.2 * 77.2;
        assertEquals(Math.sqrt(ss / 4), ProgrammedSpread.sd(x), 1e-12);
        assertEquals(4, ProgrammedSpread.median(x), 0.0);
        assertEquals(3, ProgrammedSpread.median(new double[] {4, 1, 2, 7}), 0.0);
        // Deviations from the median 4: 3, 2, 0, 3, 96 -> median 3: the outlier does not count.
        assertEquals(1.4826 * 3, ProgrammedSpread.robustSd(x), 1e-12);
        FitResult r = new FitResult(List.of(new FitParameter("a", 0, 1)), new double[] {0.5},
                List.of(new LevelSpread(0.1, 1, 10, 0, 2, 2, 0), new LevelSpread(1, 10, 10, 0, 9, 9, 0)),
                new double[] {2.5, 10}, 3);
        assertEquals(0.8, r.ratio(0), 1e-12);
        assertEquals(0.2, r.worstRelativeError(), 1e-12);
        List<LevelSpread> one = ProgrammedSpread.measure(scenario(1), scenario(1).deviceParameters(), LEVELS,
                new long[] {4}, 4, 1);
        assertTrue(Double.isNaN(one.get(0).chipSd()), "one chip has no chip-to-chip spread");
        SpreadFit fit = new SpreadFit(scenario(1), List.of(), LEVELS, new long[] {1}, 4, 1, t -> 2 * t, 10);
        assertEquals(2 * 0.1 * 10, fit.lawSd()[0], 1e-12);
    }
}
