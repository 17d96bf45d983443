package dev.sequencer.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the starter's tests start: its operations use the services below, injected. */
@SpringBootApplication
public class TestApplication {}
