package dev.sequencer;

import java.time.Duration;

/**
 * An operation-level event.
 *
 * @param name the operation name
 * @param descriptor the operation's descriptor
 * @param elapsed how long the operation ran ({@link Duration#ZERO} for started)
 * @param reason the skip reason, or {@code null}
 * @param error the failure, or {@code null}
 */
public record OperationEvent(
        String name, OperationDescriptor descriptor, Duration elapsed, String reason, Throwable error) {}
