package dev.parley.web;

import dev.parley.account.AuthenticatedUser;
import dev.parley.account.Membership;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take the caller's {@link Membership} or {@link AuthenticatedUser} as a parameter. */
class CallerArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Membership.class || type == AuthenticatedUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String key = parameter.getParameterType() == Membership.class ? ApiAuthentication.MEMBERSHIP : ApiAuthentication.USER;
        Object value = request.getAttribute(key, NativeWebRequest.SCOPE_REQUEST);
        if (value == null) throw new NotAuthenticated("You need to sign in or sign up before continuing.");
        return value;
    }
}
