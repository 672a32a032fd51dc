package dev.parley.web.dashboard;

import dev.parley.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A dashboard command the server refuses (bad input) sends the agent back to the page she came from with
 * the reason on screen (the header's alert), instead of an API error body. API clients keep Chatwoot's JSON.
 */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    @ExceptionHandler(InvalidInput.class)
    String refused(InvalidInput e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("actionError", e.getMessage());
        return "redirect:" + backTo(request);
    }

    /** The page the form was on (same site only), or the conversation list. */
    private static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            int app = referer.indexOf("/app/");
            if (app >= 0) return referer.substring(app);
        }
        return "/app";
    }
}
