package org.shequ.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Entry point of {@code deploy/local/shequ}: {@code up [--fresh]}, {@code token ROLE [SUBJECT]}, {@code seed}. */
public final class Shequ {

    private Shequ() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("SHEQU_HOME", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(env.getOrDefault("SHEQU_DATA_DIR", home.resolve("deploy/local/.data").toString()));
        DevKeys keys = new DevKeys(dataDir.resolve("keys"));
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> {
                stopOnCtrlC();
                new LocalStack(home, dataDir, env).up(rest.contains("--fresh"));
                Thread.currentThread().join();
            }
            case "token" -> {
                if (rest.isEmpty()) {
                    usage(2);
                }
                List<String> positional = new java.util.ArrayList<>(rest);
                Map<String, String> claims = new java.util.LinkedHashMap<>();
                int community = positional.indexOf("--community");
                if (community >= 0) {
                    if (community + 1 >= positional.size()) {
                        usage(2);
                    }
                    claims.put("community", positional.get(community + 1));
                    positional.subList(community, community + 2).clear();
                }
                System.out.println(keys.token(positional.get(0),
                        positional.size() > 1 ? positional.get(1) : "dev-" + positional.get(0), Duration.ofHours(12),
                        DevKeys.AUDIENCE, claims));
            }
            case "seed" -> new Seed(env.getOrDefault("SHEQU_GATEWAY_URL", "http://localhost:8080"), keys).run();
            default -> usage(command.equals("help") ? 0 : 2);
        }
    }

    /**
     * Ctrl-C runs the shutdown hooks that stop everything. Installed explicitly because a JVM started from a
     * background job inherits SIGINT as ignored and would otherwise not react to it at all.
     */
    @SuppressWarnings("removal")
    private static void stopOnCtrlC() {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> System.exit(130));
    }

    private static void usage(int status) {
        System.err.println("""
                usage: deploy/local/shequ up [--fresh]       start the suite; Ctrl-C stops it
                       deploy/local/shequ token ROLE [SUB] [--community NAME]
                                             print a dev JWT; ROLE is one of %s; a community-admin
                                             acts within NAME
                       deploy/local/shequ seed               load the sample data through the gateway
                """.formatted(DevKeys.ROLES));
        System.exit(status);
    }
}
