package dev.parley.web.dashboard;

import dev.parley.shared.ResourceNotFound;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Any other dashboard address is the dashboard's 404 page (an HTML page, like a missing conversation), not the API's JSON. */
@Controller
class UnknownPages {

    @GetMapping("/app/**")
    String unknown() {
        throw new ResourceNotFound("Page");
    }
}
