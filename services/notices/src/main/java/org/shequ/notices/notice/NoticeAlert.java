package org.shequ.notices.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One message residents were sent about a notice: Alert, Update or Cancel, numbered by the notice's sequence. */
@Entity
@Table(name = "notice_alert")
@IdClass(NoticeAlert.Key.class)
public class NoticeAlert {

    @Id
    @Column(name = "notice_id")
    public String noticeId;

    @Id
    public int sequence;

    @Column(name = "msg_type")
    public String msgType;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** What this message told residents besides the notice itself: a restoration's or an extension's note. */
    public String note;

    public record Key(String noticeId, int sequence) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
