package dev.sequencer.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A new, empty schema on the database server of {@code sequencer.test.url}, dropped with everything in it by
 * {@link #close()}: a schema of the configured database on PostgreSQL, a database of its own on MariaDB and MySQL
 * (where a schema is a database). Its connections use it, so Flyway and Sequencer create their tables there.
 */
final class ServerSchema implements TestDatabase {

    /** How each kind of server makes, uses and drops a schema. */
    enum Server {
        POSTGRESQL("PostgreSQL schema", "create schema %s", "drop schema if exists %s cascade") {
            @Override
            String urlOf(String serverUrl, String schema) {
                return JdbcUrls.withParameter(serverUrl, "currentSchema", schema);
            }
        },
        MARIADB("MariaDB/MySQL database", "create database %s", "drop database if exists %s") {
            @Override
            String urlOf(String serverUrl, String schema) {
                return JdbcUrls.withDatabase(serverUrl, schema);
            }
        };

        private final String noun;
        private final String create;
        private final String drop;

        Server(String noun, String create, String drop) {
            this.noun = noun;
            this.create = create;
            this.drop = drop;
        }

        /** The URL whose connections work in {@code schema}. */
        abstract String urlOf(String serverUrl, String schema);
    }

    private final Server server;
    private final String serverUrl;
    private final String schema;
    private final UrlDataSource dataSource;

    private ServerSchema(Server server, String serverUrl, String schema) {
        this.server = server;
        this.serverUrl = serverUrl;
        this.schema = schema;
        this.dataSource = new UrlDataSource(server.urlOf(serverUrl, schema), description());
    }

    /** Creates {@code schema}, a plain lower-case identifier, on the server of {@code serverUrl}. */
    static ServerSchema create(Server server, String serverUrl, String schema) {
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain schema name: " + schema);
        }
        ServerSchema created = new ServerSchema(server, serverUrl, schema);
        created.execute(String.format(server.create, schema), "create");
        return created;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String description() {
        return server.noun + " " + schema + " on " + JdbcUrls.server(serverUrl);
    }

    @Override
    public void close() {
        execute(String.format(server.drop, schema), "drop");
    }

    private void execute(String sql, String verb) {
        try (Connection c = DriverManager.getConnection(serverUrl);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + verb + " the " + description() + ": " + e.getMessage(), e);
        }
    }
}
