package org.shequ.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds one OCI image per app with Jib, without a Docker daemon: the base (a registry image, or a {@code tar://}
 * image assembled locally), then the app's Quarkus fast-jar in three layers that change at different speeds (the
 * libraries, Quarkus' generated code, the application), run as UID 10001 — the user the Kubernetes manifests
 * demand — from {@code /app}, with nothing to write but {@code /tmp}. The result is {@code <app>.tar} (OCI image
 * layout in a tarball) per app, and pushed to a registry when one is given. Reproducible: files and the image carry
 * a fixed time, so an unchanged app gives the same image digest.
 */
public final class ImageBuilder {

    /** Each app, its module directory and the port it serves (and, for the gateway, its metrics port). */
    static final Map<String, App> APPS = new LinkedHashMap<>();

    record App(String module, List<Integer> ports) {
    }

    static {
        APPS.put("gateway", new App("gateway", List.of(8080, 9080)));
        APPS.put("notices", new App("services/notices", List.of(8081)));
        APPS.put("grid-tasks", new App("services/grid-tasks", List.of(8082)));
        APPS.put("food-inspections", new App("services/food-inspections", List.of(8083)));
        APPS.put("renovations", new App("services/renovations", List.of(8084)));
        APPS.put("webhooks", new App("services/webhooks", List.of(8085)));
    }

    static final String USER = "10001:10001";
    static final AbsoluteUnixPath APP_DIR = AbsoluteUnixPath.get("/app");

    private ImageBuilder() {
    }

    /** {@code ImageBuilder BASE OUT_DIR VERSION HOME [PUSH_REGISTRY]}. */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Path.of(args[1]);
        String version = args[2];
        Path home = Path.of(args[3]).toAbsolutePath().normalize();
        String push = args.length > 4 && args[4] != null && !args[4].isBlank() ? args[4] : null;
        Files.createDirectories(out);
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "shequ", "jib");
        for (Map.Entry<String, App> app : APPS.entrySet()) {
            Path quarkusApp = home.resolve(app.getValue().module()).resolve("target/quarkus-app");
            if (!Files.exists(quarkusApp.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException("No " + quarkusApp + "/quarkus-run.jar: package the apps first");
            }
            String name = "shequ/" + app.getKey() + ":" + version;
            long started = System.nanoTime();
            JibContainerBuilder image = plan(base, quarkusApp, app.getValue().ports());
            image.containerize(Containerizer.to(TarImage.at(out.resolve(app.getKey() + ".tar")).named(name))
                    .setBaseImageLayersCache(cache).setApplicationLayersCache(cache.resolve(app.getKey())));
            if (push != null) {
                image.containerize(Containerizer.to(RegistryImage.named(
                        ImageReference.parse(push + "/" + app.getKey() + ":" + version))));
            }
            System.out.printf("[images] %s -> %s (%.1f s)%n", name, out.resolve(app.getKey() + ".tar"),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    static JibContainerBuilder plan(String base, Path quarkusApp, List<Integer> ports) throws Exception {
        JibContainerBuilder image = Jib.from(base)
                .setFormat(ImageFormat.OCI)
                .addFileEntriesLayer(layer("libraries", quarkusApp, "lib"))
                .addFileEntriesLayer(layer("quarkus", quarkusApp, "quarkus"))
                .addFileEntriesLayer(layer("application", quarkusApp, "app"))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("launcher")
                        .addEntry(quarkusApp.resolve("quarkus-run.jar"), APP_DIR.resolve("quarkus-run.jar")).build())
                .setWorkingDirectory(APP_DIR)
                .setUser(USER)
                .setEntrypoint("java", "-jar", "/app/quarkus-run.jar")
                .setEnvironment(Map.of(
                        // Listen on the pod's address; the JVM fits the container's memory.
                        "SHEQU_HTTP_HOST", "0.0.0.0",
                        "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError",
                        "TZ", "UTC"))
                .setExposedPorts(ports.stream().map(Port::tcp).collect(java.util.stream.Collectors.toSet()))
                .setLabels(Map.of("org.opencontainers.image.title", quarkusApp.getParent().getParent().getFileName().toString(),
                        "org.opencontainers.image.source", "https://github.com/shequ/shequ"));
        return image;
    }

    private static FileEntriesLayer layer(String name, Path quarkusApp, String dir) throws Exception {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        Path from = quarkusApp.resolve(dir);
        try (var files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    layer.addEntry(file, APP_DIR.resolve(quarkusApp.relativize(file).toString()));
                }
            }
        }
        return layer.build();
    }

    static Set<String> names() {
        return APPS.keySet();
    }
}
