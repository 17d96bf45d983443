package dev.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sequencer.support.TestDatabase;
import dev.sequencer.support.TestOperations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database that retrying cannot reach (wrong credentials, unknown database, nothing listening) fails the first
 * call at once with one message naming the key to check and the database's own reason, never the password. Only
 * transient errors are waited for, up to {@code sequencer.connection-timeout} (here a minute, so a test that waited
 * would end with the pool's "timed out" message instead of the reason).
 */
class ConnectionErrorTest {

    static final String SECRET = "s3cret-Pa55";

    /** Case name, URL, user, password, the key the message must name, a fragment of the database's reason. */
    static Stream<Arguments> unreachable() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        String h2 = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keeper = DriverManager.getConnection(h2, "sa", "right-one")) {
            keeper.isValid(1); // the database now exists with that password
        }
        cases.add(Arguments.of(
                "h2 wrong password", h2, "sa", SECRET, "sequencer.password", "Wrong user name or password"));
        cases.add(Arguments.of(
                "h2 unknown database",
                "jdbc:h2:file:./target/no-such-db-" + UUID.randomUUID() + ";IFEXISTS=TRUE",
                "sa",
                SECRET,
                "sequencer.url",
                "not found"));
        cases.add(Arguments.of(
                "nothing listening",
                "jdbc:postgresql://127.0.0.1:1/test",
                "postgres",
                SECRET,
                "sequencer.url",
                "refused"));
        TestDatabase.postgres().ifPresent(pg -> {
            cases.add(Arguments.of(
                    "postgresql unknown user",
                    base(pg.url()) + "test",
                    "no_such_role",
                    SECRET,
                    "sequencer.user",
                    "no_such_role"));
            cases.add(Arguments.of(
                    "postgresql unknown database",
                    base(pg.url()) + "no_such_database",
                    "postgres",
                    SECRET,
                    "sequencer.url",
                    "no_such_database"));
        });
        TestDatabase.mariadb().ifPresent(maria -> {
            cases.add(Arguments.of(
                    "mariadb wrong password",
                    base(maria.url()) + "test",
                    "root",
                    SECRET,
                    "sequencer.password",
                    "Access denied"));
            cases.add(Arguments.of(
                    "mariadb unknown database",
                    base(maria.url()) + "no_such_database",
                    "root",
                    "",
                    "sequencer.url",
                    "no_such_database"));
        });
        return cases.stream();
    }

    /** {@code jdbc:postgresql://host:port/} of a test URL. */
    static String base(String url) {
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return url.substring(0, path + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreachable")
    void anUnreachableDatabaseFailsAtOnceNamingTheKeyAndTheReason(
            String name, String url, String user, String password, String key, String reason) {
        try (Sequencer sequencer = Sequencer.configure()
                .property("sequencer.url", url)
                .property("sequencer.user", user)
                .property("sequencer.password", password)
                .property("sequencer.connection-timeout", "60s")
                .registry(List.of(TestOperations.op("2024_01_01_000000", "never", () -> ctx -> {})))
                .load()) {
            ConnectionFailedException e = assertThrows(ConnectionFailedException.class, sequencer::process);

            assertEquals(key, e.key());
            assertTrue(e.getMessage().contains(key), e.getMessage());
            assertTrue(e.getMessage().contains(reason), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), "never the password: " + e.getMessage());
            assertFalse(e.getMessage().contains("timed out"), e.getMessage());
        }
    }
}
