package dev.parley.email;

import dev.parley.email.application.ConnectionCheck;
import dev.parley.inbox.InboxView;
import java.util.List;
import org.springframework.stereotype.Service;

/** The email channel's API for the dashboard: test an inbox's saved IMAP and SMTP connections. */
@Service
public class EmailConnections {

    /** One server's outcome: ok, or the step that failed (DNS, address, connect, TLS, login, settings) and why. */
    public record Result(String server, boolean ok, String step, String message) {
    }

    private final ConnectionCheck check;

    EmailConnections(ConnectionCheck check) {
        this.check = check;
    }

    public List<Result> test(InboxView inbox) {
        return check.check(inbox).stream().map(r -> new Result(r.server(), r.ok(), r.step(), r.message())).toList();
    }
}
