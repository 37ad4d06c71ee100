package org.shequ.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventMaskingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void phonesNamesListsOfNamesAndAccountIdsAreMaskedAtAnyDepthAndTheRestIsKept() throws Exception {
        String event = "{\"name\":\"阳光午托\",\"operatorName\":\"王芳\",\"phone\":\"13812341234\","
                + "\"contact\":\"13912345678\",\"requestedBy\":\"resident-7\",\"capacity\":30,"
                + "\"checklist\":[{\"item\":\"KITCHEN_HYGIENE\",\"inspectors\":[\"李明\",\"欧阳明\"]}]}";
        assertEquals("{\"name\":\"阳光午托\",\"operatorName\":\"王*\",\"phone\":\"138****1234\","
                        + "\"contact\":\"139****5678\",\"requestedBy\":\"***\",\"capacity\":30,"
                        + "\"checklist\":[{\"item\":\"KITCHEN_HYGIENE\",\"inspectors\":[\"李*\",\"欧**\"]}]}",
                EventMasking.masked(JSON.readTree(event)).toString());
    }
}
