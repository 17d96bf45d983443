/**
 * Sequencer's public API: everything an application uses, in one package.
 *
 * <ul>
 *   <li>Write operations: {@link dev.sequencer.OperationHandler} with {@link dev.sequencer.OperationContext}, and
 *       optionally {@link dev.sequencer.Rollbackable}, {@link dev.sequencer.ConditionalExecution},
 *       {@link dev.sequencer.LifecycleHooks}, {@link dev.sequencer.ScheduledOperation}; {@link
 *       dev.sequencer.DeferredHandler} for deferred tasks; {@link dev.sequencer.SkipOperationException} to skip.
 *   <li>Run them: {@link dev.sequencer.Sequencer}, configured like Flyway ({@code Sequencer.configure()...load()}),
 *       with {@code migrate()}, {@code process()}, {@code execute}, {@code rollback}, the operator's calls
 *       ({@code validate}, {@code baseline}, {@code skip}, {@code markCompleted}, {@code history}, {@code info}) and
 *       {@code worker()}; {@link dev.sequencer.SequencerCallback} for a Flyway the application runs itself.
 *   <li>Read what happened: {@link dev.sequencer.RunReport}, {@link dev.sequencer.OperationStatus}, {@link
 *       dev.sequencer.InfoEntry}, {@link dev.sequencer.OperationAttempt}, {@link dev.sequencer.ValidationResult},
 *       and the events of a {@link dev.sequencer.SequencerListener}.
 *   <li>Extend: {@link dev.sequencer.OperationFactory} (dependency injection), {@link dev.sequencer.ExecutionGuard},
 *       {@link dev.sequencer.ExecutionStrategy}.
 *   <li>Failures: {@link dev.sequencer.SequencerException} and its subclasses, each message naming what happened and
 *       what to do.
 * </ul>
 *
 * <p>The generated registry ({@code GeneratedSequencer}, an {@link dev.sequencer.OperationRegistry}) describes
 * operations with {@link dev.sequencer.OperationDescriptor}s. Everything under {@code dev.sequencer.internal} may
 * change with any version.
 */
package dev.sequencer;
