package org.shequ.renovations.stats;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a district renovated in a year, counted from the projects completed in it: a compound renovated by two
 * projects that year counts once (in each category it appears in, once too).
 */
public record DistrictStats(String district, int year, long compoundsCompleted, BigDecimal floorAreaM2,
                            long households, long projectsCompleted, List<Breakdown> byCategory,
                            List<Breakdown> bySubDistrict) {

    public record Breakdown(String key, long compounds, BigDecimal floorAreaM2, long households) {
    }
}
