package dev.sequencer.internal.guard;

import dev.sequencer.ConfigurationException;
import dev.sequencer.ExecutionGuard;
import dev.sequencer.internal.config.SettingKeys;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Allows a run only when one of this machine's addresses is listed in {@code sequencer.guard.addresses}, as an exact
 * address or inside a CIDR block, IPv4 or IPv6 ({@code 10.0.0.0/8}, {@code 2001:db8::/32}).
 */
public final class AddressGuard implements ExecutionGuard {

    private final List<String> configured;
    private final List<Block> blocks = new ArrayList<>();
    private final Supplier<List<InetAddress>> localAddresses;

    public AddressGuard(List<String> configured, Supplier<List<InetAddress>> localAddresses) {
        this.configured = List.copyOf(configured);
        this.localAddresses = localAddresses;
        for (String entry : configured) {
            blocks.add(Block.parse(entry));
        }
    }

    @Override
    public boolean allows() {
        for (InetAddress address : localAddresses.get()) {
            for (Block block : blocks) {
                if (block.contains(address)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String reason() {
        return "none of this machine's addresses "
                + localAddresses.get().stream().map(InetAddress::getHostAddress).toList() + " is inside "
                + SettingKeys.GUARD_ADDRESSES + " " + configured;
    }

    @Override
    public String name() {
        return "address";
    }

    /** An address block: a network address and a prefix length. */
    record Block(byte[] network, int prefix) {

        static Block parse(String entry) {
            String[] parts = entry.trim().split("/", 2);
            try {
                if (!parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new UnknownHostException(parts[0]); // never resolve names here
                }
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new NumberFormatException();
                }
                return new Block(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new ConfigurationException(
                        SettingKeys.GUARD_ADDRESSES,
                        SettingKeys.GUARD_ADDRESSES + " has '" + entry
                                + "', which is not an IP address or CIDR block (e.g. 10.0.0.0/8, 2001:db8::/32)");
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false; // IPv4 never matches an IPv6 block and vice versa
            }
            int bits = network.length * 8;
            BigInteger mask = prefix == 0
                    ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
