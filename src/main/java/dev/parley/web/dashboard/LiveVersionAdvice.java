package dev.parley.web.dashboard;

import dev.parley.realtime.LiveStreams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Notes the account's live version before a page reads its data. A page opens its stream with this
 * version, so any change that commits while the page is being built makes the stream ask for a
 * re-read at once. Reading the version after the data (in the template) would miss a change that
 * commits in between: the data would be old and the version new.
 */
@ControllerAdvice(basePackageClasses = LiveVersionAdvice.class)
class LiveVersionAdvice {

    private final LiveStreams streams;

    LiveVersionAdvice(LiveStreams streams) {
        this.streams = streams;
    }

    @ModelAttribute("liveSince")
    String liveSince(HttpServletRequest request, @PathVariable(name = "accountId", required = false) Long accountId) {
        return accountId == null || !"GET".equals(request.getMethod()) ? null : streams.mark(accountId);
    }
}
