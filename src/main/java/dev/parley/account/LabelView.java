package dev.parley.account;

/** A label defined for an account. */
public record LabelView(long id, String title, String description, String color, boolean showOnSidebar) {
}
