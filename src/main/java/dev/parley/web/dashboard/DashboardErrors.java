package dev.parley.web.dashboard;

import dev.parley.shared.InvalidInput;
import dev.parley.shared.NotAuthorized;
import dev.parley.shared.ResourceNotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A dashboard command the server refuses (bad input) sends the agent back to the page she came from with
 * the reason on screen (the header's alert), instead of an API error body; a page she may not open, or that does
 * not exist, is an HTML error page with its status. API clients keep Chatwoot's JSON.
 */
@ControllerAdvice(basePackageClasses = DashboardErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    @ExceptionHandler(InvalidInput.class)
    String refused(InvalidInput e, HttpServletRequest request, RedirectAttributes redirect) {
        redirect.addFlashAttribute("actionError", e.getMessage());
        return "redirect:" + backTo(request);
    }

    /** A signed-in person without the role the page needs: an HTML 403, never a JSON body the browser did not ask for. */
    @ExceptionHandler(NotAuthorized.class)
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN, "Not allowed", "Your role in this account does not open this page. Ask an administrator.");
    }

    /** A missing conversation, another account's id, or an id that is not a number: the same 404 for all (nothing is told apart). */
    @ExceptionHandler({ResourceNotFound.class, NoResourceFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "Not found", "This page does not exist, or it belongs to an account you are not a member of.");
    }

    /** A filter or form value of the wrong type (an id too large for a number): an HTML 400, not the API's JSON. */
    @ExceptionHandler({BindException.class, MissingServletRequestParameterException.class})
    ModelAndView badRequest() {
        return page(HttpStatus.BAD_REQUEST, "Bad request", "A value in this address or form is not one this page understands.");
    }

    private static ModelAndView page(HttpStatus status, String title, String explanation) {
        var page = new ModelAndView("app/error", Map.of("title", title, "explanation", explanation));
        page.setStatus(status);
        return page;
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
