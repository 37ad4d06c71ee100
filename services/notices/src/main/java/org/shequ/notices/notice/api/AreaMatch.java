package org.shequ.notices.notice.api;

import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shequ.model.address.AddressMatcher;

@Schema(description = "An area of the notice the address or position lies in, and how exactly that is known")
public record AreaMatch(
        AreaDto area,
        @Schema(enumeration = {"segment", "geometry", "compound", "road"}, description = "segment: the house number "
                + "lies in the stretch, on its side (the gazetteer placed both); geometry: the position lies in the "
                + "area's shape; compound: the address is in the compound; road: the address is on the road and "
                + "nothing could tell where along it (docs/ADDRESS-MATCHING.md)") String precision) {

    /** Most exact first. */
    public static final List<String> ORDER = List.of("segment", "geometry", "compound", "road");

    public static String of(AddressMatcher.Precision precision) {
        return precision.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The most exact precision among the matches. */
    public static String best(List<AreaMatch> matches) {
        return matches.stream().map(AreaMatch::precision).min(Comparator.comparingInt(ORDER::indexOf)).orElseThrow();
    }
}
