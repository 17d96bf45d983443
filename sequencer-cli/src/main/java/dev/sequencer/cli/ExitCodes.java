package dev.sequencer.cli;

import dev.sequencer.ConfigurationException;
import dev.sequencer.ConnectionFailedException;
import dev.sequencer.GuardBlockedException;
import dev.sequencer.HistoryValidationException;
import dev.sequencer.LockTimeoutException;
import dev.sequencer.OperationFailedException;
import dev.sequencer.OperationTimeoutException;
import picocli.CommandLine;

/**
 * The exit codes of the command line (SPEC section 9), and the mapping of exceptions to them that picocli applies to
 * whatever a command throws.
 */
final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {

    /** Success, also when nothing was pending. */
    static final int OK = 0;
    /** An operation or a migration failed. */
    static final int FAILED = 1;
    /** A usage or configuration error. */
    static final int USAGE = 2;
    /** The database is unreachable, the lock timed out, or a guard blocked the run. */
    static final int UNAVAILABLE = 3;
    /** The history does not match the registry. */
    static final int INVALID_HISTORY = 4;

    /**
     * The code of the first exception in the cause chain that says what went wrong, {@link #FAILED} when none does (a
     * migration's SQL error, anything unexpected). Walking the chain matters: Flyway wraps what a data source throws,
     * so a migrate that cannot reach the database surfaces as a Flyway exception caused by a connection failure.
     */
    @Override
    public int getExitCode(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            Integer code = codeOf(t);
            if (code != null) {
                return code;
            }
        }
        return FAILED;
    }

    private static Integer codeOf(Throwable t) {
        if (t instanceof OperationFailedException || t instanceof OperationTimeoutException) {
            return FAILED;
        }
        if (t instanceof HistoryValidationException) {
            return INVALID_HISTORY;
        }
        if (t instanceof ConnectionFailedException
                || t instanceof LockTimeoutException
                || t instanceof GuardBlockedException) {
            return UNAVAILABLE;
        }
        if (t instanceof ConfigurationException
                || t instanceof IllegalArgumentException
                || t instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return null;
    }
}
