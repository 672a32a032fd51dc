package dev.parley.account;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends invitation and password-reset links by email when SMTP is configured ({@code spring.mail.*}); without it nothing
 * is sent and the caller shows the link to the administrator to hand over. Links point at {@code parley.public-url} when
 * set, else at the host the request came to.
 */
@Component
public class PasswordLinkMail {

    private static final Logger log = LoggerFactory.getLogger(PasswordLinkMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String publicUrl;
    private final Executor background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "password-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordLinkMail(ObjectProvider<JavaMailSender> sender, @Value("${parley.mail.from:parley@localhost}") String from,
                     @Value("${parley.public-url:}") String publicUrl) {
        this.sender = sender;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** The page that sets a password with this token. */
    public String url(String token) {
        String base = !publicUrl.isBlank() ? publicUrl
                : RequestContextHolder.getRequestAttributes() == null ? "" : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return base + "/app/password/set?token=" + token;
    }

    /** Sends the invitation; false when mail is not configured or the server refused it (the link is then shown instead). */
    public boolean sendInvitation(String to, String inviter, String accountName, String token) {
        return send(to, "You are invited to " + accountName + " on Parley", inviter + " invited you to join " + accountName + " on Parley.\n\n"
                + "Set your password to join: " + url(token) + "\n\nThe link works once and expires in "
                + PasswordLinks.INVITATION_VALIDITY.toDays() + " days.\n");
    }

    /**
     * Sends the reset link in the background, so the "forgot password" answer takes as long whether the email belongs to
     * someone or not; false when mail is not configured.
     */
    public boolean sendPasswordReset(String to, String token) {
        if (!configured()) return false;
        String text = resetText(token);
        background.execute(() -> send(to, "Reset your Parley password", text));
        return true;
    }

    private String resetText(String token) {
        return "Someone asked to reset the password of your Parley account.\n\n"
                + "Choose a new password: " + url(token) + "\n\nThe link works once and expires in " + PasswordLinks.RESET_VALIDITY.toHours()
                + " hours. If it was not you, ignore this email: your password stays as it is.\n";
    }

    private boolean send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) return false;
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Could not send \"{}\" to {}: {}", subject, to, e.getMessage());
            return false;
        }
    }
}
