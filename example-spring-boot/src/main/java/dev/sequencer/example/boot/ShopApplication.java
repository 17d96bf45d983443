package dev.sequencer.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A shop on Spring Boot: at start-up Boot's Flyway migrates, and under {@code sequencer.strategy=migration} (see
 * {@code application.yml}) runs the operations between the migrations; the worker sends the welcome letters. Run it
 * twice: the second time nothing is pending.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = SpringApplication.run(ShopApplication.class, args)) {
            context.getBean(ShopReport.class).print(System.out);
        } // closing the context stops the worker gracefully
    }
}
