package dev.parley.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test configuration: the server's clock is a {@link MovableClock}, which stands still until the test moves it. */
@TestConfiguration(proxyBeanMethods = false)
public class StillTime {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
