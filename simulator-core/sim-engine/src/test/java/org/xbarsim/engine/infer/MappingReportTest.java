package org.xbarsim.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbarsim.api.inference.DigitalOps;
import org.xbarsim.api.inference.LayerWork;
import org.xbarsim.engine.run.TileJob;
import org.xbarsim.engine.run.WeightMapper;
import org.xbarsim.engine.summary.RunSummary;
import org.xbarsim.engine.summary.SummaryBuilder;
import org.xbarsim.api.workload.WeightLayer;

/** Layers to tiles, utilisation and reuse, from the mapper's own split. */
class MappingReportTest {
    @Test
    void joinsTilesWithTheLayersWork() {
        // A 300x10 matrix over 256x256 tiles takes two tiles (256 + 44 rows); a 25x6 convolution one.
        List<WeightLayer> layers = List.of(new WeightLayer("conv", 25, 6, new double[150]),
                new WeightLayer("fc", 300, 10, new double[3000]));
        List<TileJob> jobs = WeightMapper.map(layers, 256, 256, 3, 15);
        List<LayerWork> work = List.of(new LayerWork("conv", "conv2d", List.of(0), 784, new DigitalOps(4704, 0, 0, 0)),
                new LayerWork("relu", "relu", List.of(), 0, new DigitalOps(0, 0, 4704, 0)),
                new LayerWork("fc", "linear", List.of(1), 1, new DigitalOps(10, 0, 0, 0)));
        MappingReport r = MappingReport.of(jobs, 256, 256, work);
        assertEquals(3, r.tiles());
        assertEquals(List.of(0), r.matrices().get(0).tiles());
        assertEquals(List.of(1, 2), r.matrices().get(1).tiles());
        assertEquals(150.0 / 65536, r.matrices().get(0).utilisation(), 1e-15);
        assertEquals(3000.0 / (2 * 65536), r.matrices().get(1).utilisation(), 1e-15);
        assertEquals(3150.0 / (3 * 65536), r.utilisation(), 1e-15);
        assertEquals(784, r.matrices().get(0).multipliesPerSample());
        assertEquals(new DigitalOps(4714, 0, 4704, 0), r.digitalPerSample());
        RunSummary.Mapping m = SummaryBuilder.mapping(r);
        assertEquals(300, m.matrices().get(1).rows());
        assertEquals(List.of("conv"), m.layers().get(0).matrices(), "a layer names its matrices");
        assertEquals(4704L, m.layers().get(1).digital().comparisons());
        assertEquals(new RunSummary.DigitalOps(4714, 0, 4704, 0), m.digitalPerSample());
        assertEquals(3, m.tiles());
        assertEquals(r.utilisation(), m.utilisation());
        assertEquals(List.of(1, 2), m.matrices().get(1).tiles());
        // A workload that reports no layers: one multiply per sample for each matrix.
        MappingReport bare = MappingReport.of(jobs, 256, 256, List.of());
        assertEquals(1, bare.matrices().get(0).multipliesPerSample());
        assertEquals(DigitalOps.NONE, bare.digitalPerSample());
    }

    /** A layer naming a matrix the chip does not hold (past the last) leaves the matrices' reuse alone. */
    @Test
    void aLayerNamingNoProgrammedMatrixIsIgnored() {
        List<TileJob> jobs = WeightMapper.map(List.of(new WeightLayer("fc", 4, 2, new double[8])), 256, 256, 3, 15);
        MappingReport r = MappingReport.of(jobs, 256, 256, List.of(new LayerWork("ghost", "linear", List.of(1, -1), 7,
                new DigitalOps(0, 0, 0, 0))));
        assertEquals(1, r.matrices().size());
        assertEquals(1, r.matrices().get(0).multipliesPerSample());
    }
}
