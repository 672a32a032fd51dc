package dev.parley.widget.web;

import dev.parley.widget.application.Visitor;
import dev.parley.widget.application.Visitors;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A {@link Visitor} parameter of a widget endpoint: the inbox of the {@code website_token} parameter and the visitor
 * of the {@code X-Auth-Token} header (or the {@code auth_token} parameter, for an EventSource, which sends no headers).
 */
class VisitorArguments implements HandlerMethodArgumentResolver {

    static final String WEBSITE_TOKEN = "website_token";
    static final String AUTH_HEADER = "X-Auth-Token";

    private final Visitors visitors;

    VisitorArguments(Visitors visitors) {
        this.visitors = visitors;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Visitor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return visitors.visitor(request.getParameter(WEBSITE_TOKEN), authToken(request));
    }

    static String authToken(NativeWebRequest request) {
        String header = request.getHeader(AUTH_HEADER);
        return header != null && !header.isBlank() ? header : request.getParameter("auth_token");
    }
}
