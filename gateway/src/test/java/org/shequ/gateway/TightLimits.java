package org.shequ.gateway;

import java.util.HashMap;
import java.util.Map;

/** The stub services behind a gateway with small limits, so a test reaches them in a few requests. */
public class TightLimits extends StubServices {

    static final int QUOTA = 5;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("shequ.gateway.rate-limits.default.quota", String.valueOf(QUOTA));
        config.put("shequ.gateway.rate-limits.default.window", "PT60S");
        config.put("shequ.gateway.rate-limits.anonymous.quota", String.valueOf(QUOTA));
        config.put("shequ.gateway.max-body-bytes", "10000");
        config.put("quarkus.http.cors.origins", "https://app.shequ.example");
        return config;
    }
}
