package org.shequ.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A third party's webhook through the whole stack: a notice published at the gateway reaches its receiver, signed. */
final class WebhooksAcrossServices {

    private WebhooksAcrossServices() {
    }

    static void publishedNoticeReachesTheSubscriberSigned(Path data) throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[] {exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String integration = Suite.shequ(data, "token", "integration", "e2e-hooks").strip();
            JsonNode subscription = Suite.post(Suite.GATEWAY + "/api/v1/webhooks/subscriptions", integration, Map.of(
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "types", List.of("shequ.notices.notice.published.v1"), "address", "迎泽大街100号"), 201);
            String admin = Suite.shequ(data, "token", "community-admin", "e2e-admin", "--community", "迎泽大街社区").strip();
            Suite.post(Suite.GATEWAY + "/api/v1/notices", admin, Map.of("kind", "POWER_OUTAGE", "title", "停电通知",
                    "issuer", "国网太原供电公司", "startsAt", "2024-12-01T08:00:00+08:00",
                    "endsAt", "2024-12-01T18:00:00+08:00", "areas", List.of(Map.of("road", "迎泽大街")),
                    "publish", true), 201);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(1, received.size(), "one delivery");
            String[] call = received.get(0);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(subscription.path("secret").asText()
                    .substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                    (call[0] + "." + call[1] + "." + call[3]).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, call[2]);
            assertTrue(call[3].contains("迎泽大街") && call[3].contains("shequ.notices.notice.published.v1"), call[3]);
        } finally {
            receiver.stop(0);
        }
    }
}
