package org.shequ.notices.notice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shequ.notices.notice.NoticeFixtures.bearer;
import static org.shequ.notices.notice.NoticeFixtures.create;
import static org.shequ.notices.notice.NoticeFixtures.etag;
import static org.shequ.notices.notice.NoticeFixtures.seedNoticeFromNow;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shequ.testing.ShequInfraResource;

/** Editors who all read the same version: one change wins, the others are told to read again. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class ConcurrentEditsTest {

    @ParameterizedTest(name = "{0} editors with one ETag")
    @ValueSource(ints = {2, 50})
    void exactlyOnePutWithTheSameEtagWinsAndTheSequenceRisesByOne(int editors) throws Exception {
        String id = create(seedNoticeFromNow(0, 2));
        String etag = etag(id);
        long events = NoticeFixtures.outboxEvents();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(editors, 16));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            Map<String, Object> change = NoticeFixtures.content(seedNoticeFromNow(0, 2));
            change.put("instructions", "第" + i + "位编辑的说明");
            answers.add(pool.submit(() -> {
                start.await();
                var answer = given().contentType(ContentType.JSON).header("Authorization", bearer("community-admin"))
                        .header("If-Match", etag).body(change).put("/api/v1/notices/" + id).then().extract();
                return answer.statusCode() + (answer.statusCode() == 200 || answer.statusCode() == 412 ? ""
                        : " " + answer.body().asString());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Future<String> answer : answers) {
            String result = answer.get();
            statuses.add(Integer.parseInt(result.substring(0, 3)));
            if (result.length() > 3) {
                others.add(result);
            }
        }
        pool.shutdown();

        assertEquals(List.of(), others, "neither 200 nor 412");
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "200s: " + statuses);
        assertEquals(editors - 1, statuses.stream().filter(s -> s == 412).count(), "412s: " + statuses);
        assertEquals(1, (int) given().get("/api/v1/notices/" + id).then().extract().path("sequence"));
        assertEquals(events + 1, NoticeFixtures.outboxEvents(), "one updated event");
    }
}
