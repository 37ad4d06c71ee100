package org.shequ.notices.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/** A UTC day a notice's window touches; written by {@link NoticeSearchIndex}, read by "active at" queries. */
@Entity
@Table(name = "notice_day")
@IdClass(NoticeDay.Key.class)
public class NoticeDay {

    @Id
    public LocalDate day;

    @Id
    @Column(name = "notice_id")
    public String noticeId;

    public record Key(LocalDate day, String noticeId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
