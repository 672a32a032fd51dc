package dev.parley.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.email.application.HtmlMail;
import dev.parley.email.application.MailParser;
import dev.parley.email.domain.AutomaticMail;
import dev.parley.email.domain.QuotedText;
import dev.parley.shared.UrlSafety;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing received mail: charsets, encoded headers, automatic mail, quoted threads, unsafe HTML. */
class MailParsingTests {

    private final MailParser parser = new MailParser();

    @Test
    void readsEncodedHeadersAndAnUnknownCharsetWithoutRefusingTheMail() throws Exception {
        byte[] raw = """
                From: =?UTF-8?Q?Zo=C3=AB?= <zoe@customer.test>
                To: help@acme.test
                Subject: =?UTF-8?B?5pel5pys6Kqe?=
                Message-ID: <abc@customer.test>
                Content-Type: text/plain; charset=x-unknown-charset

                caf\u00e9
                """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        var mail = parser.parse(raw);
        assertThat(mail.from().name()).isEqualTo("Zoë");
        assertThat(mail.subject()).isEqualTo("日本語");
        assertThat(mail.messageId()).isEqualTo("abc@customer.test");
        assertThat(mail.text().strip()).isEqualTo("café");
        assertThat(mail.automatic()).isFalse();
    }

    @Test
    void refusesBytesWithoutASender() {
        assertThatThrownBy(() -> parser.parse("just text".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(MailParser.Unparseable.class);
    }

    @Test
    void recognisesAutomaticMail() {
        assertThat(AutomaticMail.isAutomatic(Map.of("Auto-Submitted", "auto-replied")::get, "a@b.test")).isTrue();
        assertThat(AutomaticMail.isAutomatic(Map.of("Auto-Submitted", "no")::get, "a@b.test")).isFalse();
        assertThat(AutomaticMail.isAutomatic(Map.of("Precedence", "bulk")::get, "a@b.test")).isTrue();
        assertThat(AutomaticMail.isAutomatic(Map.of("X-Autoreply", "yes")::get, "a@b.test")).isTrue();
        assertThat(AutomaticMail.isAutomatic(Map.<String, String>of()::get, "MAILER-DAEMON@b.test")).isTrue();
        assertThat(AutomaticMail.isAutomatic(Map.<String, String>of()::get, "mia@b.test")).isFalse();
    }

    @Test
    void foldsTheQuotedThreadAway() {
        String[] split = QuotedText.split("Yes please.\n\nOn Tue, 2 Jan 2026, Support <s@acme.test> wrote:\n> Shall we?\n");
        assertThat(split[0]).isEqualTo("Yes please.");
        assertThat(split[1]).contains("> Shall we?");
        assertThat(QuotedText.split("No quote here.")).containsExactly("No quote here.", null);
    }

    @Test
    void sanitisedHtmlKeepsMarkupAndInlineImagesButNoScript() {
        String safe = HtmlMail.sanitise("<p onclick=\"x()\">Hi <b>there</b><script>alert(1)</script>"
                + "<img src=\"cid:logo@x\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">link</a></p>");
        assertThat(safe).contains("<b>there</b>").contains("src=\"cid:logo@x\"")
                .doesNotContain("script").doesNotContain("onerror").doesNotContain("onclick").doesNotContain("javascript:");
    }

    @Test
    void mailHostsOnPrivateAddressesAreRefusedUnlessAllowed() {
        assertThat(new UrlSafety(false).hostProblem("127.0.0.1")).contains("private or local");
        assertThat(new UrlSafety(false).hostProblem("10.1.2.3")).contains("private or local");
        assertThat(new UrlSafety(true).hostProblem("127.0.0.1")).isNull();
        assertThat(new UrlSafety(false).hostProblem("bad host!")).isEqualTo("is not a valid host name");
    }
}
