package dev.parley.email.application;

import dev.parley.email.domain.EmailSettings;
import dev.parley.email.persistence.EmailSecretsRepository;
import dev.parley.inbox.InboxView;
import dev.parley.shared.UrlSafety;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens connections to an inbox's IMAP and SMTP servers with its settings and decrypted passwords, after the
 * host passes the private-address guard again (its DNS may have changed since the settings were saved).
 */
@Component
public class MailServers {

    private final EmailSecretsRepository secrets;
    private final SecretBox box;
    private final UrlSafety urlSafety;
    private final Duration readTimeout;

    MailServers(EmailSecretsRepository secrets, SecretBox box, UrlSafety urlSafety,
                @Value("${parley.email.imap.idle-refresh:PT1M}") Duration idleRefresh) {
        this.secrets = secrets;
        this.box = box;
        this.urlSafety = urlSafety;
        this.readTimeout = idleRefresh.plusSeconds(30);
    }

    /** A connected IMAP store. */
    public Store imap(InboxView inbox) throws MessagingException {
        EmailSettings s = EmailSettings.of(inbox.channel().all());
        guard(s.imapAddress());
        String protocol = s.imapEnableSsl() ? "imaps" : "imap";
        var props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".host", s.imapAddress());
        props.put("mail." + protocol + ".port", String.valueOf(s.imapPort()));
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", String.valueOf(readTimeout.toMillis()));
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        props.put("mail." + protocol + ".peek", "true");
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect(s.imapAddress(), s.imapPort(), s.imapLogin(), password(inbox.id(), true));
        return store;
    }

    /** A session for the inbox's SMTP server, and a connected transport. */
    public record Smtp(Session session, Transport transport) implements AutoCloseable {
        @Override
        public void close() throws MessagingException {
            transport.close();
        }
    }

    public Smtp smtp(InboxView inbox) throws MessagingException {
        EmailSettings s = EmailSettings.of(inbox.channel().all());
        guard(s.smtpAddress());
        String protocol = s.smtpEnableSslTls() ? "smtps" : "smtp";
        var props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", s.smtpAddress());
        props.put("mail." + protocol + ".port", String.valueOf(s.smtpPort()));
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        props.put("mail." + protocol + ".writetimeout", "30000");
        props.put("mail." + protocol + ".starttls.enable", String.valueOf(s.smtpEnableStarttlsAuto()));
        props.put("mail." + protocol + ".ssl.checkserveridentity", String.valueOf(!"none".equals(s.smtpOpensslVerifyMode())));
        if (s.smtpDomain() != null) props.put("mail." + protocol + ".localhost", s.smtpDomain());
        String login = s.smtpLogin();
        boolean auth = login != null && !"none".equals(s.smtpAuthentication());
        props.put("mail." + protocol + ".auth", String.valueOf(auth));
        Session session = Session.getInstance(props);
        Transport transport = session.getTransport(protocol);
        transport.connect(s.smtpAddress(), s.smtpPort(), auth ? login : null, auth ? password(inbox.id(), false) : null);
        return new Smtp(session, transport);
    }

    private void guard(String host) throws MessagingException {
        String problem = urlSafety.hostProblem(host);
        if (problem != null) throw new MessagingException("the mail server " + host + " " + problem);
    }

    private String password(long inboxId, boolean imap) {
        return secrets.find(inboxId).map(s -> box.open(imap ? s.imapPassword() : s.smtpPassword())).orElse(null);
    }
}
