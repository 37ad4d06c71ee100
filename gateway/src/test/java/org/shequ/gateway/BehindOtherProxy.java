package org.shequ.gateway;

import java.util.HashMap;
import java.util.Map;

/** Tight limits, with a trusted proxy range the test client is not in. */
public class BehindOtherProxy extends TightLimits {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("shequ.gateway.trusted-proxies", "10.0.0.0/8");
        return config;
    }
}
