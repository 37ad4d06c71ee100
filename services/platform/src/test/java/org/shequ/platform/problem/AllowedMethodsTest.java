package org.shequ.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    @Test
    void templatesMatchTheirPathsAndNothingLonger() {
        assertTrue(AllowedMethods.regex("/api/v1/notices/{id}").matcher("/api/v1/notices/42").matches());
        assertTrue(AllowedMethods.regex("/api/v1/notices/").matcher("/api/v1/notices").matches());
        assertTrue(AllowedMethods.regex("/api/v1/notices//{id}/cap").matcher("/api/v1/notices/42/cap/").matches());
        assertFalse(AllowedMethods.regex("/api/v1/notices/{id}").matcher("/api/v1/notices/42/cap").matches());
        assertTrue(AllowedMethods.regex("/open311/v2/requests/{id: [^.]+}.json").matcher("/open311/v2/requests/7.json")
                .matches());
        assertFalse(AllowedMethods.regex("/api/v1/notices.atom").matcher("/api/v1/noticesXatom").matches());
    }
}
