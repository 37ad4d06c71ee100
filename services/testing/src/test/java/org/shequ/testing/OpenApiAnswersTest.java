package org.shequ.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiAnswersTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/api/v1/notices/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Notice"}}}},
                "304": {"description": "Not modified"}}}},
              "/api/v1/notices/affecting": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"type": "array"}}}}}}},
              "/api/v1/notices": {"post": {"responses": {"201": {"content": {"application/json": {"schema": {}}}}}}}},
             "components": {"schemas": {"Notice": {"type": "object", "properties": {
                "id": {"type": "string"}, "cancelledAt": {"type": ["string", "null"]},
                "sequence": {"type": "integer"}}}}}}
            """;
    private static final OpenApiAnswers ANSWERS = answers();

    @Test
    void anAnswerTheDocumentDescribesHasNoMismatch() {
        assertEquals(List.of(), ANSWERS.mismatches("GET", "/api/v1/notices/n-1", 200, "application/json;charset=UTF-8",
                "{\"id\": \"n-1\", \"cancelledAt\": null, \"sequence\": 2}"));
        assertEquals(List.of(), ANSWERS.mismatches("GET", "/api/v1/notices/n-1", 304, null, ""));
        assertEquals(List.of(), ANSWERS.mismatches("GET", "/api/v1/notices/affecting", 200, "application/json", "[]"));
    }

    @Test
    void aNullWhereTheDocumentSaysStringIsAMismatch() {
        List<String> wrong = ANSWERS.mismatches("GET", "/api/v1/notices/n-1", 200, "application/json",
                "{\"id\": null, \"sequence\": \"two\"}");
        assertEquals(2, wrong.size(), wrong.toString());
        assertTrue(wrong.get(0).startsWith("GET /api/v1/notices/n-1 → 200: "), wrong.toString());
    }

    @Test
    void anUndeclaredStatusAnUnknownPathAnUntypedBodyAndAnotherMediaTypeAreMismatches() {
        assertTrue(ANSWERS.mismatches("GET", "/api/v1/notices/n-1", 201, "application/json", "{}").get(0)
                .contains("status not declared"));
        assertTrue(ANSWERS.mismatches("GET", "/api/v1/other", 200, "application/json", "{}").get(0)
                .contains("no such operation"));
        assertTrue(ANSWERS.mismatches("POST", "/api/v1/notices", 201, "application/json", "{}").get(0)
                .contains("no schema"));
        assertTrue(ANSWERS.mismatches("GET", "/api/v1/notices/n-1", 200, "text/html", "<p>").get(0)
                .contains("a text/html body"));
    }

    @Test
    void aDocumentThatLeavesAnAnswerUntypedOrSaysNothingOfSecurityHasGaps() throws Exception {
        JsonNode document = new ObjectMapper().readTree(DOCUMENT);
        assertEquals(List.of(
                "GET /api/v1/notices/{id}: no security (public operations say security: [])",
                "GET /api/v1/notices/affecting: no security (public operations say security: [])",
                "POST /api/v1/notices → 201 application/json: no schema",
                "POST /api/v1/notices: no security (public operations say security: [])"),
                OpenApiAnswers.gaps(document));
    }

    private static OpenApiAnswers answers() {
        try {
            JsonNode document = new ObjectMapper().readTree(DOCUMENT);
            return new OpenApiAnswers(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
