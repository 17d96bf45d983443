package dev.sequencer;

import java.sql.Connection;
import javax.sql.DataSource;

/** What an operation sees while it runs. */
public interface OperationContext {

    /**
     * The connection of this operation. For a transactional operation it is inside the operation's transaction: do
     * not commit, roll back or close it. For a non-transactional operation it is in auto-commit mode.
     *
     * @return the operation's connection
     */
    Connection connection();

    /** {@return the data source Sequencer runs on, for work that needs connections of its own} */
    DataSource dataSource();

    /** {@return the operation's name, as recorded in the history table} */
    String name();

    /** {@return the operation's descriptor from the generated registry} */
    OperationDescriptor descriptor();

    /** {@return which attempt this is, starting at 1} */
    int attempt();

    /**
     * Reports how far the operation has come, for progress bars and dashboards: {@code done} of {@code total} units
     * (rows, files, ...), {@code total} 0 or less when unknown. Listeners receive it as
     * {@link SequencerListener#operationProgress}; call it as often as you like, it is cheap. Does nothing by default.
     *
     * @param done units done so far
     * @param total units in all; 0 or less when unknown
     */
    default void progress(long done, long total) {}
}
