package dev.sequencer.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where sequencer.test.url comes from, and how server URLs are edited. */
class TestDatabasesTest {

    private static final String FROM_PROPERTIES = "jdbc:postgresql://properties/db";
    private static final String FROM_PARAMETER = "jdbc:postgresql://parameter/db";
    private static final String FROM_ENVIRONMENT = "jdbc:postgresql://environment/db";

    @Test
    void theTestsPropertiesWinOverTheConfigurationParameterWhichWinsOverTheEnvironment() {
        Map<String, String> environment = Map.of(TestDatabases.URL_VARIABLE, FROM_ENVIRONMENT);

        assertThat(TestDatabases.configuredUrl(
                        Map.of(TestDatabases.URL_KEY, FROM_PROPERTIES),
                        key -> Optional.of(FROM_PARAMETER),
                        environment))
                .contains(FROM_PROPERTIES);
        assertThat(TestDatabases.configuredUrl(Map.of(), key -> Optional.of(FROM_PARAMETER), environment))
                .contains(FROM_PARAMETER);
        assertThat(TestDatabases.configuredUrl(Map.of(), key -> Optional.empty(), environment))
                .contains(FROM_ENVIRONMENT);
    }

    @Test
    void blankValuesAndMavensUnresolvedPlaceholdersMeanH2() {
        assertThat(TestDatabases.configuredUrl(
                        Map.of(TestDatabases.URL_KEY, " "),
                        key -> Optional.of("${env.SEQUENCER_TEST_POSTGRES_URL}"),
                        Map.of(TestDatabases.URL_VARIABLE, "")))
                .isEmpty();
    }

    @Test
    void aPostgresSchemaIsSelectedWithAParameterAndAMariaDbDatabaseInThePath() {
        assertThat(JdbcUrls.withParameter("jdbc:postgresql://h:5432/test?user=postgres", "currentSchema", "s1"))
                .isEqualTo("jdbc:postgresql://h:5432/test?user=postgres&currentSchema=s1");
        assertThat(JdbcUrls.withParameter("jdbc:postgresql://h/test", "currentSchema", "s1"))
                .isEqualTo("jdbc:postgresql://h/test?currentSchema=s1");
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://h:3306/test?user=root", "s1"))
                .isEqualTo("jdbc:mariadb://h:3306/s1?user=root");
    }

    @Test
    void messagesNameTheServerWithoutCredentials() {
        assertThat(JdbcUrls.server("jdbc:postgresql://app:secret@db:5432/shop?password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432");
        assertThat(JdbcUrls.server("jdbc:oracle:thin:scott/tiger@db:1521:orcl")).isEqualTo("jdbc:oracle:");
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mariadb://db:3306?password=secret", "s1"))
                .hasMessage("No database name in jdbc:mariadb://db:3306: expected jdbc:<driver>://host:port/database");
    }
}
