package dev.parley.email.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An email inbox's settings under Chatwoot's names (Channel::Email's editable attributes), passwords excepted. */
public record EmailSettings(String email, boolean imapEnabled, String imapAddress, int imapPort, String imapLogin,
                            boolean imapEnableSsl, boolean smtpEnabled, String smtpAddress, int smtpPort, String smtpLogin,
                            String smtpDomain, boolean smtpEnableSslTls, boolean smtpEnableStarttlsAuto, String smtpAuthentication,
                            String smtpOpensslVerifyMode, String provider) {

    /** The keys a client may send (besides the passwords). */
    public static final List<String> KEYS = List.of("email", "imap_enabled", "imap_address", "imap_port", "imap_login",
            "imap_enable_ssl", "smtp_enabled", "smtp_address", "smtp_port", "smtp_login", "smtp_domain", "smtp_enable_ssl_tls",
            "smtp_enable_starttls_auto", "smtp_authentication", "smtp_openssl_verify_mode", "provider");

    /** Reads settings from attributes (stored or sent), with Chatwoot's defaults for what is missing. */
    public static EmailSettings of(Map<String, Object> a) {
        return new EmailSettings(text(a, "email"), flag(a, "imap_enabled", false), text(a, "imap_address"),
                number(a, "imap_port", 993), text(a, "imap_login"), flag(a, "imap_enable_ssl", true), flag(a, "smtp_enabled", false),
                text(a, "smtp_address"), number(a, "smtp_port", 587), text(a, "smtp_login"), text(a, "smtp_domain"),
                flag(a, "smtp_enable_ssl_tls", false), flag(a, "smtp_enable_starttls_auto", true),
                text(a, "smtp_authentication") == null ? "login" : text(a, "smtp_authentication"),
                text(a, "smtp_openssl_verify_mode") == null ? "peer" : text(a, "smtp_openssl_verify_mode"), text(a, "provider"));
    }

    /** The settings as the attributes the inbox JSON shows to administrators. */
    public Map<String, Object> attributes() {
        var m = new LinkedHashMap<String, Object>();
        m.put("imap_enabled", imapEnabled);
        m.put("imap_address", imapAddress);
        m.put("imap_port", imapPort);
        m.put("imap_login", imapLogin);
        m.put("imap_enable_ssl", imapEnableSsl);
        m.put("smtp_enabled", smtpEnabled);
        m.put("smtp_address", smtpAddress);
        m.put("smtp_port", smtpPort);
        m.put("smtp_login", smtpLogin);
        m.put("smtp_domain", smtpDomain);
        m.put("smtp_enable_ssl_tls", smtpEnableSslTls);
        m.put("smtp_enable_starttls_auto", smtpEnableStarttlsAuto);
        m.put("smtp_authentication", smtpAuthentication);
        m.put("smtp_openssl_verify_mode", smtpOpensslVerifyMode);
        m.put("provider", provider);
        return m;
    }

    /** The domain of the inbox's address (for Message-IDs and reply addresses). */
    public String domain() {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? "parley.local" : email.substring(at + 1);
    }

    private static String text(Map<String, Object> a, String key) {
        Object v = a.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }

    private static boolean flag(Map<String, Object> a, String key, boolean otherwise) {
        Object v = a.get(key);
        return v == null ? otherwise : v instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(v));
    }

    private static int number(Map<String, Object> a, String key, int otherwise) {
        Object v = a.get(key);
        if (v instanceof Number n) return n.intValue();
        try {
            return v == null || String.valueOf(v).isBlank() ? otherwise : Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            return -1; // refused by the check
        }
    }
}
