package org.shequ.foodinspections.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One after-school meal provider (小饭桌) in the ledger (台账). operatorName and phone are personal data. */
@Entity
@Table(name = "provider")
public class Provider {

    @Id
    public String id;

    public String name;
    public String address;

    @Column(name = "operator_name")
    public String operatorName;

    public String phone;

    /** The provider's business line, for parents: public, unlike the operator's own {@code phone}. */
    @Column(name = "business_phone")
    public String businessPhone;

    @Column(name = "license_no")
    public String licenseNo;

    public Integer capacity;
    public String community;

    @Enumerated(EnumType.STRING)
    public ProviderStatus status;

    /** When the operator's name and phone were erased on request, and why (their columns now say so). */
    @Column(name = "operator_erased_at")
    public Instant operatorErasedAt;

    @Column(name = "operator_erasure_reason")
    public String operatorErasureReason;

    /** When it took its current status (registered, suspended, closed, reopened). */
    @Column(name = "status_since")
    public Instant statusSince;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
