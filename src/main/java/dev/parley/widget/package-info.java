/**
 * Widget: the website live-chat channel (Chatwoot's web widget API, same paths and JSON), an adapter that turns a
 * visitor's calls into {@code ContactManagement} and {@code ConversationManagement} commands with the visitor as
 * actor, and the core's events into the visitor's live stream. Owns the visitor-token secret and the stream tables
 * ({@code widget_secrets}, {@code widget_stream_heads}, {@code widget_stream_events}); the widget's settings are the
 * inbox module's ({@code channel_web_widgets}). Listens to message, status, assignee, typing and seen events of
 * widget inboxes; publishes nothing of its own (the {@code webwidget_triggered} webhook is queued directly).
 *
 * <h2>Auth</h2>
 * Every call names the inbox by the {@code website_token} query parameter, and (all but {@code config} and
 * {@code inbox_members}) the visitor by the {@code X-Auth-Token} header: a JWT (HS256, payload {@code source_id},
 * {@code inbox_id}) signed with a secret in the database, answered by {@code config} as
 * {@code website_channel_config.auth_token}. The browser keeps it; sent again to {@code config}, it brings back the
 * same contact and conversation. An unknown website token, a token that does not verify or that belongs to another
 * inbox: 404 {@code {"error": "Resource could not be found"}}. No API access token is involved.
 *
 * <h2>Endpoints (all under {@code /api/v1/widget}, {@code ?website_token=...})</h2>
 * <ul>
 * <li>{@code POST /config} - {@code {website_channel_config: {auth_token, website_token, widget_color, welcome_title,
 *     welcome_tagline, reply_time, enabled_features, pre_chat_form_enabled, pre_chat_form_options, working_hours,
 *     working_hours_enabled, timezone, utc_off_set, out_of_office_message, greeting_enabled, greeting_message,
 *     website_name, hmac_mandatory, continuity_via_email, locale, enabled_languages, account_id, api_host, ...},
 *     contact: {id, name, email, phone_number, identifier, pubsub_token}, global_config, queue: {waiting, position},
 *     stream: {url, last_event_id}}}; without a valid X-Auth-Token a new visitor (contact) is made.</li>
 * <li>{@code GET /contact}; {@code PATCH /contact} ({@code {name, email, phone_number, custom_attributes}});
 *     {@code PATCH /contact/set_user} ({@code {identifier, identifier_hash, email, name, avatar_url, phone_number,
 *     custom_attributes}}): with {@code hmac_mandatory} a missing or wrong hash (HMAC-SHA256 hex of the identifier with
 *     the inbox's hmac_token) is 401 {@code {"error": "HMAC failed: Invalid Identifier Hash Provided"}}; naming, with
 *     a valid hash, another contact's identifier makes the visitor that contact, moves the visitor's conversations to
 *     them and answers {@code widget_auth_token}: the browser must use it from then on (without the hash: 401 for a
 *     verified contact, else 422 "Identifier has already been taken");
 *     {@code POST /contact/destroy_custom_attributes} ({@code {custom_attributes: ["key"]}}).</li>
 * <li>{@code GET /conversations} ({@code {id, inbox_id, status, contact_last_seen_at, agent_last_seen_at}} of the
 *     current conversation, {@code {}} when none); {@code POST /conversations} ({@code {contact: {name, email,
 *     phone_number}, message: {content, echo_id, referer_url, timestamp}, custom_attributes}}: {@code {id, inbox_id,
 *     status, contact_last_seen_at, agent_last_seen_at, meta: {assignee}, messages, muted, timestamp}});
 *     {@code POST /conversations/toggle_typing} ({@code {typing_status: "on"|"off"}}); {@code POST
 *     /conversations/update_last_seen}; {@code GET|POST /conversations/toggle_status} (resolves; 403 when the
 *     inbox's {@code end_conversation} feature is off); {@code POST /conversations/set_custom_attributes}
 *     ({@code {custom_attributes}}); {@code POST /conversations/destroy_custom_attributes} ({@code {custom_attribute:
 *     ["key"]}}).</li>
 * <li>{@code GET /messages?before=ID} (array, oldest first, 20 at a time, no private notes or activity lines);
 *     {@code POST /messages} ({@code {message: {content, echo_id, reply_to, referer_url, timestamp}}}, or multipart
 *     with {@code message[content]} and files as {@code message[attachments][]}): the message; the conversation is
 *     opened if there is none, a resolved one reopens; {@code PATCH /messages/{id}} ({@code {message:
 *     {submitted_values}}} or {@code {contact: {email}}}).</li>
 * <li>{@code POST /labels} ({@code {label}}), {@code DELETE /labels/{label}}: 204.</li>
 * <li>{@code POST /events} ({@code {name: "webwidget.triggered", event_info}}): 204, the {@code webwidget_triggered}
 *     webhook.</li>
 * <li>{@code GET /inbox_members}: {@code {payload: [{name, avatar_url, availability_status}]}}.</li>
 * </ul>
 * Message JSON (widget): {@code {id, content, message_type (0 incoming, 1 outgoing, 3 template), content_type,
 * content_attributes, created_at (unix s), conversation_id (display id), echo_id, attachments?, sender?: {id, name,
 * available_name, avatar_url, type: "user"|"contact", availability_status}}}. Content is plain text: render it as text.
 *
 * <h2>Live stream</h2>
 * {@code GET /api/v1/widget/stream?website_token=...&auth_token=<X-Auth-Token>} (an EventSource sends no headers, so
 * the token may be a parameter; the header works too): server-sent events for the visitor (all their conversations in
 * this inbox). Stored events carry {@code id:} (a per-visitor number); EventSource's automatic reconnect sends
 * {@code Last-Event-ID} and gets every event after it, once, in order, from PostgreSQL (any node). A first connection
 * may pass {@code ?after=<config's stream.last_event_id>} to get everything since the config call. Events:
 * {@code message.created} and {@code message.updated} (data: a widget message), {@code conversation.status_changed}
 * ({@code {id, status}}), {@code assignee.changed} ({@code {id, assignee: {id, name, available_name, avatar_url} or
 * null}}), {@code conversation.read} ({@code {id, agent_last_seen_at}}); without id (live only):
 * {@code conversation.typing_on} / {@code conversation.typing_off} ({@code {id, user: {name}}}) and
 * {@code queue.position} ({@code {waiting, position}}). Stored events' data also carry {@code conversation_id} (the
 * display id). Data are JSON in the API's snake_case. A comment line every 15 s keeps the connection open. A message
 * may also have arrived through {@code GET /messages}: the widget keeps messages by id. Call
 * {@code update_last_seen} when new agent messages are shown, not on {@code conversation.read} (a look that sees
 * nothing new announces nothing, so the two sides never ping-pong).
 *
 * <h2>Guards</h2>
 * CORS: any origin, or only the inbox's {@code allowed_domains} when set. Contact (config without token),
 * conversation and message creation are rate limited per visitor and per client address (429
 * {@code {"error": "Too many requests; try again in N seconds"}} with {@code Retry-After}).
 */
package dev.parley.widget;
