package dev.parley.reporting;

/**
 * One quoted CSV cell, the one place report downloads write text. A name that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) gets a leading single quote, as OWASP advises for
 * CSV injection, so opening a report never runs what an agent, inbox, team or label was named.
 */
public final class CsvCell {

    private CsvCell() {
    }

    public static String quoted(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) text = "'" + text;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
