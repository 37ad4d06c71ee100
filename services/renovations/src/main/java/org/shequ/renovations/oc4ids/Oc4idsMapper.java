package org.shequ.renovations.oc4ids;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.shequ.platform.web.ApiValues;
import org.shequ.renovations.compound.Compound;
import org.shequ.renovations.project.Milestone;
import org.shequ.renovations.project.Project;
import org.shequ.renovations.project.ProjectStatus;
import org.shequ.renovations.project.ProjectViews;

/**
 * A project in the Open Contracting for Infrastructure Data Standard 0.9.5 project schema. The field mapping, and
 * what is left empty, is in docs/OC4IDS.md. Empty values are left out rather than sent as null: the schema refuses
 * nulls and empty arrays.
 */
final class Oc4idsMapper {

    /** The publisher's prefix for project ids; a registered OC4IDS prefix would replace it. */
    static final String PREFIX = "oc4ids-shequ-yz-";
    static final String AUTHORITY_ID = "yingze-housing-bureau";
    static final String AUTHORITY = "太原市迎泽区住房和城乡建设局";
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Oc4idsMapper() {
    }

    static Map<String, Object> project(Project p, Compound c, List<Milestone> milestones, LocalDate today) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", PREFIX + p.id);
        o.put("updated", dateTime(p.updatedAt));
        o.put("language", "zh");
        o.put("identifiers", List.of(Map.of("id", p.id, "scheme", "shequ-renovations")));
        o.put("title", p.title);
        put(o, "description", p.description);
        o.put("status", status(p.status));
        o.put("type", "rehabilitation");
        o.put("sector", List.of("socialHousing"));
        o.put("purpose", purpose(p));
        o.put("publicAuthority", Map.of("id", AUTHORITY_ID, "name", AUTHORITY));
        o.put("parties", parties(p));
        if (p.budgetCny != null) {
            o.put("budget", Map.of("amount", money(p.budgetCny)));
        }
        period(o, "period", p.plannedStart, p.plannedEnd);
        period(o, "implementationPeriod", p.actualStart, p.actualEnd);
        o.put("locations", List.of(location(c)));
        if (!milestones.isEmpty()) {
            o.put("milestones", milestones.stream().map(m -> milestone(m, today)).toList());
        }
        o.put("metrics", List.of(Map.of("id", "physicalProgress", "title", "实物工程进度 (physical progress)",
                "observations", List.of(Map.of("id", "physicalProgress-" + today, "measure",
                        ProjectViews.physicalProgress(p, milestones), "unit", Map.of("name", "percent"),
                        "period", Map.of("endDate", startOf(today)))))));
        if (p.status == ProjectStatus.COMPLETED || p.status == ProjectStatus.ACCEPTED) {
            o.put("completion", completion(p));
        }
        return o;
    }

    /** PLANNED identification, APPROVED preparation, IN_PROGRESS implementation, COMPLETED/ACCEPTED completion. */
    static String status(ProjectStatus status) {
        return switch (status) {
            case PLANNED -> "identification";
            case APPROVED -> "preparation";
            case IN_PROGRESS -> "implementation";
            case COMPLETED, ACCEPTED -> "completion";
            case CANCELLED -> "cancelled";
        };
    }

    private static String purpose(Project p) {
        String category = switch (p.category) {
            case BASIC -> "基础类改造 (basic: utilities, roofs, roads)";
            case IMPROVEMENT -> "完善类改造 (improvement: facilities residents lack)";
            case ENHANCEMENT -> "提升类改造 (enhancement: public services)";
        };
        String scope = p.scope.stream().map(s -> s.item + (s.quantity == null ? "" : " " + s.quantity.stripTrailingZeros()
                .toPlainString() + (s.unit == null ? "" : " " + s.unit))).collect(Collectors.joining("; "));
        return scope.isEmpty() ? category : category + ": " + scope;
    }

    private static List<Map<String, Object>> parties(Project p) {
        List<Map<String, Object>> parties = new ArrayList<>();
        parties.add(Map.of("id", AUTHORITY_ID, "name", AUTHORITY, "roles", List.of("publicAuthority")));
        if (p.contractor != null && !p.contractor.isBlank()) {
            parties.add(Map.of("id", "contractor-" + Integer.toHexString(p.contractor.hashCode()), "name", p.contractor,
                    "roles", List.of("supplier")));
        }
        return parties;
    }

    private static Map<String, Object> location(Compound c) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("id", c.id);
        location.put("description", c.name + (c.community == null ? "" : "（" + c.community + "）"));
        Map<String, Object> address = new LinkedHashMap<>();
        put(address, "streetAddress", c.address);
        address.put("locality", c.district == null ? "迎泽区" : c.district);
        address.put("region", "山西省太原市");
        address.put("countryName", "中国");
        location.put("address", address);
        return location;
    }

    private static Map<String, Object> milestone(Milestone m, LocalDate today) {
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("id", m.id);
        milestone.put("title", m.title);
        milestone.put("dueDate", startOf(m.dueDate));
        if (m.metDate != null) {
            milestone.put("dateMet", startOf(m.metDate));
        }
        milestone.put("status", m.metDate != null ? "met" : m.dueDate.isBefore(today) ? "notMet" : "scheduled");
        return milestone;
    }

    private static Map<String, Object> completion(Project p) {
        Map<String, Object> completion = new LinkedHashMap<>();
        if (p.actualEnd != null) {
            completion.put("endDate", endOf(p.actualEnd));
            if (p.plannedEnd != null && p.actualEnd.isAfter(p.plannedEnd) && p.varianceReason != null) {
                completion.put("endDateDetails", p.varianceReason);
            }
        }
        if (p.actualCostCny != null) {
            completion.put("finalValue", money(p.actualCostCny));
            if (p.budgetCny != null && p.actualCostCny.compareTo(p.budgetCny) > 0 && p.varianceReason != null) {
                completion.put("finalValueDetails", p.varianceReason);
            }
        }
        if (!p.scope.isEmpty()) {
            completion.put("finalScope", purpose(p));
        }
        return completion;
    }

    private static void period(Map<String, Object> o, String field, LocalDate start, LocalDate end) {
        Map<String, Object> period = new LinkedHashMap<>();
        if (start != null) {
            period.put("startDate", startOf(start));
        }
        if (end != null) {
            period.put("endDate", endOf(end));
        }
        if (!period.isEmpty()) {
            o.put(field, period);
        }
    }

    private static Map<String, Object> money(BigDecimal amount) {
        return Map.of("amount", amount, "currency", "CNY");
    }

    /** RFC 3339 date-times, seconds always written, in Asia/Shanghai. */
    static String dateTime(Instant instant) {
        return ApiValues.local(instant).format(RFC_3339);
    }

    private static String startOf(LocalDate date) {
        return date.atTime(LocalTime.MIDNIGHT).atZone(ApiValues.ZONE).format(RFC_3339);
    }

    private static String endOf(LocalDate date) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(ApiValues.ZONE).format(RFC_3339);
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
