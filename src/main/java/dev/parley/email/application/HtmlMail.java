package dev.parley.email.application;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Incoming HTML made safe to show (jsoup's relaxed safelist: no script, no event handlers, no javascript: URLs;
 * {@code cid:} images kept for inline pictures) and split into the new reply and the quoted earlier thread.
 */
public final class HtmlMail {

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("font", "center", "hr")
            .addAttributes(":all", "style", "dir", "align")
            .addProtocols("img", "src", "cid", "http", "https", "data");

    private static final String QUOTE_SELECTORS = "blockquote, div.gmail_quote, div.yahoo_quoted, #divRplyFwdMsg, "
            + "div#appendonsend, div.moz-cite-prefix";

    private HtmlMail() {
    }

    public static String sanitise(String html) {
        return Jsoup.clean(html, "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    /** [reply, quoted] of sanitised HTML: the reply without the quoted thread, null when nothing was quoted. */
    public static String[] split(String safeHtml) {
        if (safeHtml == null) return new String[] {null, null};
        Document doc = Jsoup.parseBodyFragment(safeHtml);
        var quotes = doc.select(QUOTE_SELECTORS);
        if (quotes.isEmpty()) return new String[] {safeHtml, null};
        String quoted = quotes.outerHtml();
        quotes.remove();
        String reply = doc.body().html();
        return Jsoup.parse(reply).text().isBlank() ? new String[] {safeHtml, null} : new String[] {reply, quoted};
    }

    /** The visible text of sanitised HTML (for a message's content when the mail has no text part). */
    public static String text(String safeHtml) {
        Document doc = Jsoup.parseBodyFragment(safeHtml);
        doc.select("br").after("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4").before("\\n");
        return Jsoup.clean(doc.body().html(), "", Safelist.none(), new Document.OutputSettings().prettyPrint(false))
                .replace("\\n", "\n").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replaceAll("\n{3,}", "\n\n").strip();
    }
}
