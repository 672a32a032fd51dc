package dev.parley.web.dashboard;

import dev.parley.account.Installation;
import dev.parley.account.OnboardingClosed;
import dev.parley.shared.InvalidInput;
import dev.parley.web.DashboardSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first run in the browser: {@code /} leads a fresh installation to the onboarding page, which creates the
 * organisation and its first administrator and signs her in; afterwards {@code /} leads to the dashboard (or the
 * sign-in page) and onboarding refuses (409).
 */
@Controller
class FirstRunController {

    private final Installation installation;
    private final DashboardSignIn signIn;

    FirstRunController(Installation installation, DashboardSignIn signIn) {
        this.installation = installation;
        this.signIn = signIn;
    }

    @GetMapping("/")
    String root() {
        return installation.fresh() ? "redirect:/app/onboarding" : "redirect:/app";
    }

    @GetMapping("/app/onboarding")
    String onboarding(Model model) {
        if (!installation.fresh()) return "redirect:/app";
        return "app/onboarding";
    }

    @PostMapping("/app/onboarding")
    String onboard(@RequestParam(name = "account_name", defaultValue = "") String accountName, @RequestParam(defaultValue = "") String name,
                   @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                   @RequestParam(name = "password_confirmation", defaultValue = "") String confirmation, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        try {
            var onboarded = installation.onboard(accountName, name, email, password, confirmation);
            signIn.signIn(onboarded.administrator(), request, response);
            return "redirect:/app/accounts/" + onboarded.accountId() + "/conversations?view=mine";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
        } catch (OnboardingClosed e) {
            response.setStatus(409);
            model.addAttribute("closed", e.getMessage());
        }
        model.addAttribute("accountName", accountName);
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        return "app/onboarding";
    }
}
