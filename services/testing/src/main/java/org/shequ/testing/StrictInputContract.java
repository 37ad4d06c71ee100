package org.shequ.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile or careless client meets on a service's create endpoint: every JSON value of the wrong type (text
 * for a number, however blank), a number out of range, an unknown field or a control character is a 400 problem
 * naming the field, and neither a row nor an event is
 * written. A service's test extends this with {@code @QuarkusTest} and names its endpoint, a valid body and the
 * fields of each kind; the platform's one ObjectMapper is what is under test, through the service's own resource.
 */
public abstract class StrictInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONE_SURROGATE = "<lone-surrogate>";

    private final String path;
    private final String writerRole;
    private final String enumField;
    private final String instantField;
    private final String textField;
    private final String longTextField;

    /**
     * @param path          the create endpoint, e.g. {@code /api/v1/notices}
     * @param writerRole    a role that may create
     * @param enumField     an enum field, or null when the endpoint has none (its rows are then skipped, not passed)
     * @param instantField  an instant or date field, or null
     * @param textField     a one-line text field (a title, a name)
     * @param longTextField a free-text field where line breaks are allowed (a reason, a description), or null
     */
    protected StrictInputContract(String path, String writerRole, String enumField, String instantField,
                                  String textField, String longTextField) {
        this.path = path;
        this.writerRole = writerRole;
        this.enumField = enumField;
        this.instantField = instantField;
        this.textField = textField;
        this.longTextField = longTextField;
    }

    /**
     * An optional number field (an integer or a decimal, e.g. a capacity or a floor area), or null when the endpoint
     * has none: text of any kind for it, and numbers no column can hold, must be refused, never taken as null.
     */
    protected String numberField() {
        return null;
    }

    /** A body the endpoint accepts with 201, holding a value for each field named above. */
    protected abstract ObjectNode validBody();

    /** Rows of the aggregate and of the outbox, straight from the database, to prove nothing was written. */
    protected abstract long rowsAndEvents() throws Exception;

    static Stream<Arguments> hostileValues() {
        return Stream.of(
                row("a number for an enum", c -> c.body.put(c.enumField, 0), Kind.ENUM),
                row("a digit string for an enum", c -> c.body.put(c.enumField, "0"), Kind.ENUM),
                row("a lower-case enum name", c -> c.body.put(c.enumField, c.body.get(c.enumField).asText().toLowerCase()), Kind.ENUM),
                row("zero for an instant", c -> c.body.put(c.instantField, 0), Kind.INSTANT),
                row("a negative number for an instant", c -> c.body.put(c.instantField, -1), Kind.INSTANT),
                row("a fraction for an instant", c -> c.body.put(c.instantField, 3.5), Kind.INSTANT),
                row("a digit string for an instant", c -> c.body.put(c.instantField, "0"), Kind.INSTANT),
                row("an instant without offset", c -> c.body.put(c.instantField, "2024-11-26T20:00:00"), Kind.INSTANT),
                row("a number for text", c -> c.body.put(c.textField, 42), Kind.TEXT),
                row("a boolean for text", c -> c.body.put(c.textField, true), Kind.TEXT),
                row("an object for text", c -> c.body.putObject(c.textField).put("zh", "停水通知"), Kind.TEXT),
                row("an array for text", c -> c.body.putArray(c.textField).add("停水通知"), Kind.TEXT),
                row("a NUL in text", c -> c.body.put(c.textField, "停水\u0000通知"), Kind.TEXT),
                row("an escape character in text", c -> c.body.put(c.textField, "停水\u001b[31m通知"), Kind.TEXT),
                row("a line break in one-line text", c -> c.body.put(c.textField, "停水\n通知"), Kind.TEXT),
                row("a NUL in long text", c -> c.body.put(c.longTextField, "储水\u0000准备"), Kind.LONG_TEXT),
                row("DEL in long text", c -> c.body.put(c.longTextField, "储水\u007f准备"), Kind.LONG_TEXT),
                row("an unpaired surrogate in text", c -> c.body.put(c.textField, "停水" + LONE_SURROGATE + "通知"), Kind.TEXT),
                row("an empty string for a number", c -> c.body.put(c.numberField, ""), Kind.NUMBER),
                row("spaces for a number", c -> c.body.put(c.numberField, "   "), Kind.NUMBER),
                row("tab and line breaks for a number", c -> c.body.put(c.numberField, "\t\n\r"), Kind.NUMBER),
                row("a NUL for a number", c -> c.body.put(c.numberField, "\u0000"), Kind.NUMBER),
                row("a digit string for a number", c -> c.body.put(c.numberField, "12"), Kind.NUMBER),
                row("a boolean for a number", c -> c.body.put(c.numberField, true), Kind.NUMBER),
                row("2^63 for a number", c -> c.body.put(c.numberField, new java.math.BigInteger("9223372036854775808")),
                        Kind.NUMBER),
                row("-2^63-1 for a number", c -> c.body.put(c.numberField,
                        new java.math.BigInteger("-9223372036854775809")), Kind.NUMBER),
                row("1e400 for a number", c -> c.body.put(c.numberField, new java.math.BigDecimal("1e400")), Kind.NUMBER),
                row("an unknown field", c -> c.body.put("endAt", "2024-11-27T08:00:00+08:00"), Kind.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void hostileValueIsA400NamingTheFieldAndWritesNothing(String name, Consumer<Case> change, Kind kind)
            throws Exception {
        String field = switch (kind) {
            case ENUM -> enumField;
            case INSTANT -> instantField;
            case TEXT -> textField;
            case LONG_TEXT -> longTextField;
            case NUMBER -> numberField();
            case UNKNOWN -> "endAt";
        };
        Assumptions.assumeTrue(field != null, "the endpoint has no field of this kind");
        Case c = new Case(validBody(), enumField, instantField, textField, longTextField, numberField());
        change.accept(c);
        // A lone surrogate cannot be encoded as UTF-8 by the client; it travels as the JSON escape a hostile client sends.
        assertRefused(JSON.writeValueAsString(c.body).replace(LONE_SURROGATE, "\\ud842"), field);
    }

    @Test
    void duplicateKeysAreRefusedRatherThanGuessed() throws Exception {
        String body = JSON.writeValueAsString(validBody());
        String duplicated = "{\"" + textField + "\":\"第一\"," + body.substring(1);
        assertRefused(duplicated, null);
    }

    @Test
    void lineBreaksAndInjectionLookingTextAreKeptByteForByte() throws Exception {
        String longText = "第一行\n\t第二行 '; DROP TABLE notice; -- <script>alert(1)</script> {{7*7}} ${jndi:x}";
        String oneLine = "Robert'); DROP TABLE x;-- <b>&amp;</b> 𠮷";
        ObjectNode body = validBody();
        if (longTextField != null) {
            body.put(longTextField, longText);
        }
        body.put(textField, oneLine);
        JsonNode created = JSON.readTree(given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token(writerRole))
                .body(JSON.writeValueAsBytes(body)).post(path)
                .then().statusCode(201).extract().asByteArray());
        if (longTextField != null) {
            assertEquals(longText, created.path(longTextField).asText());
        }
        assertEquals(oneLine, created.path(textField).asText());
    }

    private void assertRefused(String body, String field) throws Exception {
        long before = rowsAndEvents();
        var answer = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestInfra.get().token(writerRole))
                .body(body.getBytes(StandardCharsets.UTF_8)).post(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", not(containsString("org.")))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("com.fasterxml")));
        if (field != null) {
            answer.body("errors.field", hasItem(field));
        }
        assertEquals(before, rowsAndEvents(), "rows and outbox events");
    }

    /** One request body being spoiled, with the names of the endpoint's fields of each kind. */
    public static final class Case {
        final ObjectNode body;
        final String enumField;
        final String instantField;
        final String textField;
        final String longTextField;
        final String numberField;

        Case(ObjectNode body, String enumField, String instantField, String textField, String longTextField,
             String numberField) {
            this.body = body;
            this.enumField = enumField;
            this.instantField = instantField;
            this.textField = textField;
            this.longTextField = longTextField;
            this.numberField = numberField;
        }
    }

    enum Kind { ENUM, INSTANT, TEXT, LONG_TEXT, NUMBER, UNKNOWN }

    private static Arguments row(String name, Consumer<Case> change, Kind kind) {
        return Arguments.of(name, change, kind);
    }

    /** For a {@link #validBody()}: a JSON object to fill. */
    protected static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
