package dev.sequencer.spring.app;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/** A service that fails on request (property {@code test.billing.fail}, or {@link #failing(boolean)}). */
@Service
public class Billing {

    private final AtomicBoolean failing;

    public Billing(Environment environment) {
        this.failing = new AtomicBoolean(environment.getProperty("test.billing.fail", Boolean.class, false));
    }

    public void failing(boolean fail) {
        failing.set(fail);
    }

    public void charge(String customer) {
        if (failing.get()) {
            throw new IllegalStateException("the payment provider refused " + customer);
        }
    }
}
