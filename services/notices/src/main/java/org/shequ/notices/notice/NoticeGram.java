package org.shequ.notices.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One two-character gram of a notice's text, with the notice's creation time; written by {@link NoticeSearchIndex}. */
@Entity
@Table(name = "notice_gram")
@IdClass(NoticeGram.Key.class)
public class NoticeGram {

    @Id
    public String gram;

    @Id
    @Column(name = "created_at")
    public Instant createdAt;

    @Id
    @Column(name = "notice_id")
    public String noticeId;

    public record Key(String gram, Instant createdAt, String noticeId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }
}
