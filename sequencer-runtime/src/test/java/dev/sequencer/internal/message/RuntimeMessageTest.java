package dev.sequencer.internal.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeMessageTest {

    @Test
    void everyMessageHasItsOwnIdInTheRuntimeRange() {
        Set<String> ids = new HashSet<>();
        for (RuntimeMessage m : RuntimeMessage.values()) {
            assertTrue(m.id().matches("SEQ-10\\d\\d"), m + " " + m.id());
            assertTrue(ids.add(m.id()), "id used twice: " + m.id());
        }
    }

    @Test
    void messagesAreFilledInWithTheirArguments() {
        assertEquals(
                "No operation is named 'nope'; see status() for the names this Sequencer knows",
                RuntimeMessage.UNKNOWN_OPERATION.format("nope"));
        assertEquals("waits on a (failed)", RuntimeMessage.WAITS_ON.format("a", "failed"));
        assertFalse(RuntimeMessage.TASK_GIVEN_UP.format(3, "x").contains("%"));
    }
}
