package org.shequ.gateway;

import java.util.HashMap;
import java.util.Map;

/** Tight limits, with the test client's loopback address as the trusted proxy in front of the gateway. */
public class BehindTrustedProxy extends TightLimits {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("shequ.gateway.trusted-proxies", "127.0.0.1/32");
        return config;
    }
}
