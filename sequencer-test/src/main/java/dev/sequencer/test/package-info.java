/**
 * The test kit: test operations, and the code that depends on them having run, the way the rest of a Java test suite
 * is tested.
 *
 * <ul>
 *   <li>{@link dev.sequencer.test.SequencerTest @SequencerTest}: each test method gets a database of its own
 *       (in-memory H2, or a fresh schema on the server of {@code sequencer.test.url}) and a
 *       {@link dev.sequencer.Sequencer} over every registry on the test class path, as parameters;
 *   <li>{@link dev.sequencer.test.SequencerAssertions#assertThat(dev.sequencer.Sequencer)}: AssertJ assertions on
 *       what ran;
 *   <li>{@link dev.sequencer.test.Operations#runOnce}: one operation instance run as a run would, nothing recorded;
 *   <li>{@link dev.sequencer.test.Workers#drain}: dispatched operations run to their outcome inside the test.
 * </ul>
 */
package dev.sequencer.test;
