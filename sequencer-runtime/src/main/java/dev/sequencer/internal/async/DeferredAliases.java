package dev.sequencer.internal.async;

import dev.sequencer.ConfigurationException;
import dev.sequencer.DeferredDescriptor;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The deferred handlers by alias, checked when a Sequencer is built, before anything loads the scheduler. */
public final class DeferredAliases {

    private DeferredAliases() {}

    /**
     * The handlers by alias.
     *
     * @throws ConfigurationException when two handler classes share an alias
     */
    public static Map<String, DeferredDescriptor> of(List<DeferredDescriptor> handlers) {
        Map<String, DeferredDescriptor> byAlias = new TreeMap<>();
        for (DeferredDescriptor d : handlers) {
            DeferredDescriptor other = byAlias.put(d.alias(), d);
            if (other != null && !other.className().equals(d.className())) {
                throw new ConfigurationException(
                        "deferredHandlers",
                        "Two @Deferred handlers use alias '" + d.alias() + "': " + other.className() + " and "
                                + d.className() + "; aliases must be unique");
            }
        }
        return byAlias;
    }
}
