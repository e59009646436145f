package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.xbarsim.engine.summary.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every scenario reproduces its expected summary exactly (wall-clock fields aside): any change to
 * the physics, the policy, the random streams or the mapping shows up here. After an intended
 * change, regenerate with {@code mvn verify -Dxbarsim.updateGolden=true} and review the diff.
 */
class GoldenSummaryIT {
    @ParameterizedTest
    @ValueSource(strings = {"tile-rowwise", "matrix-1024", "shared-periphery", "mackin2019/a-optimised", "mackin2019/b-distributions",
        "mackin2019/c-doubled-spread", "mackin2019/d-pfail-speed"})
    void scenarioReproducesItsExpectedSummary(String name) throws IOException {
        RunSummary actual = Runs.run(name + ".yaml", 2).withoutWallClock();
        Path expectedFile = Path.of("expected", name + ".summary.json");
        if (Boolean.getBoolean("xbarsim.updateGolden")) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual.toJson());
        }
        RunSummary expected = RunSummary.read(expectedFile);
        assertEquals(expected.toJson(), actual.toJson(), "summary of " + name);
    }
}
