package org.shequ.notices.notice;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "notice")
public class Notice {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    @Enumerated(EnumType.STRING)
    public NoticeStatus status;

    public String title;
    public String issuer;
    public String reason;
    public String instructions;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String community;
    public String contact;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** For a draft: when the service is to publish it (ScheduledPublications); cleared once published. */
    @Column(name = "publish_at")
    public Instant publishAt;

    /**
     * When this service published it, by its own clock: what residents' warning is measured from. Null for a notice
     * imported with the publishedAt a client gave.
     */
    @Column(name = "announced_at")
    public Instant announcedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** When service came back, for a notice restored before its planned end ({@code endsAt} is then this too). */
    @Column(name = "restored_at")
    public Instant restoredAt;

    /** What residents read with the latest restoration or extension. */
    @Column(name = "change_note")
    public String changeNote;

    /** Rises with each change residents should see again (iCalendar SEQUENCE, CAP updates). */
    public int sequence;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether notice_day and notice_gram hold this notice (see NoticeSearchIndex). */
    @Column(name = "search_indexed")
    public boolean searchIndexed;

    /** Optimistic lock; clients see it as the ETag. */
    @Version
    public long version;

    /** The status residents see at {@code now}: a published notice whose window has passed is EXPIRED. */
    public NoticeStatus statusAt(Instant now) {
        return status == NoticeStatus.PUBLISHED && !endsAt.isAfter(now) ? NoticeStatus.EXPIRED : status;
    }

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_area", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    public List<NoticeArea> areas = new ArrayList<>();
}
