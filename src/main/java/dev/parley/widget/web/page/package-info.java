/**
 * The chat window's page, {@code /widget?website_token=...}, which the loader ({@code /packs/js/sdk.js}) frames in the
 * visitor's site. The page itself is static (static/widget: plain HTML, CSS and JS); it reads everything it shows from
 * the widget API, so this package only serves it with a policy that lets any site frame it and runs Parley's scripts only.
 */
package dev.parley.widget.web.page;
