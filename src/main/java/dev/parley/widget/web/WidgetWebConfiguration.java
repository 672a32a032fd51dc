package dev.parley.widget.web;

import dev.parley.widget.application.Visitors;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the widget API: the visitor as a controller argument. */
@Configuration(proxyBeanMethods = false)
class WidgetWebConfiguration implements WebMvcConfigurer {

    private final Visitors visitors;

    WidgetWebConfiguration(Visitors visitors) {
        this.visitors = visitors;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VisitorArguments(visitors));
    }
}
