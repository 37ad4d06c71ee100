package org.shequ.renovations.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A resident's wish (居民意愿) about a compound: 戎大娘 asked for an anti-slip plaza at 西铭路47号院. */
@Entity
@Table(name = "resident_request")
public class ResidentRequest {

    @Id
    public String id;

    @Column(name = "compound_id")
    public String compoundId;

    public String text;

    @Column(name = "requested_by")
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public RequestStatus status;

    /** The project that answers it, once linked. */
    @Column(name = "project_id")
    public String projectId;

    @Column(name = "answered_on")
    public LocalDate answeredOn;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
