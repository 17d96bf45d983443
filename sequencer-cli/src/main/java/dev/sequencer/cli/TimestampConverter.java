package dev.sequencer.cli;

import picocli.CommandLine;

/** Accepts an operation timestamp, {@code 2024_01_02_000000} or fourteen digits, as the library does. */
final class TimestampConverter implements CommandLine.ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!value.replace("_", "").matches("\\d{14}")) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a timestamp; write it like 2024_01_02_000000 or 20240102000000");
        }
        return value;
    }
}
