package org.shequ.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The runtime classpath of this module, recorded at build time, for starting its mains in child JVMs. */
final class LocalClasspath {

    private LocalClasspath() {
    }

    static String get() {
        try (InputStream in = LocalClasspath.class.getResourceAsStream("/META-INF/shequ-local.classpath")) {
            if (in == null) {
                throw new IllegalStateException("META-INF/shequ-local.classpath missing: build deploy/local first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path self = Path.of(LocalClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + dependencies;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the shequ-local classpath", e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
