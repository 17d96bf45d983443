package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class OperationNamesTest {

    @Test
    void derivesNameFromTimestampAndSnakeCaseSimpleName() {
        assertThat(OperationNames.derive("20240102000000", "SeedAdminUser"))
                .isEqualTo("2024_01_02_000000_seed_admin_user");
    }

    @Test
    void keepsAcronymRunsAsOneWord() {
        assertThat(OperationNames.snakeCase("HTTPBackfill2")).isEqualTo("http_backfill2");
        assertThat(OperationNames.snakeCase("ImportCSV")).isEqualTo("import_csv");
        assertThat(OperationNames.snakeCase("V2Migration")).isEqualTo("v2_migration");
        assertThat(OperationNames.snakeCase("Seed")).isEqualTo("seed");
    }

    @Test
    void acceptsLettersDigitsUnderscoreDashAndDot() {
        assertThat(OperationNames.isValid("billing.backfill-v2_2024")).isTrue();
        assertThat(OperationNames.isValid("")).isFalse();
        assertThat(OperationNames.isValid("a b")).isFalse();
        assertThat(OperationNames.isValid("x".repeat(191))).isTrue();
        assertThat(OperationNames.isValid("x".repeat(192))).isFalse();
    }
}
