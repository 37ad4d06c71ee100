package org.shequ.gridtasks.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shequ.gridtasks.GridDatabase;
import org.shequ.testing.ShequInfraResource;

/** GeoReport v2 as a third-party 311 client uses it, in both of its formats. */
@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class Open311RoundTripTest {

    /** As 311 clients send it: form fields in UTF-8 (rest-assured would otherwise pick ISO-8859-1). */
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static String gridId;
    private static String workerId;

    @BeforeEach // not @BeforeAll: the app's port is known once the test instance runs
    void aGridToReportTo() {
        if (gridId != null) {
            return;
        }
        gridId = GridDatabase.createGrid();
        workerId = GridDatabase.registerWorker(gridId);
    }

    @Test
    void servicesAndTheirDefinitionsOfferTheGridsToReportTo() {
        given().get("/open311/v2/services.json?jurisdiction_id=taiyuan.yingze")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("service_code", hasItem("CLUTTER_CLEARANCE"))
                .body("find { it.service_code == 'CLUTTER_CLEARANCE' }.service_name", equalTo("楼道杂物清理"))
                .body("service_code", org.hamcrest.Matchers.not(hasItem("FOOD_SAFETY_FOLLOW_UP")));
        given().get("/open311/v2/services/CLUTTER_CLEARANCE.json")
                .then().statusCode(200)
                .body("attributes.find { it.code == 'grid' }.required", equalTo(false))
                .body("attributes.find { it.code == 'grid' }.values.key", hasItem(gridId));
        XmlPath xml = new XmlPath(given().get("/open311/v2/services.xml")
                .then().statusCode(200).contentType(startsWith("text/xml")).extract().asString());
        org.junit.jupiter.api.Assertions.assertTrue(
                xml.getList("services.service.service_code").contains("SANITATION"));
    }

    @Test
    void aRequestPostedInJsonReadsBackWithItsStatusAndClosesWhenTheWorkIsDone() {
        String id = given().header("Authorization", GridDatabase.bearer("resident"))
                .contentType(FORM).formParams(Map.of("service_code", "CLUTTER_CLEARANCE", "description", "6号楼楼道堆满纸箱，挡住了消防通道",
                        "attribute[grid]", gridId, "attribute[compound]", "胜利东街7号院", "attribute[building]", "6",
                        "jurisdiction_id", "taiyuan.yingze", "first_name", "王", "phone", "13812341234"))
                .post("/open311/v2/requests.json")
                .then().statusCode(201).contentType(startsWith("application/json"))
                .extract().path("[0].service_request_id");

        given().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200)
                .body("[0].service_request_id", equalTo(id))
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("CLUTTER_CLEARANCE"))
                .body("[0].agency_responsible", startsWith(GridDatabase.COMMUNITY))
                .body("[0].address", equalTo(GridDatabase.COMMUNITY + " 胜利东街7号院 6号楼"));
        given().get("/open311/v2/requests.json?status=open&service_code=CLUTTER_CLEARANCE")
                .then().statusCode(200).body("service_request_id", hasItem(id));
        org.junit.jupiter.api.Assertions.assertFalse(given().get("/open311/v2/requests/" + id + ".json").asString()
                .contains("13812341234"), "the spec's personal fields are not kept");

        String admin = GridDatabase.admin(GridDatabase.COMMUNITY);
        for (String action : new String[] {"assign", "start", "complete"}) {
            GridDatabase.act(id, action, admin, workerId).then().statusCode(200);
        }
        given().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200)
                .body("[0].status", equalTo("closed"))
                .body("[0].status_notes", equalTo("清理杂物及卫生死角80余处"));
        given().get("/open311/v2/requests.json?status=closed&service_request_id=" + id)
                .then().statusCode(200).body("service_request_id", hasItem(id));
    }

    @Test
    void aPositionSentAsLatAndLongIsKeptAndComesBack() {
        String id = given().header("Authorization", GridDatabase.bearer("resident"))
                .contentType(FORM).formParams(Map.of("service_code", "FACILITY_REPAIR", "description", "7号院门口路灯不亮",
                        "attribute[grid]", gridId, "lat", "37.857014", "long", "112.583371",
                        "address_string", "胜利东街7号院"))
                .post("/open311/v2/requests.json")
                .then().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200)
                .body("[0].lat", equalTo(37.857014f)).body("[0].long", equalTo(112.583371f));
        XmlPath xml = new XmlPath(given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200)
                .extract().asString());
        org.junit.jupiter.api.Assertions.assertEquals("37.857014", xml.getString("service_requests.request.lat"));
    }

    @Test
    void aPositionOutOfRangeOrHalfGivenIsA400InTheOpen311FormatAndFilesNothing() throws Exception {
        long before = GridDatabase.count("select count(*) from task");
        for (Map<String, String> position : java.util.List.of(Map.of("lat", "91", "long", "112.5"),
                Map.of("lat", "37.8", "long", "NaN"), Map.of("lat", "37.8"), Map.of("lat", "1e400", "long", "0"))) {
            Map<String, String> form = new java.util.HashMap<>(Map.of("service_code", "FACILITY_REPAIR",
                    "description", "路灯不亮", "attribute[grid]", gridId));
            form.putAll(position);
            given().header("Authorization", GridDatabase.bearer("resident")).contentType(FORM).formParams(form)
                    .post("/open311/v2/requests.json")
                    .then().statusCode(400).body("[0].code", equalTo(400));
        }
        org.junit.jupiter.api.Assertions.assertEquals(before, GridDatabase.count("select count(*) from task"));
    }

    @Test
    void aMediaUrlThatIsNotAnHttpAddressOfAPhotoIsA400AndFilesNothing() throws Exception {
        long before = GridDatabase.count("select count(*) from task");
        for (String mediaUrl : java.util.List.of("javascript:alert(1)", "data:image/png;base64,iVBOR", "/photos/1.jpg",
                "https://user:pw@photos.example.cn/1.jpg", "https://", "https://photos.example.cn/a b.jpg",
                "https://photos.example.cn/" + "a".repeat(2048))) {
            given().header("Authorization", GridDatabase.bearer("resident")).contentType(FORM)
                    .formParams(Map.of("service_code", "FACILITY_REPAIR", "description", "路灯不亮",
                            "attribute[grid]", gridId, "media_url", mediaUrl))
                    .post("/open311/v2/requests.json")
                    .then().statusCode(400).body("[0].description", startsWith("media_url"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(before, GridDatabase.count("select count(*) from task"));
    }

    @Test
    void aRegisteredClientPostsWithItsApiKeyAndAWrongKeyIsA401() throws Exception {
        String id = given().contentType(FORM).formParams(Map.of("service_code", "SANITATION",
                        "description", "垃圾桶满溢", "attribute[grid]", gridId, "api_key", "test-open311-key"))
                .post("/open311/v2/requests.json")
                .then().statusCode(201).extract().path("[0].service_request_id");
        org.junit.jupiter.api.Assertions.assertEquals(1, GridDatabase.count("select count(*) from task_transition "
                + "where task_id = '" + id + "' and actor = 'open311:city-app'"), "filed by the client the key names");
        long before = GridDatabase.count("select count(*) from task");
        given().contentType(FORM).formParams(Map.of("service_code", "SANITATION", "description", "垃圾桶满溢",
                        "attribute[grid]", gridId, "api_key", "not-our-key"))
                .post("/open311/v2/requests.json")
                .then().statusCode(401).body("[0].code", equalTo(401));
        org.junit.jupiter.api.Assertions.assertEquals(before, GridDatabase.count("select count(*) from task"));
    }

    /**
     * As a 311 app sends it: its api_key, where the resident stands and the address they typed, no grid id (a resident
     * cannot know one): the report goes to the grid that covers 胜利东街7号院, and the position comes back.
     */
    @Test
    void aReportWithAnApiKeyAPositionAndAnAddressGoesToTheGridCoveringTheCompound() {
        String covering = given().header("Authorization", GridDatabase.bearer("district-admin"))
                .contentType("application/json")
                .body(Map.of("community", GridDatabase.COMMUNITY, "name", "胜利东街网格", "compounds",
                        java.util.List.of("胜利东街7号院")))
                .post("/api/v1/grid/grids").then().statusCode(201)
                .body("compounds", hasItem("胜利东街7号院")).extract().path("id");
        given().header("Authorization", GridDatabase.bearer("district-admin")).contentType("application/json")
                .body(Map.of("community", GridDatabase.COMMUNITY, "name", "另一个网格", "compounds",
                        java.util.List.of("胜利东街7号院")))
                .post("/api/v1/grid/grids").then().statusCode(409).body("errors[0].field", equalTo("compounds"));
        String id = given().contentType(FORM).formParams(Map.of("service_code", "CLUTTER_CLEARANCE",
                        "description", "6号楼楼道堆满纸箱", "api_key", "test-open311-key", "lat", "37.857014",
                        "long", "112.583371", "address_string", "迎泽区胜利东街7号院6号楼"))
                .post("/open311/v2/requests.json")
                .then().statusCode(201).extract().path("[0].service_request_id");
        given().get("/open311/v2/requests/" + id + ".json")
                .then().statusCode(200)
                .body("[0].agency_responsible", equalTo(GridDatabase.COMMUNITY + " 胜利东街网格"))
                .body("[0].lat", equalTo(37.857014f)).body("[0].long", equalTo(112.583371f));
        given().header("Authorization", GridDatabase.bearer("district-admin")).get("/api/v1/grid/tasks/" + id)
                .then().statusCode(200).body("gridId", equalTo(covering));
        given().contentType(FORM).formParams(Map.of("service_code", "CLUTTER_CLEARANCE", "description", "楼道堆物",
                        "api_key", "test-open311-key", "address_string", "无人管的小区"))
                .post("/open311/v2/requests.json")
                .then().statusCode(400).body("[0].description", startsWith("No grid covers 无人管的小区"));
    }

    @Test
    void discoveryNamesTheGeoReportEndpointAndItsFormats() {
        given().get("/open311/discovery.json")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", org.hamcrest.Matchers.endsWith("/open311/v2"))
                .body("endpoints[0].type", equalTo("production"))
                .body("endpoints[0].formats", hasItem("text/xml"));
    }

    @Test
    void aRequestPostedInXmlReadsBackInXml() {
        XmlPath created = new XmlPath(given().header("Authorization", GridDatabase.bearer("integration"))
                .contentType(FORM).formParams(Map.of("service_code", "SANITATION", "description", "3单元门口垃圾无人清运",
                        "attribute[grid]", gridId))
                .post("/open311/v2/requests.xml")
                .then().statusCode(201).contentType(startsWith("text/xml")).extract().asString());
        String id = created.getString("service_requests.request.service_request_id");
        XmlPath read = new XmlPath(given().get("/open311/v2/requests/" + id + ".xml")
                .then().statusCode(200).extract().asString());
        org.junit.jupiter.api.Assertions.assertEquals(id, read.getString("service_requests.request.service_request_id"));
        org.junit.jupiter.api.Assertions.assertEquals("open", read.getString("service_requests.request.status"));
        org.junit.jupiter.api.Assertions.assertEquals("环境卫生", read.getString("service_requests.request.service_name"));
    }

    @Test
    void anUnknownServiceCodeIsA400InTheOpen311ErrorFormatAndFilesNothing() throws Exception {
        long before = GridDatabase.everything();
        given().header("Authorization", GridDatabase.bearer("resident"))
                .contentType(FORM).formParams(Map.of("service_code", "NOISE", "description", "噪音", "attribute[grid]", gridId))
                .post("/open311/v2/requests.json")
                .then().statusCode(400).contentType(startsWith("application/json"))
                .body("[0].code", equalTo(400))
                .body("[0].description", startsWith("service_code NOISE"));
        XmlPath error = new XmlPath(given().header("Authorization", GridDatabase.bearer("resident"))
                .contentType(FORM).formParams(Map.of("service_code", "NOISE", "description", "噪音", "attribute[grid]", gridId))
                .post("/open311/v2/requests.xml")
                .then().statusCode(400).contentType(startsWith("text/xml")).extract().asString());
        org.junit.jupiter.api.Assertions.assertEquals(400, error.getInt("errors.error.code"));
        given().get("/open311/v2/services/NOISE.xml").then().statusCode(404).contentType(startsWith("text/xml"));
        given().get("/open311/v2/requests.json?start_date=yesterday").then().statusCode(400)
                .body("[0].description", startsWith("start_date"));
        org.junit.jupiter.api.Assertions.assertEquals(before, GridDatabase.everything());
    }

    @Test
    void postingWithoutATokenIsA401InTheOpen311Format() {
        given().contentType(FORM).formParams(Map.of("service_code", "SANITATION", "description", "x", "attribute[grid]", gridId))
                .post("/open311/v2/requests.json")
                .then().statusCode(401).body("[0].code", equalTo(401));
    }
}
