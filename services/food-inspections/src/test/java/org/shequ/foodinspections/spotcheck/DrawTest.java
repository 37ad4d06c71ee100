package org.shequ.foodinspections.spotcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The draw is reproducible, sensitive to its roster, fair, and never sends an inspector back. */
class DrawTest {

    private static final List<String> PROVIDERS = IntStream.range(0, 10).mapToObj(i -> "provider-" + i).toList();
    private static final List<String> INSPECTORS = List.of("insp-li", "insp-qian", "insp-sun", "insp-zhao", "insp-zhou");

    private static Roster roster() {
        return new Roster(PROVIDERS, INSPECTORS, Map.of("provider-3", Set.of("insp-zhao", "insp-qian"),
                "provider-7", Set.of("insp-li")));
    }

    @Test
    void theSameSeedAndRosterGiveTheSameDrawAndHash() {
        assertEquals(Draw.run(20241125L, roster(), 3, 2), Draw.run(20241125L, roster(), 3, 2));
        List<String> providers = new java.util.ArrayList<>(PROVIDERS);
        java.util.Collections.reverse(providers);
        assertEquals(roster().hash(), new Roster(providers, INSPECTORS, roster().lastInspectors()).hash(),
                "order of entry does not matter: the roster is sorted");
    }

    @Test
    void aChangedRosterHasAnotherHash() {
        Roster more = new Roster(java.util.stream.Stream.concat(PROVIDERS.stream(), java.util.stream.Stream.of("new"))
                .toList(), INSPECTORS, roster().lastInspectors());
        Roster lastChanged = new Roster(PROVIDERS, INSPECTORS, Map.of("provider-3", Set.of("insp-sun")));
        assertNotEquals(roster().hash(), more.hash());
        assertNotEquals(roster().hash(), lastChanged.hash());
    }

    @Test
    void differentSeedsGiveDifferentDraws() {
        long distinct = IntStream.range(0, 50).mapToObj(seed -> Draw.run(seed, roster(), 3, 2)).distinct().count();
        assertTrue(distinct >= 45, "50 seeds gave only " + distinct + " different draws");
    }

    /**
     * 1,000 draws of 3 of 10 providers: each should be picked 300 times. The chi-square statistic of the counts has 9
     * degrees of freedom; 27.88 is its 0.1 % critical value, so a fair draw passes with these fixed seeds and a biased
     * one (modulo bias, an off-by-one in the shuffle) does not.
     */
    @Test
    void picksAreUniformOverAThousandDraws() {
        Map<String, Integer> picked = new HashMap<>();
        Map<String, Integer> sent = new HashMap<>();
        for (long seed = 1; seed <= 1000; seed++) {
            for (Draw.Pick pick : Draw.run(seed, new Roster(PROVIDERS, INSPECTORS, Map.of()), 3, 1)) {
                picked.merge(pick.providerId(), 1, Integer::sum);
                pick.inspectorIds().forEach(i -> sent.merge(i, 1, Integer::sum));
            }
        }
        assertTrue(chiSquare(picked, PROVIDERS.size(), 3000) < 27.88, "providers: " + picked);
        // Inspectors: 3,000 sendings over 5, 4 degrees of freedom, 0.1 % critical value 18.47.
        assertTrue(chiSquare(sent, INSPECTORS.size(), 3000) < 18.47, "inspectors: " + sent);
    }

    @Test
    void noInspectorIsSentBackToTheProviderTheyInspectedLast() {
        for (long seed = 0; seed < 500; seed++) {
            for (Draw.Pick pick : Draw.run(seed, roster(), 10, 3)) {
                Set<String> last = roster().lastInspectors().getOrDefault(pick.providerId(), Set.of());
                assertFalse(pick.inspectorIds().stream().anyMatch(last::contains), seed + ": " + pick);
                assertEquals(3, pick.inspectorIds().stream().distinct().count());
            }
        }
    }

    @Test
    void askingForMoreThanTheRosterHasIsRefusedNamingTheField() {
        assertEquals("count", assertThrows(Draw.NotEnoughException.class,
                () -> Draw.run(1, roster(), 11, 1)).field());
        assertEquals("inspectorsPerCheck", assertThrows(Draw.NotEnoughException.class,
                () -> Draw.run(1, roster(), 10, 4)).field(), "provider-3 has only 3 eligible inspectors");
    }

    private static double chiSquare(Map<String, Integer> counts, int categories, int total) {
        double expected = (double) total / categories;
        assertEquals(categories, counts.size());
        return counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
    }
}
