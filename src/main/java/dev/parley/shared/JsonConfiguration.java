package dev.parley.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The API's JSON mapper (Spring Boot's, which picks up every Jackson module bean) binds and writes records through
 * Blackbird's generated lambdas instead of reflective calls: every request body and every answer goes through it.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
