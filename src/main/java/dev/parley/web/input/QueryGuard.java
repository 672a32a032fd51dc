package dev.parley.web.input;

import dev.parley.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks every query string before a controller sees it: it must decode (else 400), hold no NUL (422 naming the
 * parameter; the dashboard's posted form fields too), and the paging and time parameters every list and report takes are bounded (422), so a huge
 * {@code page} or {@code since} never reaches an OFFSET or a timestamp column. Values that are not numbers are
 * left to the endpoint, which knows its own defaults.
 */
public class QueryGuard implements HandlerInterceptor {

    /** The deepest page, and the most rows, any list may be asked for. */
    public static final int MAX_COUNT = 10_000;
    /**
     * Unix seconds of 3000-01-01T00:00:00Z. Reports also read the equally long period before [since, until), so the
     * bound keeps that one inside PostgreSQL's timestamp range too (it starts in 4713 BC).
     */
    public static final long MAX_EPOCH_SECOND = 32_503_680_000L;

    private static final Set<String> COUNTS = Set.of("page", "per_page", "size", "limit", "days", "loaded");
    private static final Set<String> TIMES = Set.of("since", "until");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isDashboardForm(request)) {
            // the dashboard's forms: Spring Security has parsed them already (for the CSRF token), so reading is free
            request.getParameterMap().forEach((name, values) -> {
                for (String value : values) if (!SafeText.isSafe(value)) throw InvalidInput.of(name, SafeText.PROBLEM);
            });
        }
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) return true;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!SafeText.isSafe(name)) throw InvalidInput.of("query", SafeText.PROBLEM);
            if (!SafeText.isSafe(value)) throw InvalidInput.of(name, SafeText.PROBLEM);
            if (COUNTS.contains(name)) bound(name, value, 0, MAX_COUNT);
            if (TIMES.contains(name)) bound(name, value, 0, MAX_EPOCH_SECOND);
        }
        return true;
    }

    private static boolean isDashboardForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(request.getContextPath() + "/app/");
    }

    private static void bound(String name, String value, long min, long max) {
        String number = value.trim();
        if (!number.matches("-?\\d+(\\.\\d*)?")) return;
        BigInteger whole = new BigInteger(number.contains(".") ? number.substring(0, number.indexOf('.')) : number);
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw InvalidInput.of(name, "must be between " + min + " and " + max);
        }
    }

    /** Percent-decodes to bytes, then reads them as strict UTF-8: an invalid sequence is a 400, never a silent U+FFFD. */
    static String decode(String text) {
        byte[] bytes;
        try {
            bytes = URLDecoder.decode(text, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            throw new MalformedQuery("The query string is not valid percent-encoding");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedQuery("The query string is not valid UTF-8");
        }
    }
}
