package org.xbarsim.explore.chips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.engine.fixtures.Summaries;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.Spread;

/** A candidate's chips as one summary of means, the counts and the rest the first chip's. */
class ChipMeanTest {
    private static RunSummary chip(double pfail, double time, double energy, Double accuracy, double perSample) {
        RunSummary.Outcome o = new RunSummary.Outcome(64, 8, 1 - pfail, pfail, 0.25 + pfail, 60 + 100 * pfail,
                56 + 100 * pfail, 4, 57, 4000, time, energy);
        RunSummary.Inference i = Summaries.inference("1s", 100, accuracy == null ? null : accuracy + 0.02,
                accuracy, accuracy == null ? null : 3 - accuracy, accuracy == null ? null : 3.5 - accuracy, perSample,
                2 * perSample, 1.0);
        return Summaries.of(o, i);
    }

    @Test
    void theFiguresAreTheMeansOfTheChipsAndTheCountsTheFirsts() {
        RunSummary a = chip(0.01, 1e-3, 2e-6, 0.97, 1e-6);
        RunSummary b = chip(0.03, 3e-3, 4e-6, 0.95, 3e-6);
        RunSummary c = chip(0.05, 2e-3, 6e-6, 0.93, 2e-6);
        RunSummary m = ChipMean.of(List.of(a, b, c), List.of(7L, 8L, 9L));
        RunSummary.Outcome o = m.programming().total();
        // The means, written out: (0.01 + 0.03 + 0.05) / 3 and so on.
        assertEquals(0.03, o.pfail(), 1e-15);
        assertEquals(0.97, o.successFraction(), 1e-15);
        assertEquals(0.28, o.meanAbsErrorMicroSiemens(), 1e-15);
        assertEquals(63, o.pulseOpsPerRow(), 1e-12);
        assertEquals(59, o.setOpsPerRow(), 1e-12);
        assertEquals(4, o.resetOpsPerRow(), 1e-12);
        assertEquals(57, o.readOpsPerRow(), 1e-12);
        assertEquals(2e-3, o.timeSeconds(), 1e-18);
        assertEquals(4e-6, o.energyJoules(), 1e-20);
        assertEquals(64, o.weights());
        assertEquals(4000, o.cycles(), "cycles are the first chip's, not a mean");
        assertEquals(0.95, m.inference().analogAccuracy(), 1e-15);
        assertEquals(0.97, m.inference().softwareAccuracy(), 1e-15);
        assertEquals(2.05, m.inference().softwareBitsPerChar(), 1e-15);
        assertEquals(2.55, m.inference().analogBitsPerChar(), 1e-15);
        assertEquals(2e-6, m.inference().timeSecondsPerSample(), 1e-20);
        assertEquals(4e-6, m.inference().energyJoulesPerSample(), 1e-20);
        assertEquals(3, m.chips().count());
        assertEquals(List.of(7L, 8L, 9L), m.chips().seeds());
        // Pfail 0.01, 0.03, 0.05: mean 0.03, deviations -0.02, 0, 0.02, sample sd sqrt(0.0008 / 2) = 0.02.
        Spread pfail = m.chips().spread("programming.pfail");
        assertEquals(o.pfail(), pfail.mean(), 0, "the summary's mean is the spread's");
        assertEquals(0.02, pfail.sd(), 1e-15);
        assertEquals(0.01, pfail.min(), 0);
        assertEquals(0.05, pfail.max(), 0);
        assertEquals(3, pfail.n());
        // Accuracy 0.97, 0.95, 0.93 (written in the inference): sd 0.02 likewise.
        Spread accuracy = m.chips().spread("inference.analogAccuracy");
        assertEquals(m.inference().analogAccuracy(), accuracy.mean(), 0);
        assertEquals(0.02, accuracy.sd(), 1e-15);
        assertEquals(0.93, accuracy.min(), 0);
        assertEquals(0.97, accuracy.max(), 0);
        Spread cycles = m.chips().spread("programming.cycles");
        assertEquals(new Spread(4000, 0, 4000, 4000, 3), cycles, "a count's spread is there though its figure is the first's");
        assertNull(m.chips().spread("run.wallSeconds"), "host figures measure the machine, not the chips");
        assertNull(m.chips().spread("no.such.metric"));
        assertSame(a, ChipMean.of(List.of(a), List.of(7L)), "one chip is its own summary");
    }

    @Test
    void aNonFiniteFigureHasANonFiniteMean() {
        RunSummary m = ChipMean.of(List.of(chip(0.01, Double.NaN, Double.POSITIVE_INFINITY, 0.9, 1e-6),
                chip(0.02, 1e-3, 1e-6, 0.9, 1e-6)), List.of(1L, 2L));
        assertTrue(Double.isNaN(m.programming().timeSeconds()));
        assertEquals(Double.POSITIVE_INFINITY, m.programming().energyJoules());
        assertEquals(new Spread(1e-3, 0, 1e-3, 1e-3, 1), m.chips().spread("programming.timeSeconds"),
                "the spread is of the chips that have a finite figure");
    }

    @Test
    void aFigureOneChipLacksHasNoMean() {
        RunSummary m = ChipMean.of(List.of(chip(0.01, 1e-3, 1e-6, 0.9, 1e-6), chip(0.02, 1e-3, 1e-6, null, 1e-6)),
                List.of(1L, 2L));
        assertNull(m.inference().analogAccuracy());
        assertNull(m.inference().softwareAccuracy());
        assertNull(m.inference().softwareBitsPerChar());
        assertNull(m.inference().analogBitsPerChar());
    }

    @Test
    void partsAddedToTheSummaryAreAveragedTooAndTheHistogramIsTheFirsts() {
        RunSummary.Outcome o = Summaries.outcome(0.1, 1, 1);
        RunSummary.Histogram h1 = new RunSummary.Histogram(-1, 0.1, List.of(1L), 0, 0, 0.5);
        RunSummary.Histogram h2 = new RunSummary.Histogram(-2, 0.2, List.of(2L), 0, 0, 0.5);
        RunSummary a = Summaries.of(o, null).withResults(new RunSummary.Programming(o,
                new RunSummary.ProgrammingEnergy(1, 2, 3, 4, 5, 6), h1, List.of(), List.of(), null), inference(1, 4.0), null);
        RunSummary b = Summaries.of(o, null).withResults(new RunSummary.Programming(o,
                new RunSummary.ProgrammingEnergy(3, 4, 5, 6, 7, 8), h2, List.of(), List.of(), null), inference(3, null), null);
        RunSummary m = ChipMean.of(List.of(a, b), List.of(1L, 2L));
        assertEquals(new RunSummary.ProgrammingEnergy(2, 3, 4, 5, 6, 7), m.programming().energy());
        assertSame(h1, m.programming().errorHistogram());
        assertEquals(new RunSummary.InferenceEnergy(2, 4, 6, 8), m.inference().energy());
        assertEquals(20.0, m.inference().samplesPerSecond(), 1e-12);
        assertNull(m.inference().topsPerMm2(), "one chip lacks it");
        RunSummary weightOnly = Summaries.of(o, null);
        assertNull(ChipMean.of(List.of(weightOnly, weightOnly), List.of(1L, 2L)).inference());
        assertSame(a.inference(), ChipMean.of(List.of(a, weightOnly), List.of(1L, 2L)).inference(),
                "a section one chip lacks is the first's");
    }

    private static RunSummary.Inference inference(double scale, Double topsPerMm2) {
        return new RunSummary.Inference("1s", 10, null, null, null, null, 1, 1,
                new RunSummary.InferenceEnergy(scale, 2 * scale, 3 * scale, 4 * scale), 10 * scale, 2.0, 1.0,
                topsPerMm2, null, null, null);
    }
}
