package org.xbarsim.cli.optimize;

import org.xbarsim.engine.summary.RunSummary;
import java.util.Locale;
import org.xbarsim.api.io.InputError;
import org.xbarsim.api.param.Quantity;

/** A figure of a run's summary that the optimiser minimises or limits. */
public enum Metric {
    PFAIL("pfail", "programming.pfail", Quantity.NUMBER),
    TIME("time", "programming.timeSeconds", Quantity.TIME),
    ENERGY("energy", "programming.energyJoules", Quantity.ENERGY);

    private final String id;
    private final String path;
    private final Quantity quantity;

    Metric(String id, String path, Quantity quantity) {
        this.id = id;
        this.path = path;
        this.quantity = quantity;
    }

    public String id() {
        return id;
    }

    /** The key in summary.json. */
    public String path() {
        return path;
    }

    /** Its value in a summary, in the summary's units (a fraction, seconds, joules). */
    public double of(RunSummary summary) {
        return switch (this) {
            case PFAIL -> summary.programming().pfail();
            case TIME -> summary.programming().timeSeconds();
            case ENERGY -> summary.programming().energyJoules();
        };
    }

    /** By id ({@code pfail}) or summary key ({@code programming.pfail}). */
    public static Metric of(String option, String name) {
        for (Metric m : values()) {
            if (m.id.equals(name) || m.path.equals(name)) {
                return m;
            }
        }
        throw new InputError(option, name, "expected pfail, time or energy (or programming.pfail, "
                + "programming.timeSeconds, programming.energyJoules), got '" + name + "'");
    }

    /**
     * A limit's value in the summary's units: Pfail as a fraction (0.02) or a percentage (2%);
     * time and energy with a unit (3ms, 20uJ), or a bare number of seconds or joules.
     */
    public double parseLimit(String option, String text) {
        String t = text.trim();
        try {
            if (this == PFAIL) {
                double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                        : Double.parseDouble(t);
                if (!(v > 0 && v < 1)) {
                    throw new IllegalArgumentException("expected a Pfail between 0 and 1 (or 0% and 100%), got " + t);
                }
                return v;
            }
            double v;
            if (t.chars().anyMatch(Character::isLetter)) {
                // Quantity parses to its canonical unit: seconds for time, pJ for energy.
                v = quantity.parse(t);
                if (this == ENERGY) {
                    v *= 1e-12;
                }
            } else {
                v = Double.parseDouble(t);
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("expected a positive " + quantity.noun() + ", got " + t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputError(option, path, "expected a number" + (this == PFAIL ? " or a percentage" : " with a "
                    + "unit") + ", got '" + t + "'");
        } catch (IllegalArgumentException e) {
            throw new InputError(option, path, e.getMessage());
        }
    }

    /** A value for people: Pfail in percent, time and energy with a unit. */
    public String format(double v) {
        return switch (this) {
            case PFAIL -> String.format(Locale.ROOT, "%.2f%%", 100 * v);
            case TIME -> Quantity.TIME.format(v);
            case ENERGY -> Quantity.ENERGY.format(v * 1e12);
        };
    }
}
