package dev.sequencer.internal.async;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/** Task data is plain text (a number, or a deferred task's JSON payload): no class names in the database. */
final class TextSerializer implements Serializer {

    static final TextSerializer INSTANCE = new TextSerializer();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
        if (data == null) {
            return null;
        }
        if (!type.isAssignableFrom(String.class)) {
            throw new IllegalArgumentException("Sequencer task data is text, not " + type.getName());
        }
        return type.cast(new String(data, StandardCharsets.UTF_8));
    }
}
