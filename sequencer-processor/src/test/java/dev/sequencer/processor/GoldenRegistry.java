package dev.sequencer.processor;

import static dev.sequencer.processor.TestSources.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * The fixed set of operations and deferred handlers whose generated registry is pinned by the golden files. The
 * handler in another package shows that handlers do not move the registry's package.
 */
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
                        "}"),
                source(
                        "com.example.RecalculateBalances",
                        "@Operation(timestamp = \"2024_01_08_000000\")",
                        "@Retry(attempts = 4, backoff = {\"1s\", \"PT5S\", \"2m\"})",
                        "@Timeout(\"30s\")",
                        "@AllowedToFail",
                        "@Environments({\"production\", \"staging-*\"})",
                        "public final class RecalculateBalances implements OperationHandler {",
                        "    @Override public void handle(OperationContext context) {}",
                        "}"),
                source(
                        "com.example.mail.SendReminder",
                        "@Deferred(\"send-reminder\")",
                        "public final class SendReminder implements DeferredHandler {",
                        "    @Override public void handle(OperationContext context, String jsonPayload) {}",
                        "}"),
                source(
                        "com.example.Webhooks",
                        "public final class Webhooks {",
                        "    @Deferred(\"call-webhook\")",
                        "    public static final class Call implements DeferredHandler {",
                        "        private final String secret;",
                        "        public Call(String secret) { this.secret = secret; }",
                        "        @Override public void handle(OperationContext context, String jsonPayload) {}",
                        "    }",
                        "}"));
    }
}
