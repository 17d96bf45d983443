package dev.sequencer.example.boot;

import java.util.Locale;
import org.springframework.stereotype.Service;

/** The shop's rule for e-mail addresses, a service that operations get injected. */
@Service
public class EmailAddresses {

    public String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
