package dev.sequencer.internal.guard;

import dev.sequencer.ExecutionGuard;
import dev.sequencer.internal.config.SettingKeys;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Allows a run only on a host whose name is listed in {@code sequencer.guard.hostnames} (case-insensitive). */
public final class HostnameGuard implements ExecutionGuard {

    private final List<String> allowed;
    private final Supplier<String> hostname;

    public HostnameGuard(List<String> allowed, Supplier<String> hostname) {
        this.allowed = allowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.hostname = hostname;
    }

    @Override
    public boolean allows() {
        return allowed.contains(hostname.get().toLowerCase(Locale.ROOT));
    }

    @Override
    public String reason() {
        return "host '" + hostname.get() + "' is not in " + SettingKeys.GUARD_HOSTNAMES + " " + allowed;
    }

    @Override
    public String name() {
        return "hostname";
    }
}
