package dev.parley.web;

import dev.parley.web.input.QueryGuard;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires authentication onto the API paths. Public client API paths need no token, but their creations are rate limited. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ApiAuthentication apiAuthentication;
    private final PlatformAuthentication platformAuthentication;
    private final PublicApiRateLimit publicApiRateLimit;
    private final Backpressure backpressure;

    WebConfiguration(ApiAuthentication apiAuthentication, PlatformAuthentication platformAuthentication,
                     PublicApiRateLimit publicApiRateLimit, Backpressure backpressure) {
        this.apiAuthentication = apiAuthentication;
        this.platformAuthentication = platformAuthentication;
        this.publicApiRateLimit = publicApiRateLimit;
        this.backpressure = backpressure;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new QueryGuard()); // first: a query string that cannot be read is refused before anyone reads it
        registry.addInterceptor(apiAuthentication).addPathPatterns("/api/**")
                .excludePathPatterns("/api/v1/widget/**"); // the website widget's visitors carry their own token (widget module)
        registry.addInterceptor(platformAuthentication).addPathPatterns("/platform/**");
        registry.addInterceptor(backpressure).addPathPatterns("/public/**", "/api/v1/widget/**");
        registry.addInterceptor(publicApiRateLimit).addPathPatterns(PublicApiRateLimit.CREATION_PATHS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArguments());
    }
}
