package dev.sequencer.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that other tests run through JUnit's engine test kit, with configuration parameter {@link #PARAMETER}
 * set; anywhere else (a {@code -Dtest} filter, an IDE) it is skipped, since some of its tests fail on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Scenario.OnlyInTheEngineTestKit.class)
@interface Scenario {

    /** The configuration parameter the engine test kit runs are given. */
    String PARAMETER = "dev.sequencer.test.scenario";

    /** Skips scenarios unless {@link #PARAMETER} is {@code true}. */
    final class OnlyInTheEngineTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean)
                            .orElse(false)
                    ? ConditionEvaluationResult.enabled("run by the engine test kit")
                    : ConditionEvaluationResult.disabled("a scenario of another test, run through the engine test kit");
        }
    }
}
