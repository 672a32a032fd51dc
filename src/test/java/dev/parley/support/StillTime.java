package dev.parley.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts a {@link MovableClock} in place of the application's clock: time stands still until a test moves it. */
@TestConfiguration(proxyBeanMethods = false)
public class StillTime {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
