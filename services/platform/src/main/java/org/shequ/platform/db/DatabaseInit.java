package org.shequ.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates each service's schema and its two database users on a MySQL server, as a cluster's database administrator
 * would (the dev overlay's init Job runs it; docs/OPERATIONS.md, "Databases and users", gives the same statements for
 * a managed MySQL): the app's user may read and write rows of its own schema only, the migrator may change that
 * schema and nothing else. Safe to run again: what exists is kept, and passwords are set to the mounted ones, which is
 * how a rotated password reaches the server.
 *
 * <p>Runs outside Quarkus, with the JDK and the MySQL driver only, from an app image's libraries:
 * {@code java -cp '/app/lib/main/*' org.shequ.platform.db.DatabaseInit <server url> <admin file> <service>=<schema>
 * ...}; each service's credentials are read from {@code <dir>/<service>-db/credentials.properties} and
 * {@code <dir>/<service>-db-migrator/credentials.properties} ({@code shequ.db.user}, {@code shequ.db.password}),
 * {@code <dir>} being {@code SHEQU_DB_INIT_CREDENTIALS} (default {@code /etc/shequ/init}).
 */
public final class DatabaseInit {

    /** Names go into statements as identifiers; only these can. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    static final String APP_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE";

    record Grant(String schema, Credentials user, String privileges) {
    }

    record Credentials(String user, String password) {
        static Credentials read(Path file) throws IOException {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String user = properties.getProperty("shequ.db.user", "");
            String password = properties.getProperty("shequ.db.password", "");
            if (!NAME.matcher(user).matches() || password.isEmpty()) {
                throw new IllegalArgumentException(file + " needs shequ.db.user (" + NAME.pattern()
                        + ") and a shequ.db.password");
            }
            return new Credentials(user, password);
        }
    }

    private DatabaseInit() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DatabaseInit <jdbc server url> <admin credentials file> <service>=<schema>...");
            System.exit(2);
        }
        Path credentials = Path.of(System.getenv().getOrDefault("SHEQU_DB_INIT_CREDENTIALS", "/etc/shequ/init"));
        Credentials admin = Credentials.read(Path.of(args[1]));
        List<Grant> grants = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] serviceAndSchema = args[i].split("=", 2);
            String service = serviceAndSchema[0];
            String schema = serviceAndSchema.length == 2 ? serviceAndSchema[1] : "";
            grants.add(new Grant(schema, Credentials.read(credentials.resolve(service + "-db")
                    .resolve("credentials.properties")), APP_PRIVILEGES));
            grants.add(new Grant(schema, Credentials.read(credentials.resolve(service + "-db-migrator")
                    .resolve("credentials.properties")), "ALL PRIVILEGES"));
        }
        try (Connection server = DriverManager.getConnection(args[0], admin.user(), admin.password())) {
            apply(server, grants);
        }
        System.err.println("[db-init] " + grants.size() / 2 + " schemas and " + grants.size() + " users in place");
    }

    static void apply(Connection server, List<Grant> grants) throws SQLException {
        for (Grant grant : grants) {
            String schema = identifier(grant.schema());
            String user = "'" + identifier(grant.user().user()) + "'@'%'";
            try (Statement s = server.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + schema
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            // The password goes as a parameter the driver escapes, never into the statement text.
            for (String statement : List.of("CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY ?",
                    "ALTER USER " + user + " IDENTIFIED BY ?")) {
                try (PreparedStatement s = server.prepareStatement(statement)) {
                    s.setString(1, grant.user().password());
                    s.execute();
                }
            }
            try (Statement s = server.createStatement()) {
                s.execute("GRANT " + grant.privileges() + " ON `" + schema + "`.* TO " + user);
            }
        }
    }

    private static String identifier(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a name for a schema or user: " + name);
        }
        return name;
    }
}
