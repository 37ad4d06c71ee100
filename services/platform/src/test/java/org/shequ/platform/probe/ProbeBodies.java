package org.shequ.platform.probe;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies a client sends to the probe service. */
public final class ProbeBodies {

    private ProbeBodies() {
    }

    /** A valid new probe with a fresh code; tests change what they are about. */
    public static Map<String, Object> newProbe() {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "P-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("kind", "WATER");
        body.put("label", "新建路给水管线");
        return body;
    }
}
