package org.shequ.foodinspections.provider;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.shequ.testing.TestInfra;

/** A 小饭桌 of 双塔寺一社区, as the 25 November 2024 survey entered them, and row counts from the ledger. */
final class ProviderFixtures {

    private ProviderFixtures() {
    }

    static Map<String, Object> provider() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "双塔寺小饭桌");
        body.put("address", "迎泽区双塔寺街12号");
        body.put("operatorName", "王芳");
        body.put("phone", "13812341234");
        body.put("licenseNo", "JY" + UUID.randomUUID().toString().substring(0, 12));
        body.put("capacity", 30);
        body.put("community", "双塔寺一社区");
        return body;
    }

    static long count(String sql) throws Exception {
        return TestInfra.get().count("shequ_food_inspections", sql);
    }

    static long providersAndEvents() throws Exception {
        return count("select (select count(*) from provider) + (select count(*) from outbox_event)");
    }

    static String bearer(String role) {
        return org.shequ.foodinspections.FoodFixtures.bearer(role);
    }
}
