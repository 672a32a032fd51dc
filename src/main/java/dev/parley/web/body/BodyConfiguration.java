package dev.parley.web.body;

import jakarta.servlet.Filter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies and paths as Rails takes them: forms, multipart, no body; a trailing slash changes nothing. */
@Configuration(proxyBeanMethods = false)
class BodyConfiguration implements WebMvcConfigurer {

    private final RailsBodyConverter converter;

    BodyConfiguration(JsonMapper json) {
        this.converter = new RailsBodyConverter(json);
    }

    /** JSON bodies get Rails' casts too ("0" for false, a JSON-encoded object where an object is expected). */
    @Bean
    static JsonMapperBuilderCustomizer railsCasts() {
        return builder -> builder.addHandler(new FormValueCoercion());
    }

    @Bean
    RailsBodyConverter railsBodyConverter() {
        return converter;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(list -> list.add(converter));
    }

    /** Replaces Spring Boot's form content filter (it backs off when one exists) with one that answers a bad body 400. */
    @Bean
    SafeFormContentFilter formContentFilter() {
        return new SafeFormContentFilter();
    }

    /** {@code /inboxes/} answers as {@code /inboxes}: the request is handled as if the slash were not there. */
    @Bean
    FilterRegistrationBean<Filter> trailingSlash() {
        var registration = new FilterRegistrationBean<Filter>(UrlHandlerFilter.trailingSlashHandler("/api/**", "/public/**", "/platform/**")
                .wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
