package dev.parley.web.body;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Spring's filter that reads the form body of PUT, PATCH and DELETE (Tomcat reads only POST's), except that a body
 * that does not decode ({@code %zz}, invalid UTF-8) is a 400 in Chatwoot's shape instead of an exception thrown
 * out of the filter chain (a 500).
 */
class SafeFormContentFilter extends OrderedFormContentFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            super.doFilterInternal(request, response, chain);
        } catch (HttpMessageNotReadableException e) {
            if (response.isCommitted()) throw e;
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"error\":\"The form body is not valid percent-encoded UTF-8\"}");
        }
    }
}
