package dev.parley.email.application;

import dev.parley.email.domain.ParsedMail.Address;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The reply address that threads back: the inbox's address with {@code +c<display id>-<tag>} (plus addressing), the
 * tag a MAC of inbox and conversation, so a made-up address cannot drop mail into someone else's conversation.
 */
@Component
public class ReplyAddress {

    private static final Pattern PLUS = Pattern.compile("^[^@+]+\\+c(\\d{1,18})-([0-9a-f]{10})@", Pattern.CASE_INSENSITIVE);

    private final SecretBox box;

    ReplyAddress(SecretBox box) {
        this.box = box;
    }

    public String of(String inboxEmail, long inboxId, long displayId) {
        int at = inboxEmail.lastIndexOf('@');
        return inboxEmail.substring(0, at) + "+c" + displayId + "-" + tag(inboxId, displayId) + inboxEmail.substring(at);
    }

    /** The conversation display id a reply address among these names, if one carries a valid tag for this inbox. */
    public Optional<Long> displayIdIn(long inboxId, List<Address> addresses) {
        for (Address a : addresses) {
            var m = PLUS.matcher(a.email());
            if (m.find()) {
                long displayId = Long.parseLong(m.group(1));
                if (tag(inboxId, displayId).equalsIgnoreCase(m.group(2))) return Optional.of(displayId);
            }
        }
        return Optional.empty();
    }

    private String tag(long inboxId, long displayId) {
        return box.mac("reply:" + inboxId + ":" + displayId).substring(0, 10);
    }
}
