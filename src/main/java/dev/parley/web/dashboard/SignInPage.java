package dev.parley.web.dashboard;

import dev.parley.shared.TooManyRequests;
import dev.parley.web.SignInThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's sign-in page: after a wrong password, and when too many attempts were made (429). */
@Controller
class SignInPage {

    @GetMapping("/app/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        return "app/login";
    }

    /** Reached only by the forward of a throttled sign-in; opened directly it is the plain sign-in page. */
    @RequestMapping(path = "/app/login/throttled", method = {RequestMethod.GET, RequestMethod.POST})
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!(request.getAttribute(SignInThrottled.ATTRIBUTE) instanceof TooManyRequests refusal)) return "redirect:/app/login";
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
        model.addAttribute("throttled", tooManyAttempts(refusal));
        return "app/login";
    }

    static String tooManyAttempts(TooManyRequests refusal) {
        long minutes = refusal.retryAfterMinutes();
        return "Too many attempts; try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
