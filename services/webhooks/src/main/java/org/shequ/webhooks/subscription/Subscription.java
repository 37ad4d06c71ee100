package org.shequ.webhooks.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A subscriber's endpoint, the event types it wants, its filters and its signing secret(s). */
@Entity
@Table(name = "subscription")
public class Subscription {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    @Id
    public String id;

    /** The subject of the token that created it; only it sees and changes the subscription. */
    public String owner;

    public String url;

    /** Event types, comma-separated: exact ({@code shequ.notices.notice.published.v1}) or a prefix ending in {@code *}. */
    public String types;

    public String community;
    public String address;
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    /** Until then the previous secret signs too, so a receiver can switch over without losing a delivery. */
    @Column(name = "previous_until")
    public Instant previousUntil;

    public String status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** The seq the next delivery gets; taken under this row's lock, so a subscription's deliveries are in order. */
    @Column(name = "next_seq")
    public long nextSeq;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> typeList() {
        return Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during a rotation. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousUntil != null && now.isBefore(previousUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
