package dev.sequencer.cli;

import static dev.sequencer.cli.CliProcessTest.line;
import static dev.sequencer.cli.FixtureNames.BACKFILL;
import static dev.sequencer.cli.FixtureNames.INSERT_ITEMS;
import static dev.sequencer.cli.FixtureNames.SEND_MAIL;
import static dev.sequencer.cli.FixtureNames.SKIP_ARCHIVE;
import static dev.sequencer.cli.FixtureNames.WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** execute, rollback, redispatch, validate, baseline, skip and mark-completed on H2. */
class CliOperatorCommandsTest {

    private final CliDatabase db = CliDatabase.h2();
    private final CliRunner cli = CliRunner.pipe().on(db);

    @Nested
    class Execute {

        @Test
        void executeRunsACompletedOperationAgainAndRecordsIt() {
            cli.run("process");

            CliRunner.Result result = cli.run("execute", BACKFILL);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out().lines()).hasSize(1);
            assertThat(result.out()).startsWith(line("operation", BACKFILL, "completed"));
            assertThat(db.states(BACKFILL)).containsExactly("completed", "completed");
        }

        @Test
        void executeWithNoRecordLeavesTheHistoryAlone() {
            cli.run("process");

            CliRunner.Result result = cli.run("execute", BACKFILL, "--no-record");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).startsWith(line("operation", BACKFILL, "completed"));
            assertThat(result.out().lines().toList())
                    .last()
                    .isEqualTo("Not recorded in the history (--no-record): its work is committed, its state"
                            + " unchanged.");
            assertThat(db.states(BACKFILL)).containsExactly("completed");
        }

        @Test
        void executeOfAnUnknownNameIsAUsageErrorWithSuggestions() {
            CliRunner.Result result = cli.run("execute", "BackfillScores");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err())
                    .isEqualTo("error: No operation is named 'BackfillScores'; did you mean '" + BACKFILL
                            + "'? (see 'sequencer execute --help')\n");
        }
    }

    @Nested
    class Rollback {

        @Test
        void rollbackUndoesACompletedOperationSoTheNextRunAppliesItAgain() {
            cli.run("process");

            CliRunner.Result result = cli.run("rollback", INSERT_ITEMS);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).startsWith(line("operation", INSERT_ITEMS, "rolled back"));
            assertThat(db.count("select count(*) from items")).isZero();
            assertThat(db.states(INSERT_ITEMS)).containsExactly("completed", "rolled_back");
            assertThat(cli.run("process").out()).contains(line("operation", INSERT_ITEMS, "completed"));
        }

        @Test
        void rollbackOfAnOperationThatDidNotCompleteFailsWithTheReason() {
            cli.run("migrate");

            CliRunner.Result result = cli.run("rollback", INSERT_ITEMS);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("error: Operation " + INSERT_ITEMS
                            + " is pending, not completed: there is nothing to roll back\n");
        }
    }

    @Nested
    class Redispatch {

        @Test
        void redispatchHandsLostWorkToTheWorkersAgain() {
            cli.run("process", "--tags", "mail");
            db.execute("delete from sequencer_scheduled_tasks");

            CliRunner.Result result = cli.run("redispatch", SEND_MAIL);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("Dispatched " + SEND_MAIL + " again: the next worker runs it.\n");
            assertThat(cli.run("worker", "--until-idle").exitCode()).isZero();
            assertThat(db.count("select count(*) from outbox")).isEqualTo(1);
        }

        @Test
        void redispatchOfWorkThatIsNotLostIsRefused() {
            cli.run("process", "--tags", "mail");

            CliRunner.Result result = cli.run("redispatch", SEND_MAIL);

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: Operation " + SEND_MAIL + " still has its task");
        }
    }

    @Nested
    class Validate {

        @Test
        void validateOfAMatchingHistorySaysSo() {
            cli.run("process");

            CliRunner.Result result = cli.run("validate");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).isEqualTo("The history matches the registry (6 operations): no problem found.\n");
        }

        @Test
        void validateListsEachProblemAndExitsWithFour() {
            cli.run("process");
            renameInHistory(WRITE_NOTE, "2024_01_04_000000_write_notes");

            CliRunner.Result result = cli.run("validate");

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.out().lines().toList())
                    .hasSize(2)
                    .first()
                    .isEqualTo("1 problem found; runs refuse to start until they are fixed:");
            assertThat(result.out()).contains("'2024_01_04_000000_write_notes'", WRITE_NOTE);
        }

        @Test
        void aRunOverAHistoryWithProblemsExitsWithFourAndChangesNothing() {
            cli.run("process", "--tags", "catalog");
            renameInHistory(INSERT_ITEMS, "2024_01_02_000000_insert_item");

            CliRunner.Result result = cli.run("process");

            assertThat(result.exitCode()).isEqualTo(4);
            assertThat(result.errLines()).hasSize(1);
            assertThat(result.err()).startsWith("error: The operation history does not match the registry");
            assertThat(result.out()).isEmpty();
            assertThat(db.states(WRITE_NOTE)).isEmpty();
        }

        private void renameInHistory(String name, String newName) {
            db.execute("update sequencer_operations set name = '" + newName + "' where name = '" + name + "'");
        }
    }

    @Nested
    class Baseline {

        @Test
        void baselineRecordsEarlierOperationsCompletedWithoutRunningThem() {
            cli.run("migrate");

            CliRunner.Result result = cli.run("baseline", "2024_01_04_000000");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out().lines())
                    .containsExactly(
                            "Recorded 2 operations completed (baseline), without running:",
                            "  " + INSERT_ITEMS,
                            "  " + WRITE_NOTE);
            assertThat(db.count("select count(*) from items")).as("not run").isZero();
            assertThat(cli.run("process").out()).doesNotContain(INSERT_ITEMS).contains(SKIP_ARCHIVE);
        }

        @Test
        void baselineWithNothingToRecordSaysSo() {
            cli.run("process");

            CliRunner.Result result = cli.run("baseline", "20240104000000");

            assertThat(result.exitCode()).isZero();
            assertThat(result.out())
                    .isEqualTo("Nothing recorded: no operation at or before 20240104000000 is without history.\n");
        }

        @Test
        void baselineOfSomethingThatIsNotATimestampIsAUsageError() {
            CliRunner.Result result = cli.run("baseline", "2024-01-04");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Invalid value for positional parameter at index 0");
        }
    }

    @Nested
    class RecordByHand {

        @Test
        void skipRecordsAPendingOperationSkippedWithTheReason() {
            cli.run("migrate");

            CliRunner.Result result = cli.run("skip", WRITE_NOTE, "--reason", "notes were written by hand");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("Recorded " + WRITE_NOTE + " skipped (notes were written by hand).\n");
            assertThat(db.states(WRITE_NOTE)).containsExactly("skipped");
            assertThat(cli.run("process").out()).doesNotContain(WRITE_NOTE);
        }

        @Test
        void markCompletedRecordsAFailedOperationCompleted() {
            cli.run("migrate");
            db.execute("insert into switches (name) values ('fail-note')");
            cli.run("process");

            CliRunner.Result result = cli.run("mark-completed", WRITE_NOTE, "--reason", "ticket 4712");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("Recorded " + WRITE_NOTE + " completed (ticket 4712).\n");
            assertThat(db.states(WRITE_NOTE)).containsExactly("failed", "completed");
        }

        @Test
        void aReasonIsRequired() {
            CliRunner.Result result = cli.run("skip", WRITE_NOTE);

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("error: Missing required option: '--reason=<reason>'");
        }

        @Test
        void aCompletedOperationCannotBeSkipped() {
            cli.run("process");

            CliRunner.Result result = cli.run("skip", WRITE_NOTE, "--reason", "too late");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: Cannot skip " + WRITE_NOTE + ": it is completed");
        }
    }
}
