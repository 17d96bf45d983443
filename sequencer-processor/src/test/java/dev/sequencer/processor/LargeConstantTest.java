package dev.sequencer.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sequencer.processor.TestSources.compile;
import static dev.sequencer.processor.TestSources.operation;

import com.google.testing.compile.Compilation;
import dev.sequencer.OperationDescriptor;
import org.junit.jupiter.api.Test;

/**
 * An operation's compact entry can outgrow the class file's limit for one string constant (65,535 bytes of modified
 * UTF-8) although each attribute fits its own: the registry splits such an entry, and decodes it whole.
 */
class LargeConstantTest {

    @Test
    void entryOver64KilobytesIsSplitAndDecodesWhole() {
        String description = "€".repeat(20_000); // 60,000 bytes
        String first = "a".repeat(30_000);
        String second = "b".repeat(30_000);
        Compilation compilation = compile(operation(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\", description = \"" + description + "\", tags = {\""
                        + first + "\", \"" + second + "\"})"));

        assertThat(compilation).succeeded();
        OperationDescriptor op = LoadedRegistry.operations(compilation).get(0);
        assertThat(op.description()).isEqualTo(description);
        assertThat(op.tags()).containsExactly(first, second).inOrder();
    }

    @Test
    void entryOfCharactersOutsideTheBasicPlaneIsSplitAndDecodesWhole() {
        String description = "😀".repeat(10_000); // surrogate pairs, 60,000 bytes
        String tag = "x".repeat(30_000);
        Compilation compilation = compile(operation(
                "com.example.Op",
                "@Operation(timestamp = \"2024_01_02_000000\", description = \"" + description + "\", tags = \"" + tag
                        + "\")"));

        assertThat(compilation).succeeded();
        OperationDescriptor op = LoadedRegistry.operations(compilation).get(0);
        assertThat(op.description()).isEqualTo(description);
        assertThat(op.tags()).containsExactly(tag);
    }
}
