package org.shequ.model.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    @Test
    void theNextHopKeepsTheCallersTraceAndFlagsAndNamesANewParent() {
        String next = TraceParent.nextHop(CALLER);
        assertTrue(TraceParent.isValid(next), next);
        assertEquals(CALLER.substring(0, 36), next.substring(0, 36));
        assertEquals("-00", next.substring(52));
        assertNotEquals(CALLER.substring(36, 52), next.substring(36, 52));
    }

    @Test
    void aMissingOrMalformedHeaderStartsANewSampledTrace() {
        for (String incoming : new String[] {null, "", "00-xyz", CALLER.toUpperCase(),
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}) {
            String started = TraceParent.nextHop(incoming);
            assertTrue(TraceParent.isValid(started), started);
            assertTrue(started.endsWith("-01"));
            assertNotEquals(TraceParent.nextHop(incoming).substring(3, 35), started.substring(3, 35));
        }
        assertFalse(TraceParent.isValid(CALLER.replace("-00f0", "-00F0")));
    }
}
