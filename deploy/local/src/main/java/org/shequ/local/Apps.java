package org.shequ.local;

import java.nio.file.Path;
import java.util.List;

/** The apps of the suite, where their runnable jars are built, and the loopback ports they get locally. */
public record Apps(String name, String moduleDir, int port, String urlVariable) {

    public static final Apps GATEWAY = new Apps("gateway", "gateway", 8080, null);

    public static final List<Apps> SERVICES = List.of(
            new Apps("notices", "services/notices", 8081, "SHEQU_NOTICES_URL"),
            new Apps("grid-tasks", "services/grid-tasks", 8082, "SHEQU_GRID_TASKS_URL"),
            new Apps("food-inspections", "services/food-inspections", 8083, "SHEQU_FOOD_INSPECTIONS_URL"),
            new Apps("renovations", "services/renovations", 8084, "SHEQU_RENOVATIONS_URL"),
            new Apps("webhooks", "services/webhooks", 8085, "SHEQU_WEBHOOKS_URL"));

    public static List<Apps> all() {
        return java.util.stream.Stream.concat(SERVICES.stream(), java.util.stream.Stream.of(GATEWAY)).toList();
    }

    public Path runnerJar(Path home) {
        return home.resolve(moduleDir).resolve("target/quarkus-app/quarkus-run.jar");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
