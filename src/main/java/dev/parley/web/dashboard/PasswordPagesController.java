package dev.parley.web.dashboard;

import dev.parley.account.PasswordLinkMail;
import dev.parley.account.PasswordLinkUnusable;
import dev.parley.account.PasswordLinks;
import dev.parley.shared.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password" (the answer never says whether the email belongs to anyone) and the page an invitation or reset
 * link opens to set a password; a used, expired or unknown link says so (410, 410, 404).
 */
@Controller
class PasswordPagesController {

    private static final Logger log = LoggerFactory.getLogger(PasswordPagesController.class);

    private final PasswordLinks links;
    private final PasswordLinkMail mail;

    PasswordPagesController(PasswordLinks links, PasswordLinkMail mail) {
        this.links = links;
        this.mail = mail;
    }

    @GetMapping("/app/password/forgot")
    String forgot() {
        return "app/password-forgot";
    }

    @PostMapping("/app/password/forgot")
    String sendReset(@RequestParam(defaultValue = "") String email, Model model, jakarta.servlet.http.HttpServletRequest request) {
        links.forgotPassword(email, request.getRemoteAddr()).ifPresent(token -> {
            if (!mail.sendPasswordReset(email.trim(), token)) {
                log.info("A password reset was asked for a user, but mail is not configured (spring.mail.host): no email was sent; "
                        + "an administrator can make a reset link on the Agents page.");
            }
        });
        model.addAttribute("sent", true);
        return "app/password-forgot";
    }

    @GetMapping("/app/password/set")
    String setPasswordPage(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        var link = links.check(token);
        if (link.state() != PasswordLinks.State.VALID) return unusable(link.state(), model, response);
        model.addAttribute("token", token);
        model.addAttribute("link", link);
        return "app/password-set";
    }

    @PostMapping("/app/password/set")
    String setPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                       @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation, Model model,
                       HttpServletResponse response) {
        try {
            links.setPassword(token, password, confirmation);
            return "redirect:/app/login?password-set";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            return setPasswordPage(token, model, response);
        } catch (PasswordLinkUnusable e) {
            return unusable(e.state(), model, response);
        }
    }

    private static String unusable(PasswordLinks.State state, Model model, HttpServletResponse response) {
        response.setStatus(state == PasswordLinks.State.UNKNOWN ? 404 : 410);
        model.addAttribute("unusable", switch (state) {
            case USED -> "This link was used already: a link sets a password once.";
            case EXPIRED -> "This link has expired.";
            default -> "This link is not valid.";
        });
        return "app/password-set";
    }
}
