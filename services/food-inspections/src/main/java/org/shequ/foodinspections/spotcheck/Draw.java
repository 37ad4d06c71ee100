package org.shequ.foodinspections.spotcheck;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shequ.platform.security.Sha256;

/**
 * The random draw of 双随机一公开, reproducible from its seed and roster by anyone, in any language. Algorithm
 * {@value #ALGORITHM}:
 * <ol>
 *   <li>The n-th random number is the first 8 bytes, big-endian unsigned, of SHA-256 over the UTF-8 text
 *       {@code "<seed>:<n>"}, n = 0, 1, 2 …; a number below {@code bound} is drawn by rejecting values at or above the
 *       largest multiple of {@code bound} (no modulo bias), then taking the remainder.</li>
 *   <li>Providers: a Fisher-Yates shuffle of the sorted active providers (i from the last down to 1, swap with a
 *       number below i + 1), taking the first {@code count}.</li>
 *   <li>For each picked provider in that order: the sorted inspectors minus those of its last inspection, shuffled the
 *       same way with the numbers that follow, taking the first {@code inspectorsPerCheck}.</li>
 * </ol>
 */
public final class Draw {

    public static final String ALGORITHM = "sha256-fisher-yates-v1";

    private final long seed;
    private long counter;

    private Draw(long seed) {
        this.seed = seed;
    }

    /** The picks, or an exception naming what the roster cannot give (too few providers or eligible inspectors). */
    public static List<Pick> run(long seed, Roster roster, int count, int inspectorsPerCheck) {
        if (count > roster.providers().size()) {
            throw new NotEnoughException("count", "asks for " + count + " providers; the community's active ledger has "
                    + roster.providers().size());
        }
        Draw draw = new Draw(seed);
        List<String> providers = draw.shuffled(roster.providers());
        List<Pick> picks = new ArrayList<>();
        for (String provider : providers.subList(0, count)) {
            Set<String> last = roster.lastInspectors().getOrDefault(provider, Set.of());
            List<String> eligible = roster.inspectors().stream().filter(i -> !last.contains(i)).toList();
            if (inspectorsPerCheck > eligible.size()) {
                throw new NotEnoughException("inspectorsPerCheck", "asks for " + inspectorsPerCheck
                        + " inspectors; provider " + provider + " has " + eligible.size()
                        + " who did not inspect it last time");
            }
            picks.add(new Pick(provider, draw.shuffled(eligible).subList(0, inspectorsPerCheck)));
        }
        return picks;
    }

    private List<String> shuffled(List<String> sorted) {
        List<String> items = new ArrayList<>(sorted);
        for (int i = items.size() - 1; i > 0; i--) {
            int j = below(i + 1);
            String swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
        return items;
    }

    int below(int bound) {
        // 2^64 as an unsigned limit: reject values >= floor(2^64 / bound) * bound.
        long limit = Long.divideUnsigned(-1L, bound) * bound;
        while (true) {
            long value = next();
            if (limit == 0 || Long.compareUnsigned(value, limit) < 0) {
                return (int) Long.remainderUnsigned(value, bound);
            }
        }
    }

    private long next() {
        return ByteBuffer.wrap(Sha256.of(seed + ":" + counter++), 0, 8).getLong();
    }

    /** A provider and the inspectors sent to it. */
    public record Pick(String providerId, List<String> inspectorIds) {
    }

    /** The roster cannot give what the draw asks for; {@code field} names the request field to change. */
    public static final class NotEnoughException extends RuntimeException {
        private final String field;

        NotEnoughException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
