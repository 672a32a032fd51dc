package dev.parley.widget.web;

import dev.parley.widget.application.Visitors;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the widget API: the visitor as a controller argument, and the rate limit on creations. */
@Configuration(proxyBeanMethods = false)
class WidgetWebConfiguration implements WebMvcConfigurer {

    private final Visitors visitors;
    private final WidgetRateLimit rateLimit;

    WidgetWebConfiguration(Visitors visitors, WidgetRateLimit rateLimit) {
        this.visitors = visitors;
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit).addPathPatterns(WidgetRateLimit.CREATION_PATHS);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VisitorArguments(visitors));
    }
}
