package dev.sequencer;

import static dev.sequencer.support.Sequencers.over;
import static dev.sequencer.support.TestOperations.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sequencer.support.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who builds an operation: the registry's no-argument constructor, or an {@link OperationFactory} that claims it. */
class OperationFactoryTest {

    private final List<String> builtBy = Collections.synchronizedList(new ArrayList<>());

    @Test
    void factoryThatClaimsAClassBuildsItEvenThoughTheRegistryCould() {
        Recording factory = new Recording(true);

        run(factory);

        assertEquals(List.of("factory"), builtBy);
        assertEquals(List.of(Handler.class), factory.created);
    }

    @Test
    void factoryThatDoesNotClaimAClassLeavesItToTheRegistry() {
        Recording factory = new Recording(false);

        run(factory);

        assertEquals(List.of("registry"), builtBy);
        assertEquals(List.of(), factory.created);
    }

    private void run(OperationFactory factory) {
        TestDatabase db = TestDatabase.h2();
        List<OperationDescriptor> ops =
                List.of(op("2024_01_01_000000", "built", () -> new Handler(builtBy, "registry")));
        try (Sequencer sequencer =
                over(db, "empty", ops).operationFactory(factory).load()) {
            sequencer.process();
            assertEquals(OperationState.COMPLETED, sequencer.status().get(0).state());
        }
    }

    /** An operation that records who built it when it runs. */
    public static final class Handler implements OperationHandler {
        private final List<String> log;
        private final String builder;

        Handler(List<String> log, String builder) {
            this.log = log;
            this.builder = builder;
        }

        @Override
        public void handle(OperationContext context) {
            log.add(builder);
        }
    }

    private final class Recording implements OperationFactory {
        private final boolean claims;
        private final List<Class<?>> created = new ArrayList<>();

        Recording(boolean claims) {
            this.claims = claims;
        }

        @Override
        public <T> T create(Class<T> type) {
            created.add(type);
            return type.cast(new Handler(builtBy, "factory"));
        }

        @Override
        public boolean builds(Class<?> type) {
            return claims && type == Handler.class;
        }
    }
}
