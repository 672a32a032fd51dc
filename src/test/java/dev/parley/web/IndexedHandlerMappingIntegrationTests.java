package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The indexed request mapping answers exactly what Spring's full lookup answers: for a request to every pattern of
 * every mapping the application has (each HTTP method it takes, and one it does not), and for paths no mapping has.
 * Same handler method, same path variables, or the same refusal.
 */
class IndexedHandlerMappingIntegrationTests extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theIndexAnswersWhatSpringsFullLookupAnswers() throws Exception {
        assertThat(mapping).isInstanceOf(IndexedHandlerMapping.class);
        IndexedHandlerMapping indexed = (IndexedHandlerMapping) mapping;
        List<String[]> requests = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) continue;
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) requests.add(new String[] {method.name(), path});
                requests.add(new String[] {"DELETE", path});
                requests.add(new String[] {"PATCH", path + "/extra"});
            }
        }
        for (String path : List.of("/", "/nothing/here", "/api/v1/accounts/1/nothing", "/public/api/v1/inboxes/x/contacts/y/conversations/1/messages/2/z",
                "/api/v1/accounts/1/conversations/%31", "/app;jsessionid=1")) {
            requests.add(new String[] {"GET", path});
            requests.add(new String[] {"POST", path});
        }
        assertThat(requests).hasSizeGreaterThan(300);
        int handled = 0;
        for (String[] r : requests) {
            Answer spring = answer(indexed, r, true);
            Answer index = answer(indexed, r, false);
            assertThat(index).as(r[0] + " " + r[1]).isEqualTo(spring);
            if (spring.handler() != null) handled++;
        }
        assertThat(handled).as("requests some mapping handles").isGreaterThan(250);
    }

    /** A handler method (or the refusal's type) and the path variables it was given. */
    private record Answer(String handler, String refusal, Object variables) {
    }

    private Answer answer(IndexedHandlerMapping indexed, String[] r, boolean springs) {
        MockHttpServletRequest request = request(r);
        try {
            HandlerMethod handler = springs ? indexed.springsLookup(r[1], request) : indexed.lookupHandlerMethod(r[1], request);
            return new Answer(handler == null ? null : handler.getMethod().toGenericString(), null,
                    request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
        } catch (Exception e) {
            return new Answer(null, e.getClass().getName(), null);
        }
    }

    private static MockHttpServletRequest request(String[] r) {
        MockHttpServletRequest request = new MockHttpServletRequest(r[0], r[1]);
        request.addHeader("Accept", "application/json");
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    /** A path the pattern matches: each variable a sample value, a catch-all two segments. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7").replace("/**", "/a/b").replace("*", "x");
    }
}
