package dev.sequencer.spring.app;

import org.springframework.stereotype.Service;

/** A service operations get injected. */
@Service
public class Greeter {

    public String greet(String name) {
        return "Hello, " + name;
    }
}
