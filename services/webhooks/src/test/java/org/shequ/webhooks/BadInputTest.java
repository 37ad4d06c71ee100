package org.shequ.webhooks;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.shequ.testing.RefusedWrites;
import org.shequ.testing.RefusedWrites.Case;
import org.shequ.testing.ShequInfraResource;

/** Bad input on every write endpoint of webhooks: a 4xx problem+json naming the field, and nothing changed. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class BadInputTest {

    @TestFactory
    Stream<DynamicTest> everyWriteRefusesBadInputAndChangesNothing() {
        String id = Subscriber.subscribe("careful-app", "http://127.0.0.1:9/hook", List.of("shequ.notices.notice.*"), null)
                .getString("id");
        String subscriptions = "/api/v1/webhooks/subscriptions";
        String one = subscriptions + "/" + id;
        String good = "\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"shequ.notices.notice.*\"]";
        List<Case> cases = List.of(
                Case.post("no url", subscriptions, "{\"types\":[\"shequ.notices.notice.*\"]}", 400, "url"),
                Case.post("url as a number", subscriptions, "{\"url\":42,\"types\":[\"shequ.notices.notice.*\"]}", 400, "url"),
                Case.post("url that is not one", subscriptions, "{\"url\":\"hooks here\",\"types\":[\"shequ.notices.notice.*\"]}", 400, "url"),
                Case.post("url too long", subscriptions, "{\"url\":\"https://example.com/" + "a".repeat(2000) + "\",\"types\":[\"shequ.notices.notice.*\"]}", 400, "url"),
                Case.post("no types", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\"}", 400, "types"),
                Case.post("empty types", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[]}", 400, "types"),
                Case.post("types as text", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":\"shequ.notices.notice.*\"}", 400, "types"),
                Case.post("an unknown type", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"shequ.notices.notice.exploded.v1\"]}", 400, "types"),
                Case.post("a prefix matching nothing", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"shequ.weather.*\"]}", 400, "types"),
                Case.post("a type of another shape", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[\"NOTICE_PUBLISHED\"]}", 400, "types"),
                Case.post("21 types", subscriptions, "{\"url\":\"http://127.0.0.1:9/hook\",\"types\":[" + "\"shequ.notices.notice.*\",".repeat(20) + "\"shequ.notices.notice.*\"]}", 400, "types"),
                Case.post("community as an object", subscriptions, "{" + good + ",\"community\":{}}", 400, "community"),
                Case.post("address with a control character", subscriptions, "{" + good + ",\"address\":\"新建路\\u000712号\"}", 400, "address"),
                Case.post("an unknown field", subscriptions, "{" + good + ",\"secret\":\"whsec_mine\",\"retries\":3}", 400, "retries"),
                Case.post("duplicate keys", subscriptions, "{" + good + ",\"url\":\"http://127.0.0.1:9/other\"}", 400, null),
                Case.post("malformed JSON", subscriptions, "{\"url\":", 400, null),
                Case.post("a change without If-Match", one, "{" + good + "}", 428, null).with("PUT"),
                Case.post("a change with a stale If-Match", one, "{" + good + "}", 412, null).with("PUT").withIfMatch("\"7\""),
                Case.post("a change to a private address", one, "{\"url\":\"https://10.1.2.3/x\",\"types\":[\"shequ.notices.notice.*\"]}", 400, "url").with("PUT").withIfMatch("\"0\""),
                Case.post("a replay without since", one + "/replay", "{}", 400, "since"),
                Case.post("a replay since no date", one + "/replay?since=yesterday", "{}", 400, "since"),
                Case.post("deliveries of a limit of 0", one + "/deliveries?limit=0", "", 400, "limit").with("GET"));
        return RefusedWrites.each(cases, Subscriber.bearer("careful-app"), () -> Subscriber.count(
                "select (select count(*) from subscription) + (select coalesce(sum(version), 0) from subscription)"
                        + " + (select count(*) from delivery) + (select count(*) from outbox_event)"));
    }
}
