package dev.parley.shared;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole server, so tests and domain rules can pin time. {@code parley.clock.offset} (default
 * none) runs the server ahead of the wall clock: for rehearsing timers (a restart "an hour later"), never for
 * production.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    Clock clock(@Value("${parley.clock.offset:PT0S}") Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
