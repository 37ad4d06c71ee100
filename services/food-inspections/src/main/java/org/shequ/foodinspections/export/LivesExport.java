package org.shequ.foodinspections.export;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.shequ.foodinspections.inspection.ChecklistEntry;
import org.shequ.foodinspections.inspection.Inspection;
import org.shequ.foodinspections.inspection.InspectionStatus;
import org.shequ.foodinspections.inspection.InspectionType;
import org.shequ.foodinspections.inspection.ItemResult;
import org.shequ.foodinspections.inspection.Outcome;
import org.shequ.foodinspections.provider.Provider;
import org.shequ.platform.web.ApiValues;

/**
 * Open data in LIVES (Local Inspector Value-Entry Specification), the layout restaurant-inspection portals ingest:
 * one zip of businesses, inspections, violations, feed_info and legend CSVs. Personal data masked; the column mapping
 * is in docs/FOOD-SAFETY.md.
 */
@Path("/api/v1/food-safety/export/lives.zip")
@Tag(name = "Open data", description = "The ledger and inspections in LIVES")
public class LivesExport {

    static final List<String> BUSINESSES = List.of("business_id", "name", "address", "city", "state", "postal_code",
            "latitude", "longitude", "phone_number");
    static final List<String> INSPECTIONS = List.of("business_id", "score", "date", "description", "type");
    static final List<String> VIOLATIONS = List.of("business_id", "date", "code", "description");
    static final List<String> FEED_INFO = List.of("feed_date", "feed_version", "municipality_name", "municipality_url",
            "contact_email");
    static final List<String> LEGEND = List.of("minimum_score", "maximum_score", "description");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final EntityManager em;
    private final Clock clock;

    public LivesExport(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Produces("application/zip")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The ledger and its inspections in LIVES", description = "businesses.csv, inspections.csv, "
            + "violations.csv, feed_info.csv, legend.csv; the computed outcome maps to a score (legend.csv).")
    public RestResponse<byte[]> export() throws IOException {
        List<Provider> providers = em.createQuery("from Provider p order by p.id", Provider.class).getResultList();
        List<Inspection> inspections = em.createQuery("from Inspection i where i.status = :completed"
                        + " order by i.inspectedAt desc, i.id desc", Inspection.class)
                .setParameter("completed", InspectionStatus.COMPLETED).getResultList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            Csv businesses = new Csv(BUSINESSES);
            for (Provider p : providers) {
                // The business line the provider gave for the public; never the operator's own phone.
                businesses.row(java.util.Arrays.asList(p.id, p.name, p.address, "太原市", "山西省", "", "", "",
                        p.businessPhone));
            }
            entry(zip, "businesses.csv", businesses);
            Csv rows = new Csv(INSPECTIONS);
            Csv violations = new Csv(VIOLATIONS);
            for (Inspection i : inspections) {
                String date = ApiValues.local(i.inspectedAt).format(DATE);
                rows.row(List.of(i.providerId, score(i.outcome), date, description(i.outcome), type(i.type)));
                for (ChecklistEntry entry : i.checklist.stream().sorted(java.util.Comparator.comparing(c -> c.item)).toList()) {
                    if (entry.result == ItemResult.FAIL) {
                        violations.row(List.of(i.providerId, date, entry.item.name(),
                                entry.item.label() + (entry.note == null ? "" : "：" + entry.note)));
                    }
                }
            }
            entry(zip, "inspections.csv", rows);
            entry(zip, "violations.csv", violations);
            entry(zip, "feed_info.csv", new Csv(FEED_INFO).row(List.of(
                    ApiValues.local(clock.instant()).format(DATE), "1.0", "太原市迎泽区", "", "")));
            entry(zip, "legend.csv", new Csv(LEGEND)
                    .row(List.of(100, 100, "合格 (PASS)"))
                    .row(List.of(60, 99, "基本合格，限期整改 (PASS_WITH_ISSUES)"))
                    .row(List.of(0, 59, "不合格 (FAIL)")));
        }
        return RestResponse.ResponseBuilder.ok(bytes.toByteArray(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"lives.zip\"").build();
    }

    /** The computed outcome as a LIVES score: the legend maps each range back to it. */
    static int score(Outcome outcome) {
        return switch (outcome) {
            case PASS -> 100;
            case PASS_WITH_ISSUES -> 80;
            case FAIL -> 40;
        };
    }

    private static String description(Outcome outcome) {
        return switch (outcome) {
            case PASS -> "合格";
            case PASS_WITH_ISSUES -> "基本合格，限期整改";
            case FAIL -> "不合格";
        };
    }

    private static String type(InspectionType type) {
        return switch (type) {
            case ROUTINE, SPOT_CHECK -> "routine";
            case FOLLOW_UP -> "followup";
            case COMPLAINT -> "complaint";
        };
    }

    private static void entry(ZipOutputStream zip, String name, Csv content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.bytes());
        zip.closeEntry();
    }
}
