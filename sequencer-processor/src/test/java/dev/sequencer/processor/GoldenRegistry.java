package dev.sequencer.processor;

import static dev.sequencer.processor.TestSources.source;

import java.util.List;
import javax.tools.JavaFileObject;

/** The fixed set of operations whose generated registry is pinned by the golden files. */
final class GoldenRegistry {

    private GoldenRegistry() {}

    static List<JavaFileObject> sources() {
        return List.of(
                source(
                        "com.example.SeedAdminUser",
                        "@Operation(timestamp = \"2024_01_02_000000\")",
                        "public final class SeedAdminUser implements OperationHandler {",
                        "    @Override public void handle(OperationContext context) {}",
                        "}"),
                source(
                        "com.example.ReencryptEmails",
                        "@Operation(timestamp = \"2024_01_03_000000\")",
                        "public final class ReencryptEmails implements OperationHandler, Rollbackable {",
                        "    @Override public void handle(OperationContext context) {}",
                        "    @Override public void rollback(OperationContext context) {}",
                        "}"),
                source(
                        "com.example.BackfillInvoices",
                        "@Operation(timestamp = \"20240104000000\", name = \"backfill-invoices\",",
                        "        description = \"Fills invoices.total from the \\\"lines\\\" table\",",
                        "        tags = {\"billing\", \"slow\"}, dependsOn = {SeedAdminUser.class, ReencryptEmails.class},",
                        "        afterMigration = \"2.1\", transactional = false)",
                        "public final class BackfillInvoices implements OperationHandler {",
                        "    @Override public void handle(OperationContext context) {}",
                        "}"),
                source(
                        "com.example.SendWelcomeMails",
                        "@Asynchronous",
                        "@Operation(timestamp = \"2024_01_05_000000\")",
                        "public final class SendWelcomeMails implements OperationHandler {",
                        "    @Override public void handle(OperationContext context) {}",
                        "}"),
                source(
                        "com.example.Maintenance",
                        "public final class Maintenance {",
                        "    @Operation(timestamp = \"2024_01_06_000000\")",
                        "    public static final class PurgeSessions implements OperationHandler {",
                        "        @Override public void handle(OperationContext context) {}",
                        "    }",
                        "}"),
                source(
                        "com.example.HTTPImport",
                        "@Operation(timestamp = \"2024_01_07_000000\")",
                        "public final class HTTPImport implements OperationHandler {",
                        "    private final String url;",
                        "    public HTTPImport(String url) { this.url = url; }",
                        "    @Override public void handle(OperationContext context) {}",
                        "}"));
    }
}
