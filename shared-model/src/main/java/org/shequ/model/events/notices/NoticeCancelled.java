package org.shequ.model.events.notices;

import java.time.Instant;

/** A notice was called off; calendars show it as cancelled rather than silently dropping it. */
public record NoticeCancelled(String noticeId, int sequence, String reason, Instant cancelledAt) implements NoticeEvent {
}
