package org.xbarsim.explore.metric;

import java.util.Locale;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;
import org.xbarsim.engine.summary.RunSummary;

/**
 * A number of a run's summary that a search minimises, maximises or limits and a sweep tabulates,
 * named by its path in summary.json ({@code programming.pfail}, {@code inference.analogAccuracy}).
 *
 * @param path   the field's path (see {@link org.xbarsim.engine.summary.SummaryMetrics})
 * @param unit   how values are written and read
 * @param higherIsBetter whether larger values are better (accuracy) or smaller ones (Pfail, time)
 */
public record Metric(String path, Unit unit, boolean higherIsBetter) {
    /** How a metric's values read and print: the summary's own units. */
    public enum Unit {
        /** A fraction: 0.02 or 2%. */
        FRACTION,
        /** Seconds: 3ms, or a bare number of seconds. */
        SECONDS,
        /** Joules: 20uJ, or a bare number of joules. */
        JOULES,
        /** Microsiemens: 0.9uS, or a bare number. */
        MICROSIEMENS,
        /** Anything else: a count, bits per character, a rate. */
        NUMBER;

        /**
         * The unit of a summary field, by the convention of its name: {@code ...Seconds...},
         * {@code ...Joules...} and the parts of an {@code energy} section, {@code ...MicroSiemens...};
         * Pfail, fractions, accuracies and shares are fractions.
         */
        static Unit ofPath(String path) {
            String name = path.substring(path.lastIndexOf('.') + 1);
            if (name.contains("Seconds") && !name.startsWith("samplesPer")) {
                return SECONDS;
            }
            if (name.contains("Joules") || path.contains(".energy.")) {
                return JOULES;
            }
            if (name.contains("MicroSiemens")) {
                return MICROSIEMENS;
            }
            if (name.equals("pfail") || name.endsWith("Fraction") || name.endsWith("Accuracy")
                    || name.endsWith("Share")) {
                return FRACTION;
            }
            return NUMBER;
        }
    }

    /** The metric's value in a summary, or null when the summary does not have it. */
    public Double of(RunSummary summary) {
        return summary.metric(path);
    }

    /** The name of the field alone ({@code pfail}). */
    public String field() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * A value as a user writes it, in the summary's units: a fraction as 0.02 or 2%, a time or energy
     * or conductance with its unit (3ms, 20uJ, 0.9uS) or as a bare number of seconds, joules or uS.
     * {@code option} names where it came from, for the error.
     */
    public double parse(String option, String text) {
        String t = text.trim();
        try {
            double v;
            if (unit == Unit.FRACTION && t.endsWith("%")) {
                v = Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100;
            } else if (t.chars().anyMatch(Character::isLetter) && unit != Unit.FRACTION && unit != Unit.NUMBER) {
                v = quantity().parse(t) * (unit == Unit.JOULES ? 1e-12 : 1); // Quantity's energy unit is pJ
            } else {
                v = Double.parseDouble(t);
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("expected a finite value, got " + t);
            }
            if (unit == Unit.FRACTION && (v < 0 || v > 1)) {
                throw new IllegalArgumentException("expected a fraction between 0 and 1 (or 0% and 100%), got " + t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputError(option, path, "expected " + expected() + ", got '" + t + "'");
        } catch (IllegalArgumentException e) {
            throw new InputError(option, path, e.getMessage());
        }
    }

    private String expected() {
        return switch (unit) {
            case FRACTION -> "a fraction or a percentage (0.02, 2%)";
            case SECONDS -> "a time with a unit (3ms) or a number of seconds";
            case JOULES -> "an energy with a unit (20uJ) or a number of joules";
            case MICROSIEMENS -> "a conductance with a unit (0.9uS) or a number of microsiemens";
            case NUMBER -> "a number";
        };
    }

    private Quantity quantity() {
        return switch (unit) {
            case SECONDS -> Quantity.TIME;
            case JOULES -> Quantity.ENERGY;
            case MICROSIEMENS -> Quantity.CONDUCTANCE;
            default -> Quantity.NUMBER;
        };
    }

    /** A value for people: fractions in percent, times, energies and conductances with a unit. */
    public String format(double v) {
        return switch (unit) {
            case FRACTION -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
            case SECONDS -> Quantity.TIME.format(v);
            case JOULES -> Quantity.ENERGY.format(v * 1e12);
            case MICROSIEMENS -> Quantity.CONDUCTANCE.format(v);
            case NUMBER -> v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                    : String.format(Locale.ROOT, "%.4g", v);
        };
    }

    /** How the value is labelled on an axis: the path and the unit plotted. */
    public String axisTitle() {
        return switch (unit) {
            case FRACTION -> path + " (%)";
            case SECONDS -> path + " (s)";
            case JOULES -> path + " (J)";
            case MICROSIEMENS -> path + " (uS)";
            case NUMBER -> path;
        };
    }
}
