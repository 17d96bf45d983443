package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class LongStringLiteralTest {

    @Test
    void countsBytesAsTheClassFileDoes() {
        assertThat(LongStringLiteral.chunks("ab", 1)).containsExactly("a", "b").inOrder();
        assertThat(LongStringLiteral.chunks("\0\0", 2))
                .containsExactly("\0", "\0")
                .inOrder();
        assertThat(LongStringLiteral.chunks("éé", 2)).containsExactly("é", "é").inOrder();
        assertThat(LongStringLiteral.chunks("éé", 4)).containsExactly("éé");
        assertThat(LongStringLiteral.chunks("😀😀", 6))
                .containsExactly("😀", "😀")
                .inOrder();
    }

    @Test
    void chunksStayWithinTheLimitAndJoinToTheValue() {
        assertThat(LongStringLiteral.chunks("abcdefg", 3))
                .containsExactly("abc", "def", "g")
                .inOrder();
        assertThat(LongStringLiteral.chunks("a€b", 3))
                .containsExactly("a", "€", "b")
                .inOrder();
        assertThat(LongStringLiteral.chunks("short", 65_535)).containsExactly("short");
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        // 'a' (1) + high surrogate (3) = 4 <= 6, but the low one would make 7: both halves go to the next chunk
        assertThat(LongStringLiteral.chunks("a😀b", 6))
                .containsExactly("a", "😀", "b")
                .inOrder();
    }
}
