package dev.sequencer.internal.guard;

import dev.sequencer.ExecutionGuard;
import dev.sequencer.GuardBlockedException;
import dev.sequencer.internal.config.SequencerSettings;
import dev.sequencer.internal.message.RuntimeMessage;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The guards of a Sequencer: configured host and address guards plus custom ones; checked before every run. */
public final class Guards {

    private final List<ExecutionGuard> guards;

    public Guards(List<ExecutionGuard> guards) {
        this.guards = List.copyOf(guards);
    }

    /** The guards configured by {@code sequencer.guard.*}, followed by {@code custom}. */
    public static Guards of(SequencerSettings settings, List<ExecutionGuard> custom) {
        List<ExecutionGuard> all = new ArrayList<>();
        if (!settings.guardHostnames().isEmpty()) {
            all.add(new HostnameGuard(settings.guardHostnames(), Guards::hostname));
        }
        if (!settings.guardAddresses().isEmpty()) {
            all.add(new AddressGuard(settings.guardAddresses(), Guards::localAddresses));
        }
        all.addAll(custom);
        return new Guards(all);
    }

    /** Throws {@link GuardBlockedException} naming the first guard that blocks the run. */
    public void check() {
        for (ExecutionGuard guard : guards) {
            if (!guard.allows()) {
                throw new GuardBlockedException(
                        guard.name(), RuntimeMessage.RUN_BLOCKED.format(guard.name(), guard.reason()));
            }
        }
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }

    static List<InetAddress> localAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            // no interfaces visible: nothing matches
        }
        return addresses;
    }
}
