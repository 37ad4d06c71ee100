package org.shequ.gateway;

import java.util.HashMap;
import java.util.Map;

/** The stub services behind a gateway that lets go of silent connections after a second. */
public class ShortIdleTimeout extends StubServices {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.http.idle-timeout", "1S");
        return config;
    }
}
