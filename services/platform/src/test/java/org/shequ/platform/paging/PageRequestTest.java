package org.shequ.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.shequ.platform.problem.InvalidInputException;

class PageRequestTest {

    @ParameterizedTest(name = "limit ''{0}'' is {1}")
    @CsvSource(value = {"NULL,50", "'',50", "' ',50", "1,1", "200,200", "' 7 ',7"}, nullValues = "NULL")
    void limitDefaultsTo50AndAcceptsOneTo200(String limit, int expected) {
        assertEquals(expected, PageRequest.of(null, limit).limit());
    }

    @ParameterizedTest(name = "limit ''{0}''")
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5", "99999999999"})
    void limitOutsideOneTo200IsA400NamingLimit(String limit) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PageRequest.of(null, limit));
        assertEquals("limit", e.errors().get(0).field());
    }

    @Test
    void cursorRoundTripsItsInstantToTheMicrosecondAndItsId() {
        Cursor cursor = new Cursor(Instant.parse("2024-11-25T12:00:00.123456Z"), "3f1c0b5e-notice");
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        assertEquals(cursor, PageRequest.of(cursor.encode(), "10").after());
    }

    @ParameterizedTest(name = "no cursor: ''{0}''")
    @NullAndEmptySource
    void noCursorStartsAtTheTop(String cursor) {
        assertNull(Cursor.decode(cursor));
    }

    @ParameterizedTest(name = "cursor ''{0}''")
    @ValueSource(strings = {"garbage!", "bm90LWEtY3Vyc29y", "MTIzLjQ1Ng", "MTIzLjQ1Ni4"})
    void cursorThisServiceDidNotHandOutIsA400NamingCursor(String cursor) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Cursor.decode(cursor));
        assertEquals("cursor", e.errors().get(0).field());
    }
}
