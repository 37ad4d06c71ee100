package org.shequ.model.address;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a resident's address names a road or a compound of a notice's area: one rule for "am I affected?" in the
 * notices service and for the address filter of webhook subscriptions, so the two can never disagree. The rules, with their examples, are in
 * {@code docs/ADDRESS-MATCHING.md}; {@code AddressMatcherTest} has a row for each. In short: both sides are
 * normalised (full-width to half-width, no spaces or punctuation), and a name matches only as a whole name: it must
 * start the address or follow a division (区, 街道, …) or a conjunction (与, 和), and be followed by the end, a house
 * number or a word that continues the same place (号, 口, 北段, …). So 兴农路 is not found in 新兴农路8号, and 新建路 is not
 * found in 新建路东巷3号 — each is another street.
 */
public final class AddressMatcher {

    /** What may stand before a name: the divisions above a street, and conjunctions between two streets. */
    private static final List<String> BEFORE = List.of("省", "市", "区", "县", "旗", "镇", "乡", "街道", "社区", "与", "和", "及");
    /** What may follow a road's name and still be about that road. */
    private static final List<String> AFTER_ROAD = List.of("号", "与", "和", "及", "交叉口", "路口", "口", "附近", "沿线",
            "东侧", "西侧", "南侧", "北侧", "东段", "西段", "南段", "北段", "中段");
    /** What may follow a compound's name and still be inside it: a building, an entrance, a unit. */
    private static final List<String> AFTER_COMPOUND = List.of("号", "栋", "幢", "座", "楼", "单元", "内", "小区");

    /** The longest house number allowed: more digits are not a house number (a phone number typed in). */
    private static final int MAX_NUMBER_DIGITS = 5;

    private AddressMatcher() {
    }

    /** NFKC (１２ → 12, （ → (), then without white space, punctuation and symbols; Latin letters in lower case. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(AddressMatcher::isNamePart).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Which house numbers of a road a stretch covers: a closed range, on one side or both. */
    public enum Parity {
        ODD, EVEN, BOTH;

        boolean admits(int number) {
            return this == BOTH || (number % 2 == 1) == (this == ODD);
        }
    }

    /** The house numbers {@code from}–{@code to} of a road, on the side {@code parity} names (see the gazetteer). */
    public record Segment(int from, int to, Parity parity) {
        public Segment {
            if (from < 1 || to < from || parity == null) {
                throw new IllegalArgumentException("a segment is 1 <= from <= to, with a parity");
            }
        }

        boolean covers(int number) {
            return number >= from && number <= to && parity.admits(number);
        }
    }

    /**
     * A place an announcement concerns: a road, a compound, or both; for a road, the house numbers it covers when the
     * gazetteer could place the stretch (else null: the whole road).
     */
    public record Place(String road, String compound, Segment segment) {
        public Place(String road, String compound) {
            this(road, compound, null);
        }
    }

    /** How exactly an address was found in a place (docs/ADDRESS-MATCHING.md, rules S1–S4). */
    public enum Precision {
        /** The address's house number lies in the stretch, on its side. */
        SEGMENT,
        /** The address is in the compound. */
        COMPOUND,
        /** The address is on the road; where along it, nothing could tell. */
        ROAD
    }

    /** Whether the address names the place's road or its compound. */
    public static boolean matches(String address, Place place) {
        return match(address, place).isPresent();
    }

    /**
     * How the address lies in the place, or empty when it does not: in its compound; on its road, inside the stretch
     * when the place has a segment and the address a house number on that road (outside it: empty); else by road.
     */
    public static Optional<Precision> match(String address, Place place) {
        if (place.compound() != null && namesCompound(address, place.compound())) {
            return Optional.of(Precision.COMPOUND);
        }
        if (place.road() == null || !namesRoad(address, place.road())) {
            return Optional.empty();
        }
        OptionalInt number = place.segment() == null ? OptionalInt.empty() : houseNumber(address, place.road());
        if (number.isEmpty()) {
            return Optional.of(Precision.ROAD);
        }
        return place.segment().covers(number.getAsInt()) ? Optional.of(Precision.SEGMENT) : Optional.empty();
    }

    /**
     * The house number the address gives on the road: the digits right after the road's whole name (新建路12号,
     * 新建路12号院3单元 → 12); empty when there are none, or more than {@value #MAX_NUMBER_DIGITS}.
     */
    public static OptionalInt houseNumber(String address, String road) {
        String normalised = normalise(address);
        String name = normalise(road);
        if (name.isEmpty()) {
            return OptionalInt.empty();
        }
        for (int at = normalised.indexOf(name); at >= 0; at = normalised.indexOf(name, at + 1)) {
            String before = normalised.substring(0, at);
            if (!before.isEmpty() && BEFORE.stream().noneMatch(before::endsWith)) {
                continue;
            }
            int start = at + name.length();
            int end = start;
            while (end < normalised.length() && end - start <= MAX_NUMBER_DIGITS
                    && normalised.charAt(end) >= '0' && normalised.charAt(end) <= '9') {
                end++;
            }
            if (end > start && end - start <= MAX_NUMBER_DIGITS) {
                int number = Integer.parseInt(normalised.substring(start, end));
                return number > 0 ? OptionalInt.of(number) : OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    /** Whether the address names any of the places. */
    public static boolean affects(String address, List<Place> places) {
        return places.stream().anyMatch(place -> matches(address, place));
    }

    public static boolean namesRoad(String address, String road) {
        return namesWhole(normalise(address), normalise(road), AFTER_ROAD);
    }

    public static boolean namesCompound(String address, String compound) {
        return namesWhole(normalise(address), normalise(compound), AFTER_COMPOUND);
    }

    private static boolean namesWhole(String address, String name, List<String> after) {
        if (name.isEmpty()) {
            return false;
        }
        for (int at = address.indexOf(name); at >= 0; at = address.indexOf(name, at + 1)) {
            String before = address.substring(0, at);
            String rest = address.substring(at + name.length());
            boolean startsHere = before.isEmpty() || BEFORE.stream().anyMatch(before::endsWith);
            boolean endsHere = rest.isEmpty() || Character.isDigit(rest.codePointAt(0))
                    || after.stream().anyMatch(rest::startsWith);
            if (startsHere && endsHere) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNamePart(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }
}
