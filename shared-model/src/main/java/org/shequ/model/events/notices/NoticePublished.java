package org.shequ.model.events.notices;

import java.time.Instant;

/** A notice became visible to residents; {@code sequence} starts at 0 and rises with each later change. */
public record NoticePublished(String noticeId, int sequence, NoticeEvent.Snapshot notice, Instant publishedAt)
        implements NoticeEvent {
}
