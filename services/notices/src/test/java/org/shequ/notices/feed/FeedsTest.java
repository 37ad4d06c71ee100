package org.shequ.notices.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shequ.notices.notice.NoticeKind;
import org.shequ.testing.ShequInfraResource;
import org.shequ.testing.TestInfra;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** The feeds, checked by the standards' own schemas and a real iCalendar parser. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class FeedsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(NoticeKind.class)
    void capAlertUpdateAndCancelOfEveryKindAreValidCap12(NoticeKind kind) throws Exception {
        String id = create(notice(kind, 2));
        Document alert = validCap(id);
        assertEquals("Alert", text(alert, "msgType"));
        String alertId = text(alert, "identifier");
        String alertSent = text(alert, "sent");
        assertTrue(text(alert, "event").length() < 35, text(alert, "event"));
        assertTrue(text(alert, "areaDesc").length() < 50, text(alert, "areaDesc"));
        assertFalse(text(alert, "expires").isEmpty());
        assertFalse(text(alert, "description").isEmpty());
        assertEquals("太原供水集团有限公司", text(alert, "senderName"));
        assertEquals(kind.needsArea() && kind != NoticeKind.ROAD_CLOSURE ? "Infra"
                : kind == NoticeKind.ROAD_CLOSURE ? "Transport" : "Other", text(alert, "category"));

        Map<String, Object> changed = content(notice(kind, 2));
        changed.put("instructions", "请提前储水；恢复时间以现场通知为准。");
        given().contentType(ContentType.JSON).header("Authorization", admin()).header("If-Match", etag(id))
                .body(changed).put("/api/v1/notices/" + id).then().statusCode(200);
        Document update = validCap(id);
        assertEquals("Update", text(update, "msgType"));
        assertEquals("notices@shequ.local," + alertId + "," + alertSent, text(update, "references"));

        given().contentType(ContentType.JSON).header("Authorization", admin()).body(Map.of("reason", "工程取消"))
                .post("/api/v1/notices/" + id + "/cancel").then().statusCode(200);
        Document cancel = validCap(id);
        assertEquals("Cancel", text(cancel, "msgType"));
        assertEquals("notices@shequ.local," + alertId + "," + alertSent + " notices@shequ.local,"
                + text(update, "identifier") + "," + text(update, "sent"), text(cancel, "references"),
                "every earlier message, first to last");
    }

    /** The seed's 新建路 outage, running: the works overrun by two hours, then water comes back early after all. */
    @Test
    void anExtensionAndAnEarlyRestorationAreCapUpdatesReferencingTheWholeChainAndRaiseTheCalendarSequence()
            throws Exception {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0);
        Map<String, Object> running = notice(NoticeKind.WATER_OUTAGE, 0);
        running.put("startsAt", start.toString());
        running.put("endsAt", start.plusHours(12).toString());
        String id = create(running);
        Document alert = validCap(id);

        given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("endsAt", start.plusHours(14).toString(), "reason", "管线焊接未完成，恢复供水推迟两小时。"))
                .post("/api/v1/notices/" + id + "/extend").then().statusCode(200)
                .body("sequence", equalTo(1)).body("endsAt", equalTo(start.plusHours(14).toString()))
                .body("changeNote", equalTo("管线焊接未完成，恢复供水推迟两小时。"));
        Document extension = validCap(id);
        assertEquals("Update", text(extension, "msgType"));
        assertEquals("管线焊接未完成，恢复供水推迟两小时。", text(extension, "note"));
        assertEquals(start.plusHours(14).toString(), text(extension, "expires"));
        assertEquals("1", value(event(calendar(given().get("/api/v1/notices/calendar.ics").then().statusCode(200)
                .extract().asByteArray()), id).orElseThrow(), Property.SEQUENCE));

        OffsetDateTime back = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).withNano(0);
        given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("actualEnd", back.toString(), "note", "管线改造提前完成，已恢复正常供水。"))
                .post("/api/v1/notices/" + id + "/restore").then().statusCode(200)
                .body("sequence", equalTo(2)).body("status", equalTo("EXPIRED"))
                .body("endsAt", equalTo(back.toString())).body("restoredAt", equalTo(back.toString()));
        Document restoration = validCap(id);
        assertEquals("Update", text(restoration, "msgType"));
        assertEquals("管线改造提前完成，已恢复正常供水。", text(restoration, "note"));
        assertEquals(back.toString(), text(restoration, "expires"));
        assertEquals(String.join(" ", "notices@shequ.local," + text(alert, "identifier") + "," + text(alert, "sent"),
                "notices@shequ.local," + text(extension, "identifier") + "," + text(extension, "sent")),
                text(restoration, "references"), "Alert → Update → Update, each earlier message referenced");
        VEvent restored = event(calendar(given().get("/api/v1/notices/calendar.ics").then().statusCode(200)
                .extract().asByteArray()), id).orElseThrow();
        assertEquals("2", value(restored, Property.SEQUENCE));
        assertTrue(value(restored, Property.DTEND).startsWith(back.toLocalDate().toString().replace("-", "")),
                value(restored, Property.DTEND));
    }

    @Test
    void areaGeometryIsACapPolygonValidAgainstTheXsdAndACalendarGeo() throws Exception {
        Map<String, Object> notice = notice(NoticeKind.WATER_OUTAGE, 2);
        notice.put("areas", List.of(
                Map.of("compound", "胜利东街7号院", "geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                        List.of(112.5820, 37.8560), List.of(112.5850, 37.8560), List.of(112.5850, 37.8585),
                        List.of(112.5820, 37.8585), List.of(112.5820, 37.8560))))),
                Map.of("road", "新建路", "geometry", Map.of("type", "LineString", "coordinates", List.of(
                        List.of(112.5600, 37.8600), List.of(112.5600, 37.8700))))));
        String id = create(notice);
        Document cap = validCap(id);
        var polygons = cap.getElementsByTagNameNS("urn:oasis:names:tc:emergency:cap:1.2", "polygon");
        assertEquals(2, polygons.getLength());
        assertEquals("37.856000,112.582000 37.856000,112.585000 37.858500,112.585000 37.858500,112.582000 "
                + "37.856000,112.582000", polygons.item(0).getTextContent(), "lat,lon pairs, the ring closed");
        String[] band = polygons.item(1).getTextContent().split(" ");
        assertTrue(band.length >= 4, "the line as the band within 50 m of it");
        assertEquals(band[0], band[band.length - 1], "closed");
        double westmost = java.util.Arrays.stream(band).mapToDouble(p -> Double.parseDouble(p.split(",")[1])).min()
                .orElseThrow();
        assertEquals(112.5600 - 50 / (111_320 * Math.cos(Math.toRadians(37.865))), westmost, 1e-5);

        VEvent event = event(calendar(given().get("/api/v1/notices/calendar.ics").then().statusCode(200)
                .extract().asByteArray()), id).orElseThrow();
        String[] geo = value(event, Property.GEO).split(";");
        assertTrue(Double.parseDouble(geo[0]) > 37.856 && Double.parseDouble(geo[0]) < 37.8585, value(event, "GEO"));
        assertTrue(Double.parseDouble(geo[1]) > 112.582 && Double.parseDouble(geo[1]) < 112.585, value(event, "GEO"));
        assertTrue(value(event, "X-APPLE-STRUCTURED-LOCATION").startsWith("geo:" + geo[0] + "," + geo[1]));
    }

    @Test
    void aRestorationOutsideTheWindowOrAnExtensionThatIsNotLaterIsA400AndChangesNothing() throws Exception {
        String upcoming = create(notice(NoticeKind.WATER_OUTAGE, 2));
        String etag = etag(upcoming);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("actualEnd", now.toString()))
                .post("/api/v1/notices/" + upcoming + "/restore").then().statusCode(400)
                .body("errors[0].field", equalTo("actualEnd"));
        given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("endsAt", now.plusDays(2).toString(), "reason", "推迟"))
                .post("/api/v1/notices/" + upcoming + "/extend").then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        given().contentType(ContentType.JSON).header("Authorization", admin())
                .body(Map.of("endsAt", now.plusDays(3).toString()))
                .post("/api/v1/notices/" + upcoming + "/extend").then().statusCode(400);
        assertEquals(etag, etag(upcoming), "nothing changed");
    }

    @Test
    void seedNoticeAsCapSaysWhereWhenAndWho() throws Exception {
        Map<String, Object> seed = notice(NoticeKind.WATER_OUTAGE, 1);
        String id = create(seed);
        Document alert = validCap(id);
        assertEquals("新建路路东(北沙河南岸—鑫磊大厦)", text(alert, "areaDesc"));
        assertEquals("停水", text(alert, "event"));
        assertEquals(OffsetDateTime.parse((String) seed.get("startsAt")).toInstant(),
                OffsetDateTime.parse(text(alert, "onset")).toInstant());
        assertTrue(text(alert, "onset").endsWith("+08:00"));
        assertEquals("Future", text(alert, "urgency"));
    }

    @Test
    void atomFeedIsValidAgainstRfc4287AndCarriesEveryPublishedNotice() throws Exception {
        List<String> ids = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            ids.add(create(notice(kind, 3)));
        }
        Map<String, Object> draft = notice(NoticeKind.GENERAL, 3);
        draft.remove("publish");
        String draftId = create(draft);
        String atom = given().get("/api/v1/notices/feed.atom").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        assertValidAtom(atom);
        for (String id : ids) {
            assertTrue(atom.contains("urn:uuid:" + id), id);
        }
        assertFalse(atom.contains(draftId), "drafts stay out");

        String index = given().get("/api/v1/notices/cap.atom").then().statusCode(200).extract().asString();
        assertValidAtom(index);
        assertTrue(index.contains("/api/v1/notices/" + ids.get(0) + "/cap"));
    }

    @Test
    void calendarParsesCancelledNoticesShowAsCancelledAndAddressFiltersIt() throws Exception {
        String xinjian = create(notice(NoticeKind.WATER_OUTAGE, 2));
        Map<String, Object> xingnong = notice(NoticeKind.WATER_OUTAGE, 2);
        xingnong.put("areas", List.of(Map.of("road", "兴农路", "from", "通达西街", "to", "益丰西街"),
                Map.of("road", "惠远西街", "from", "兴农路", "to", "人民南路")));
        String other = create(xingnong);
        String cancelled = create(notice(NoticeKind.POWER_OUTAGE, 2));
        given().contentType(ContentType.JSON).header("Authorization", admin()).body(Map.of("reason", "检修延期"))
                .post("/api/v1/notices/" + cancelled + "/cancel").then().statusCode(200);

        Calendar all = calendar(given().get("/api/v1/notices/calendar.ics").then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract().asByteArray());
        VEvent event = event(all, cancelled).orElseThrow();
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("1", value(event, Property.SEQUENCE));
        assertEquals("Asia/Shanghai", event.getProperty(Property.DTSTART).orElseThrow()
                .getParameter("TZID").orElseThrow().getValue());
        assertTrue(all.getComponents(Component.VTIMEZONE).size() == 1);
        assertEquals("CONFIRMED", value(event(all, xinjian).orElseThrow(), Property.STATUS));

        Calendar mine = calendar(given().queryParam("address", "新建路13号").get("/api/v1/notices/calendar.ics")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(event(mine, xinjian).isPresent());
        assertTrue(event(mine, other).isEmpty(), "兴农路 does not affect 新建路13号");
        // Cancelled on 新建路 too: it stays, as CANCELLED, so a phone that showed it takes it off.
        assertEquals("CANCELLED", value(event(mine, cancelled).orElseThrow(), Property.STATUS));
        for (VEvent shown : mine.<VEvent>getComponents(Component.VEVENT)) {
            assertTrue(value(shown, Property.LOCATION).contains("新建路"), value(shown, Property.LOCATION));
        }
    }

    @Test
    void pollingClientsGetA304UntilSomethingChanges() {
        create(notice(NoticeKind.GAS_OUTAGE, 2));
        for (String feed : List.of("/api/v1/notices/feed.atom", "/api/v1/notices/calendar.ics",
                "/api/v1/notices/cap.atom")) {
            var first = given().get(feed).then().statusCode(200).extract();
            given().header("If-None-Match", first.header("ETag")).get(feed).then().statusCode(304);
            given().header("If-Modified-Since", first.header("Last-Modified")).get(feed).then().statusCode(304);
        }
        String etag = given().get("/api/v1/notices/feed.atom").then().extract().header("ETag");
        create(notice(NoticeKind.GAS_OUTAGE, 2));
        given().header("If-None-Match", etag).get("/api/v1/notices/feed.atom").then().statusCode(200);

        String id = create(notice(NoticeKind.HEATING_OUTAGE, 2));
        String capTag = given().get("/api/v1/notices/" + id + "/cap").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", capTag).get("/api/v1/notices/" + id + "/cap").then().statusCode(304);
    }

    private static Document validCap(String id) throws Exception {
        byte[] xml = given().get("/api/v1/notices/" + id + "/cap").then().statusCode(200)
                .contentType(startsWith("application/cap+xml")).extract().asByteArray();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        URL xsd = FeedsTest.class.getResource("/standards/CAP-v1.2.xsd");
        factory.newSchema(xsd).newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(xml)));
        DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        return parser.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
    }

    private static void assertValidAtom(String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            public void warning(SAXParseException e) {
            }

            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertTrue(driver.loadSchema(new InputSource(FeedsTest.class.getResource("/standards/atom-rfc4287.rnc")
                .toString())), "schema loads");
        boolean valid = driver.validate(new InputSource(new StringReader(xml)));
        assertTrue(valid && errors.isEmpty(), "Atom errors: " + errors);
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagNameNS("urn:oasis:names:tc:emergency:cap:1.2", element).item(0).getTextContent();
    }

    private static Calendar calendar(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
    }

    private static Optional<VEvent> event(Calendar calendar, String noticeId) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> value(e, Property.UID).equals("notice-" + noticeId + "@shequ")).findFirst();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }

    /** A notice of the given kind on 新建路, published now, starting {@code days} from now. */
    static Map<String, Object> notice(NoticeKind kind, int days) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(days).withNano(0);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind.name());
        body.put("title", "通知 " + kind + " " + UUID.randomUUID().toString().substring(0, 6));
        body.put("issuer", "太原供水集团有限公司");
        body.put("reason", "兹因配合太原市新建路给水管线工程,需对供水管线进行改造");
        body.put("instructions", "望相关区域内的用户周知并提前做好储水准备。");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusHours(12).toString());
        body.put("areas", List.of(Map.of("road", "新建路", "side", "路东", "from", "北沙河南岸", "to", "鑫磊大厦",
                "description", "新建路路东(北沙河南岸—鑫磊大厦)")));
        body.put("publish", true);
        return body;
    }

    private static Map<String, Object> content(Map<String, Object> notice) {
        Map<String, Object> content = new HashMap<>(notice);
        content.remove("publish");
        return content;
    }

    private static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", admin()).body(body)
                .post("/api/v1/notices").then().statusCode(201).extract().path("id");
    }

    private static String etag(String id) {
        return given().get("/api/v1/notices/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static String admin() {
        return "Bearer " + TestInfra.get().token("community-admin", "test-community-admin", "新建南路第一社区");
    }
}
