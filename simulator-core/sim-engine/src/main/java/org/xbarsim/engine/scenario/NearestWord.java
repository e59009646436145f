package org.xbarsim.engine.scenario;

import java.util.Collection;

/**
 * The known word a mistyped one most likely meant: the nearest within two edits (Levenshtein, case
 * ignored), for "did you mean" in messages about keys, plugins and commands.
 */
public final class NearestWord {
    /** More edits than this and the guess is more likely wrong than helpful. */
    static final int MAX_EDITS = 2;

    private NearestWord() {
    }

    /** The nearest of {@code known} to {@code word}, or null when none is within two edits. */
    public static String of(String word, Collection<String> known) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String k : known) {
            int d = distance(word.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** The edits (insertions, deletions, substitutions) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
