package org.shequ.gateway;

import java.util.HashMap;
import java.util.Map;

/** The stub services behind a gateway that lets go of silent connections, and of heads that never end, after a second. */
public class ShortIdleTimeout extends StubServices {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.http.idle-timeout", "1S");
        config.put("shequ.gateway.edge.head-timeout", "PT1S");
        return config;
    }
}
