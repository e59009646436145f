package org.xbarsim.api.param;

import java.util.List;

/**
 * What every plugin extension tells the host about itself: an id a scenario selects it by, a
 * sentence, its parameters, and the presets it ships.
 */
public interface Component {

    /** The id a scenario names in {@code impl:}, kebab-case. */
    String id();

    /** One sentence: what this component models or does. */
    String description();

    List<ParameterSpec> parameters();

    default List<Preset> presets() {
        return List.of();
    }
}
