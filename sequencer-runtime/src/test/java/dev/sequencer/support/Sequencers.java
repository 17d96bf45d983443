package dev.sequencer.support;

import dev.sequencer.OperationDescriptor;
import dev.sequencer.OperationHandler;
import dev.sequencer.Sequencer;
import java.sql.PreparedStatement;
import java.util.List;

/** Builds Sequencers over test databases, and small reusable operation bodies. */
public final class Sequencers {

    private Sequencers() {}

    public static Sequencer.Builder over(TestDatabase db, String location, List<OperationDescriptor> ops) {
        return Sequencer.configure()
                .property("sequencer.url", db.url())
                .property("sequencer.flyway.locations", "classpath:db/" + location)
                .property("sequencer.lock.timeout", "20s")
                .registry(ops);
    }

    /** An operation that inserts one row into {@code table (id, name)}. */
    public static OperationHandler insert(String table, int id, String name) {
        return ctx -> {
            try (PreparedStatement ps =
                    ctx.connection().prepareStatement("insert into " + table + " (id, name) values (?, ?)")) {
                ps.setInt(1, id);
                ps.setString(2, name);
                ps.executeUpdate();
            }
        };
    }
}
