package it;

import dev.sequencer.OperationDescriptor;
import it.ops.GeneratedSequencer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fails unless registry() holds all three operations. With a class name as argument, it also checks that the last
 * build recompiled only that class (so that the build really was partial).
 */
public final class Check {
    public static void main(String[] args) throws Exception {
        List<String> names = GeneratedSequencer.registry().stream()
                .map(OperationDescriptor::name)
                .toList();
        List<String> expected = List.of(
                "2024_01_01_000000_first", "2024_01_02_000000_second", "2024_01_03_000000_third");
        if (!names.equals(expected)) {
            throw new IllegalStateException("registry() holds " + names + ", expected " + expected);
        }
        if (args.length > 0) {
            long touched = Long.parseLong(Files.readString(Path.of("target", "touched-at")));
            for (String op : List.of("it.ops.First", "it.ops.Second", "it.ops.Third")) {
                long compiled = Files.getLastModifiedTime(Path.of("target", "classes", op.replace('.', '/') + ".class"))
                        .toMillis();
                if ((compiled >= touched) != op.equals(args[0])) {
                    throw new IllegalStateException(op + " was " + (compiled >= touched ? "" : "not ")
                            + "recompiled by the partial build; expected only " + args[0]);
                }
            }
        }
        System.out.println("registry() holds " + names);
    }
}
