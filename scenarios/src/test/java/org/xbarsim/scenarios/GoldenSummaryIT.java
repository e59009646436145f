package org.xbarsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarsim.engine.stats.Summary;

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
        JsonObject actual = Summary.withoutWallClock(Runs.run(name + ".yaml", 2));
        Path expectedFile = Path.of("expected", name + ".summary.json");
        if (Boolean.getBoolean("xbarsim.updateGolden")) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actual.encodePrettily() + "\n");
        }
        JsonObject expected = new JsonObject(Files.readString(expectedFile));
        assertEquals(expected.encodePrettily(), actual.encodePrettily(), "summary of " + name);
    }
}
