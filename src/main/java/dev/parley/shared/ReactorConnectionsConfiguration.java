package dev.parley.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link ReactorConnections}: reactors and timers get their own connection pool. */
@Configuration(proxyBeanMethods = false)
class ReactorConnectionsConfiguration {

    @Bean
    static ReactorConnections.Wrapper reactorConnections(Environment environment) {
        return ReactorConnections.wrapper(environment);
    }
}
