package dev.parley.web.body;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request without a body (or with an empty one) is {@code {}}, as in Rails; a multipart body, which the servlet
 * container has already parsed, is read from its parts.
 */
@ControllerAdvice
class EmptyBodyAdvice extends RequestBodyAdviceAdapter {

    private final RailsBodyConverter converter;

    EmptyBodyAdvice(RailsBodyConverter converter) {
        this.converter = converter;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        if (body != null) return body;
        return converter.readEmpty(ResolvableType.forMethodParameter(parameter, targetType), input.getHeaders().getContentType());
    }
}
