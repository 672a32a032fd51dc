package dev.parley.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, with an index in front of its lookup. Spring matches a path with variables against
 * every mapping the application has (more than 300 here), which was a tenth of the public message POST's cost. This
 * index files each mapping under the literal start of its patterns (up to {@link #DEPTH} segments: {@code
 * public/api/v1/inboxes}), so a request is matched only against the mappings its path can reach.
 *
 * <p>The answer is always Spring's: a mapping outside the request's index entries cannot match its path, so when exactly
 * one mapping in them matches, it is the only match Spring's full scan would find, and it is handled as Spring handles a
 * match. Everything else (several matches to rank, no match with its 404/405/415 reasons, CORS pre-flights, encoded or
 * matrix-parameter paths the literal index cannot read) goes to Spring's own lookup.
 */
class IndexedHandlerMapping extends RequestMappingHandlerMapping {

    /** How many literal leading segments of a pattern the index files it under. */
    static final int DEPTH = 4;

    /** The mappings by the literal start of their patterns, and each one's handler method (as Spring registered it). */
    private record Index(Map<String, List<RequestMappingInfo>> byPrefix, Map<RequestMappingInfo, HandlerMethod> handlers) {
    }

    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Index current = index;
        if (current == null) current = buildIndex();
        Map<String, List<RequestMappingInfo>> byPrefix = current.byPrefix();
        RequestMappingInfo only = null;
        RequestMappingInfo onlyRegistered = null;
        for (String key : keysOf(lookupPath)) {
            List<RequestMappingInfo> candidates = byPrefix.get(key);
            if (candidates == null) continue;
            for (RequestMappingInfo candidate : candidates) {
                RequestMappingInfo match = getMatchingMapping(candidate, request);
                if (match == null) continue;
                if (only != null) return super.lookupHandlerMethod(lookupPath, request); // several: Spring ranks them
                only = match;
                onlyRegistered = candidate;
            }
        }
        if (only == null) return super.lookupHandlerMethod(lookupPath, request); // Spring says why nothing matches
        HandlerMethod handler = current.handlers().get(onlyRegistered);
        if (handler == null) return super.lookupHandlerMethod(lookupPath, request);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(only, lookupPath, request);
        return handler;
    }

    /** What Spring's own lookup answers (for the test that holds the index to it). */
    HandlerMethod springsLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    /** The index entries a path can reach: its first 0 to {@link #DEPTH} segments. */
    static List<String> keysOf(String path) {
        List<String> keys = new ArrayList<>(DEPTH + 1);
        keys.add("");
        StringBuilder prefix = new StringBuilder();
        int segments = 0;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) continue;
            if (segments == DEPTH) break;
            if (segments > 0) prefix.append('/');
            prefix.append(segment);
            keys.add(prefix.toString());
            segments++;
        }
        return keys;
    }

    /** Where a pattern is filed: its literal leading segments, at most {@link #DEPTH}. */
    static String keyOf(String pattern) {
        StringBuilder prefix = new StringBuilder();
        int segments = 0;
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) continue;
            if (segments == DEPTH || !literal(segment)) break;
            if (segments > 0) prefix.append('/');
            prefix.append(segment);
            segments++;
        }
        return prefix.toString();
    }

    private static boolean literal(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == ';' || c == '%' || c == '\\') return false;
        }
        return true;
    }

    private synchronized Index buildIndex() {
        if (index != null) return index;
        Map<RequestMappingInfo, HandlerMethod> all = getHandlerMethods();
        Map<String, List<RequestMappingInfo>> byPrefix = new HashMap<>();
        for (RequestMappingInfo info : all.keySet()) {
            Set<String> keys = new LinkedHashSet<>();
            if (info.getPathPatternsCondition() == null) {
                keys.add(""); // no parsed patterns: reachable from every path
            } else {
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) keys.add(keyOf(pattern.getPatternString()));
            }
            keys.forEach(key -> byPrefix.computeIfAbsent(key, k -> new ArrayList<>()).add(info));
        }
        index = new Index(byPrefix, all);
        return index;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        forgetIndex();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        forgetIndex();
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        forgetIndex();
    }

    private synchronized void forgetIndex() {
        index = null;
    }
}
