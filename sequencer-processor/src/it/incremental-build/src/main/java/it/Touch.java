package it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Marks the source named by the argument as changed, and notes when in target/touched-at. */
public final class Touch {
    public static void main(String[] args) throws Exception {
        Thread.sleep(1_100); // file systems with one-second times must see the source as newer than its class
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        Files.setLastModifiedTime(Path.of(args[0]), now);
        Files.writeString(Path.of("target", "touched-at"), Long.toString(now.toMillis()));
    }
}
