package io.synod.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL (Debian's package, installed by bin/setup), started if it is not running.
 * Each service gets its own database owned by a login role; the role's password is a local-only
 * development credential created here, never a deployment secret.
 */
public final class LocalPostgres {
    public static final int PORT = 5432;
    public static final String USER = "synod";
    public static final String PASSWORD = "synod-local";

    private LocalPostgres() {}

    public static synchronized String ensure(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bad database name " + database);
        }
        Path log = Tools.stateDir("postgres").resolve("setup.log");
        if (!Processes.portOpen(PORT)) {
            String version = installedVersion();
            Processes.run(List.of("pg_ctlcluster", version, "main", "start"), log, Map.of());
            Processes.awaitPort(PORT, Duration.ofSeconds(30), log);
        }
        if (psql("postgres", "SELECT 1", log) != 0) {
            int rc = Processes.run(List.of("runuser", "-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1", "-c",
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + USER + "') THEN "
                            + "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'; "
                            + "ELSE ALTER ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'; END IF; END $$"),
                    log, Map.of());
            if (rc != 0) {
                throw new IllegalStateException("cannot create the " + USER + " role; see " + log);
            }
        }
        if (psql(database, "SELECT 1", log) != 0 && psql("postgres", "CREATE DATABASE " + database, log) != 0) {
            throw new IllegalStateException("cannot create database " + database + "; see " + log);
        }
        return "postgresql://127.0.0.1:" + PORT + "/" + database;
    }

    /** Drops and recreates a database: for tests that need an empty one. */
    public static synchronized String recreate(String database) {
        ensure("postgres");
        Path log = Tools.stateDir("postgres").resolve("setup.log");
        psql("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", log);
        return ensure(database);
    }

    private static int psql(String db, String sql, Path log) {
        return Processes.run(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(PORT), "-U", USER, "-d", db,
                "-v", "ON_ERROR_STOP=1", "-qtAc", sql), log, Map.of("PGPASSWORD", PASSWORD, "PGCONNECT_TIMEOUT", "5"));
    }

    private static String installedVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).max(String::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL: run bin/setup"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL is not installed: run bin/setup", e);
        }
    }
}
