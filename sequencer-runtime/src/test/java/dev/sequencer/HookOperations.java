package dev.sequencer;

import static dev.sequencer.support.Sequencers.insert;

/** Operations whose hooks misbehave, shared by the atomicity tests. */
final class HookOperations {

    private HookOperations() {}

    /** Inserts item 1, then its after() hook throws an Error once the work is committed. */
    static OperationHandler afterBreaks() {
        class AfterBreaks implements OperationHandler, LifecycleHooks {
            @Override
            public void handle(OperationContext context) throws Exception {
                insert("items", 1, "committed").handle(context);
            }

            @Override
            public void after(OperationContext context) {
                throw new AssertionError("after() breaks");
            }
        }
        return new AfterBreaks();
    }
}
