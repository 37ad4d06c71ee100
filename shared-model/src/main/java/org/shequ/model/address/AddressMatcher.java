package org.shequ.model.address;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

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

    /** A place an announcement concerns: a road, a compound, or both. */
    public record Place(String road, String compound) {
    }

    /** Whether the address names the place's road or its compound. */
    public static boolean matches(String address, Place place) {
        return (place.road() != null && namesRoad(address, place.road()))
                || (place.compound() != null && namesCompound(address, place.compound()));
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
