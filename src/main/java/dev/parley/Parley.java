package dev.parley;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Parley: a customer-support conversation server that speaks Chatwoot's API. */
@SpringBootApplication
public class Parley {
    public static void main(String[] args) {
        SpringApplication.run(Parley.class, args);
    }
}
