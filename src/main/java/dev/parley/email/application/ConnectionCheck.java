package dev.parley.email.application;

import dev.parley.email.domain.EmailSettings;
import dev.parley.inbox.InboxView;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.springframework.stereotype.Component;

/** "Test the connection": tries the inbox's IMAP and SMTP servers and says which step failed (DNS, connect, TLS, login). */
@Component
public class ConnectionCheck {

    /** The outcome for one server: ok, or the step that failed and the server's or system's words. */
    public record Result(String server, boolean ok, String step, String message) {
    }

    private final MailServers servers;

    ConnectionCheck(MailServers servers) {
        this.servers = servers;
    }

    public java.util.List<Result> check(InboxView inbox) {
        EmailSettings s = EmailSettings.of(inbox.channel().all());
        var results = new java.util.ArrayList<Result>();
        if (s.imapEnabled()) results.add(attempt("IMAP", s.imapAddress(), () -> servers.imap(inbox).close()));
        if (s.smtpEnabled()) results.add(attempt("SMTP", s.smtpAddress(), () -> servers.smtp(inbox).close()));
        if (results.isEmpty()) results.add(new Result("IMAP/SMTP", false, "settings", "neither IMAP nor SMTP is turned on for this inbox"));
        return results;
    }

    private interface Attempt {
        void run() throws MessagingException;
    }

    private static Result attempt(String server, String host, Attempt attempt) {
        try {
            InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Result(server, false, "DNS", host + " cannot be resolved");
        }
        try {
            attempt.run();
            return new Result(server, true, null, "connected and signed in");
        } catch (AuthenticationFailedException e) {
            return new Result(server, false, "login", "the server refused the login: " + e.getMessage());
        } catch (MessagingException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SSLException) return new Result(server, false, "TLS", "the secure connection failed: " + t.getMessage());
                if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                    return new Result(server, false, "connect", "no answer from " + host + ": " + t.getMessage());
                }
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            boolean refusedHost = message.contains("private or local address");
            return new Result(server, false, refusedHost ? "address" : message.toLowerCase().contains("auth") ? "login" : "connect", message);
        }
    }
}
