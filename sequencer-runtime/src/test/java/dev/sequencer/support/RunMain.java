package dev.sequencer.support;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.Sequencer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

/**
 * A JVM that runs {@code process()} for the kill tests: {@code RunMain <url>} runs {@link #registry()}, whose one
 * non-transactional operation {@value #LONG} writes a marker row (committed at once), then, the first time only,
 * blocks for ten minutes so that the test can kill this JVM in the middle of it.
 */
public final class RunMain {

    public static final String LONG = "2024_01_01_000000_long";

    private RunMain() {}

    public static void main(String[] args) {
        try (Sequencer sequencer = sequencer(args[0])) {
            sequencer.process();
        }
    }

    public static Sequencer sequencer(String url) {
        return Sequencer.configure()
                .property("sequencer.url", url)
                .property("sequencer.flyway.locations", "classpath:db/async")
                .property("sequencer.lock.timeout", "60s")
                .registry(registry())
                .load();
    }

    public static List<OperationDescriptor> registry() {
        return List.of(TestOperations.builder("2024_01_01_000000", "long", RunMain::longOperation)
                .nonTransactional()
                .build());
    }

    private static OperationHandler longOperation() {
        return ctx -> {
            Connection c = ctx.connection();
            long before;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from markers where name = ?")) {
                ps.setString(1, ctx.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    before = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into markers (name, note) values (?, 'partial')")) {
                ps.setString(1, ctx.name());
                ps.executeUpdate();
            }
            if (before == 0) {
                Thread.sleep(Duration.ofMinutes(10).toMillis()); // the test kills this JVM here
            }
        };
    }
}
