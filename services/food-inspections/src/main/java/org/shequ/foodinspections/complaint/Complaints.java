package org.shequ.foodinspections.complaint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.shequ.foodinspections.complaint.api.ComplaintRequest;
import org.shequ.foodinspections.complaint.api.ComplaintView;
import org.shequ.foodinspections.inspection.Inspection;
import org.shequ.foodinspections.inspection.InspectionRepository;
import org.shequ.foodinspections.inspection.InspectionStatus;
import org.shequ.foodinspections.inspection.InspectionType;
import org.shequ.foodinspections.provider.Provider;
import org.shequ.foodinspections.provider.ProviderRepository;
import org.shequ.foodinspections.provider.ProviderStatus;
import org.shequ.model.privacy.Masking;
import org.shequ.platform.problem.BrokenReferenceException;
import org.shequ.platform.problem.ResourceNotFoundException;
import org.shequ.platform.web.ApiValues;

/**
 * The public complaint form: each complaint queues one COMPLAINT inspection of the provider (SCHEDULED, for the
 * community's inspectors, who record it like any inspection with {@code scheduledInspectionId}), and answers a
 * receipt its author follows it by.
 */
@ApplicationScoped
@Transactional
public class Complaints {

    /** Receipts avoid letters and digits that read alike (0/O, 1/I/L). */
    private static final String RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int RECEIPT_RANDOM = 8;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final EntityManager em;
    private final ProviderRepository providers;
    private final InspectionRepository inspections;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Complaints(EntityManager em, ProviderRepository providers, InspectionRepository inspections, Clock clock) {
        this.em = em;
        this.providers = providers;
        this.inspections = inspections;
        this.clock = clock;
    }

    public ComplaintView file(@Valid @NotNull ComplaintRequest request) {
        Provider provider = providers.findByIdOptional(request.providerId().strip())
                .orElseThrow(() -> BrokenReferenceException.unknownTarget("providerId"));
        if (provider.status == ProviderStatus.CLOSED) {
            throw BrokenReferenceException.unusable("providerId", "is closed; a complaint about it goes to the "
                    + "market regulation hotline 12315");
        }
        Instant now = clock.instant();
        Inspection queued = new Inspection();
        queued.id = UUID.randomUUID().toString();
        queued.providerId = provider.id;
        queued.type = InspectionType.COMPLAINT;
        queued.status = InspectionStatus.SCHEDULED;
        queued.recordedBy = "public:complaint";
        queued.createdAt = now;
        inspections.persist(queued);
        Complaint complaint = new Complaint();
        complaint.id = UUID.randomUUID().toString();
        complaint.receipt = receipt(now);
        complaint.providerId = provider.id;
        complaint.description = request.description().strip();
        complaint.contact = ApiValues.blankToNull(request.contact());
        complaint.inspectionId = queued.id;
        complaint.createdAt = now;
        em.persist(complaint);
        em.flush();
        return view(complaint, provider, queued);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplaintView follow(String receipt) {
        Complaint complaint = em.createQuery("from Complaint c where c.receipt = :receipt", Complaint.class)
                .setParameter("receipt", receipt == null ? "" : receipt.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultStream().findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Complaint", receipt));
        return view(complaint, providers.findById(complaint.providerId), inspections.findById(complaint.inspectionId));
    }

    private String receipt(Instant now) {
        StringBuilder receipt = new StringBuilder("TS").append(ApiValues.local(now).format(DAY));
        for (int i = 0; i < RECEIPT_RANDOM; i++) {
            receipt.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return receipt.toString();
    }

    private static ComplaintView view(Complaint c, Provider provider, Inspection inspection) {
        String status = switch (inspection.status) {
            case SCHEDULED -> "INSPECTION_SCHEDULED";
            case COMPLETED -> "INSPECTED";
            case CANCELLED -> "CLOSED_WITHOUT_INSPECTION";
        };
        boolean done = inspection.status == InspectionStatus.COMPLETED;
        return new ComplaintView(c.receipt, provider.id, provider.name, status,
                c.contact == null ? null : Masking.phone(c.contact), ApiValues.local(c.createdAt),
                done ? ApiValues.local(inspection.inspectedAt).toLocalDate() : null,
                done ? inspection.outcome : null);
    }
}
