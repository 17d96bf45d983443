package dev.sequencer.test;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Chooses and creates the database of one test: in-memory H2, or a fresh schema on the server of a URL. */
final class TestDatabases {

    /** The key of the server URL: a property, JUnit configuration parameter or system property. */
    static final String URL_KEY = "sequencer.test.url";

    /** The environment variable read when the key is not set. */
    static final String URL_VARIABLE = "SEQUENCER_TEST_URL";

    private TestDatabases() {}

    /**
     * The server URL the tests run on, from the first that is set and not blank: the test's own properties, the JUnit
     * configuration parameter (JUnit also reads it from system properties and {@code junit-platform.properties}),
     * the environment variable. Empty means in-memory H2.
     */
    static Optional<String> configuredUrl(
            Map<String, String> properties,
            Function<String, Optional<String>> configurationParameter,
            Map<String, String> environment) {
        return Optional.ofNullable(properties.get(URL_KEY))
                .filter(TestDatabases::isSet)
                .or(() -> configurationParameter.apply(URL_KEY).filter(TestDatabases::isSet))
                .or(() -> Optional.ofNullable(environment.get(URL_VARIABLE)).filter(TestDatabases::isSet))
                .map(String::trim);
    }

    /** A new, empty database: H2 in memory without a URL, else a new schema on the URL's server. */
    static TestDatabase create(Optional<String> serverUrl) {
        String name = "sequencer_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (serverUrl.isEmpty()) {
            return new H2MemoryDatabase(name);
        }
        String url = serverUrl.get();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return ServerSchema.create(ServerSchema.Server.POSTGRESQL, url, name);
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return ServerSchema.create(ServerSchema.Server.MARIADB, url, name);
        }
        throw new IllegalArgumentException(URL_KEY + " must be a PostgreSQL, MariaDB or MySQL JDBC URL"
                + " (jdbc:postgresql://..., jdbc:mariadb://..., jdbc:mysql://...), not " + JdbcUrls.server(url)
                + "; leave it unset to test on in-memory H2");
    }

    private static boolean isSet(String value) {
        // Maven leaves an undefined ${...} in place when a build passes a property it does not have.
        return !value.isBlank() && !value.startsWith("${");
    }
}
