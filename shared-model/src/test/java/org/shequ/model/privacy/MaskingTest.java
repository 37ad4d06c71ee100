package org.shequ.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"13812341234, 138****1234", "' 13912345678 ', 139****5678", "0351-4045678, 035*****5678",
            "4045678, *****78", "12, **"})
    void phonesShowOnlyTheirEnds(String phone, String masked) {
        assertEquals(masked, Masking.phone(phone));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"王芳, 王*", "王, 王*", "欧阳明, 欧**", "𠮷田, 𠮷*"})
    void namesShowOnlyTheFamilyName(String name, String masked) {
        assertEquals(masked, Masking.name(name));
    }
}
