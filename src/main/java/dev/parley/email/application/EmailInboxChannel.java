package dev.parley.email.application;

import dev.parley.email.domain.EmailSettings;
import dev.parley.email.persistence.EmailSecretsRepository;
import dev.parley.inbox.ChannelAttributes;
import dev.parley.inbox.InboxChannel;
import dev.parley.shared.Errors;
import dev.parley.shared.Tokens;
import dev.parley.shared.UrlSafety;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Email inboxes as the inbox module sees them: checks Chatwoot's Channel::Email settings (mail hosts pass the
 * private-address guard), seals the passwords, and answers what the inbox JSON shows (never a password).
 */
@Component
public class EmailInboxChannel implements InboxChannel {

    public static final String CHANNEL_TYPE = "Channel::Email";

    private final EmailSecretsRepository secrets;
    private final SecretBox box;
    private final UrlSafety urlSafety;
    private final String inboundDomain;

    EmailInboxChannel(EmailSecretsRepository secrets, SecretBox box, UrlSafety urlSafety,
                      @Value("${parley.email.inbound-domain:parley.local}") String inboundDomain) {
        this.secrets = secrets;
        this.box = box;
        this.urlSafety = urlSafety;
        this.inboundDomain = inboundDomain;
    }

    @Override
    public boolean handles(String type) {
        return "email".equals(type) || CHANNEL_TYPE.equals(type);
    }

    @Override
    public String channelType() {
        return CHANNEL_TYPE;
    }

    @Override
    public ChannelAttributes save(long accountId, long inboxId, Map<String, Object> requested, ChannelAttributes before) {
        var merged = new LinkedHashMap<String, Object>(before == null ? Map.of() : before.all());
        EmailSettings.KEYS.stream().filter(requested::containsKey).forEach(k -> merged.put(k, requested.get(k)));
        EmailSettings settings = EmailSettings.of(merged);
        check(settings);
        if (before == null) secrets.create(inboxId, Tokens.random(24), Tokens.random(12).toLowerCase(java.util.Locale.ROOT));
        if (requested.get("imap_password") instanceof String p && !p.isEmpty()) secrets.setImapPassword(inboxId, box.seal(p));
        if (requested.get("smtp_password") instanceof String p && !p.isEmpty()) secrets.setSmtpPassword(inboxId, box.seal(p));
        var stored = secrets.find(inboxId).orElseThrow();
        var shown = new LinkedHashMap<String, Object>();
        shown.put("email", settings.email());
        shown.put("forward_to_email", stored.forwardToken() + "@" + inboundDomain);
        var adminOnly = settings.attributes();
        adminOnly.put("inbound_url", "/email/inbound/" + stored.forwardToken());
        adminOnly.put("inbound_secret", stored.inboundSecret());
        return new ChannelAttributes(shown, adminOnly);
    }

    private void check(EmailSettings s) {
        var errors = new Errors().requireText("email", s.email()).email("email", s.email());
        if (s.imapEnabled()) {
            hostAndPort(errors, "imap", s.imapAddress(), s.imapPort());
            errors.requireText("imap_login", s.imapLogin());
        }
        if (s.smtpEnabled()) hostAndPort(errors, "smtp", s.smtpAddress(), s.smtpPort());
        if (!List.of("plain", "login", "cram_md5", "xoauth2", "none").contains(s.smtpAuthentication())) {
            errors.add("smtp_authentication", "must be one of plain, login, cram_md5, xoauth2, none");
        }
        errors.throwIfAny();
    }

    private void hostAndPort(Errors errors, String prefix, String host, int port) {
        String problem = urlSafety.hostProblem(host);
        if (problem != null) errors.add(prefix + "_address", problem);
        if (port < 1 || port > 65535) errors.add(prefix + "_port", "must be a port number from 1 to 65535");
    }
}
