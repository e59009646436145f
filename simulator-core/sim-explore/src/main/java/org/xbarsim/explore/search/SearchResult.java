package org.xbarsim.explore.search;

import java.util.List;

/**
 * A plan's searches, one per value of its {@code each} key (one without), with the goals they were run for.
 *
 * @param chips the chips each run was scored on
 */
public record SearchResult(List<Goal> goals, int chips, List<Searched> searches) {
    public SearchResult {
        goals = List.copyOf(goals);
        searches = List.copyOf(searches);
    }
}
