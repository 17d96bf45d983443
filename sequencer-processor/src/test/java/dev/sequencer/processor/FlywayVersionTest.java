package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class FlywayVersionTest {

    @Test
    void acceptsDigitsSeparatedBySingleDotsOrUnderscores() {
        assertThat(FlywayVersion.isValid("2")).isTrue();
        assertThat(FlywayVersion.isValid("2.1")).isTrue();
        assertThat(FlywayVersion.isValid("1_0_3")).isTrue();
        assertThat(FlywayVersion.isValid("2024.01_02")).isTrue();
    }

    @Test
    void rejectsEmptyPartsLettersAndEmptyVersions() {
        assertThat(FlywayVersion.isValid("")).isFalse();
        assertThat(FlywayVersion.isValid("2.")).isFalse();
        assertThat(FlywayVersion.isValid(".2")).isFalse();
        assertThat(FlywayVersion.isValid("1..2")).isFalse();
        assertThat(FlywayVersion.isValid("1._2")).isFalse();
        assertThat(FlywayVersion.isValid("2.1a")).isFalse();
        assertThat(FlywayVersion.isValid("V2")).isFalse();
    }
}
