package org.shequ.model.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.shequ.model.events.EventCatalog;
import org.shequ.model.events.EventType;
import org.shequ.model.events.notices.NoticeEvent;
import org.shequ.model.events.notices.NoticePublished;

class KafkaBindingTest {

    private static final NoticeEvent.Snapshot WATER_OUTAGE = new NoticeEvent.Snapshot("WATER_OUTAGE",
            "停水通知 𠮷", "太原供水集团有限公司", "新建南路第一社区",
            Instant.parse("2024-11-26T12:00:00Z"), Instant.parse("2024-11-27T00:00:00Z"),
            List.of(new NoticeEvent.Area("新建路", "路东", "北沙河南岸", "鑫磊大厦", null, null)));

    @Test
    void publishedNoticeTravelsAsBinaryModeCloudEventKeyedByNoticeId() {
        var event = new NoticePublished("n-1", 0, WATER_OUTAGE, Instant.parse("2024-11-25T02:00:00Z"));
        CloudEvent envelope = EventJson.envelope(event, Instant.parse("2024-11-25T02:00:00.123456Z"))
                .withAggregateVersion(1);

        ProducerRecord<String, byte[]> record = KafkaBinding.toRecord("shequ.notices.v1", envelope);

        assertEquals("n-1", record.key());
        assertEquals("shequ.notices.notice.published.v1", KafkaBinding.header(record.headers(), "ce_type"));
        assertEquals("/shequ/notices", KafkaBinding.header(record.headers(), "ce_source"));
        assertEquals("1.0", KafkaBinding.header(record.headers(), "ce_specversion"));
        assertEquals("2024-11-25T02:00:00.123456Z", KafkaBinding.header(record.headers(), "ce_time"));
        assertEquals("1", KafkaBinding.header(record.headers(), "ce_aggregateversion"));
        assertTrue(new String(record.value(), StandardCharsets.UTF_8).contains("停水通知 𠮷"));

        var consumed = new ConsumerRecord<>("shequ.notices.v1", 0, 0L, record.key(), record.value());
        record.headers().forEach(h -> consumed.headers().add(h));
        CloudEvent back = KafkaBinding.fromRecord(consumed);
        assertEquals(envelope, back);
        assertEquals(event, EventJson.data(back));
    }

    @Test
    void consumerIgnoresFieldsItDoesNotKnow() {
        var envelope = new CloudEvent("e-1", "/shequ/notices", "shequ.notices.notice.cancelled.v1", "n-1",
                Instant.EPOCH, "{\"noticeId\":\"n-1\",\"sequence\":2,\"reason\":\"管线提前完工\","
                        + "\"cancelledAt\":\"2024-11-26T10:00:00Z\",\"addedLater\":true}", 3L);
        assertEquals("管线提前完工", ((org.shequ.model.events.notices.NoticeCancelled) EventJson.data(envelope)).reason());
    }

    @Test
    void recordWithoutSpecVersionIsRejected() {
        var record = new ConsumerRecord<String, byte[]>("t", 0, 0L, "k", new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> KafkaBinding.fromRecord(record));
    }

    @Test
    void everyEventTypeIsUniqueVersionedAndOnItsServiceTopic() {
        var seen = new HashSet<String>();
        for (EventType type : EventCatalog.all()) {
            assertTrue(seen.add(type.type()), "duplicate " + type.type());
            assertTrue(type.type().matches("shequ\\.[a-z-]+\\.[a-z-]+\\.[a-z-]+\\.v\\d+"), type.type());
            String service = type.type().split("\\.")[1];
            assertEquals("shequ." + service + ".v1", type.topic());
            assertEquals("/shequ/" + service, type.source());
        }
    }
}
