package dev.sequencer.example.boot;

import org.springframework.stereotype.Service;

/** Writes welcome letters. */
@Service
public class WelcomeLetters {

    public String to(String name) {
        return "Welcome to the shop, " + name + "!";
    }
}
