// Drives every method of the unmodified npm client @figuro/chatwoot-sdk 1.1.17 in the areas Parley covers,
// against the built jar. Areas Parley does not cover (agent bots, integrations) are not called.
// Tests run in order and share one world: an account, its administrator, an agent and an API inbox.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { startParley } from "./server.mjs";

const require = createRequire(import.meta.url);
const ChatwootClient = require("@figuro/chatwoot-sdk").default;
const { request } = require("@figuro/chatwoot-sdk/dist/core/request");

const PLATFORM_TOKEN = "sdk-test-platform-token";
// A 1x1 PNG and a one-page PDF, as the SDK's README passes files: base64 content and a file name.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
  + "trailer<</Root 1 0 R>>\n%%EOF\n").toString("base64");

let server, platform, admin, agentClient, publicClient, baseUrl;
const w = {}; // the world the tests build up, step by step

// An SDK ApiError says only "Generic Error"; a failing step names the request and the server's answer.
function step(name, options, fn) {
  if (typeof options === "function") [fn, options] = [options, {}];
  test(name, options, async () => {
    try {
      await fn();
    } catch (e) {
      if (e?.name !== "ApiError") throw e;
      throw new Error(`${e.request?.method} ${e.url} answered ${e.status}: ${JSON.stringify(e.body)?.slice(0, 600)}`);
    }
  });
}

const clientFor = (token) => new ChatwootClient({ config: { basePath: baseUrl, token } });

before(async () => {
  server = await startParley(PLATFORM_TOKEN);
  baseUrl = server.baseUrl;
  platform = clientFor(PLATFORM_TOKEN);
  publicClient = new ChatwootClient({ config: { basePath: baseUrl } });
});

after(async () => {
  await server?.stop();
});

// ---------------------------------------------------------------- platform API
step("platform: accounts.create, get, update", async () => {
  const account = await platform.platform.accounts.create({ data: { name: "SDK Co" } });
  assert.equal(account.name, "SDK Co");
  w.accountId = account.id;
  assert.equal((await platform.platform.accounts.get({ accountId: w.accountId })).id, w.accountId);
  const renamed = await platform.platform.accounts.update({ accountId: w.accountId, data: { name: "SDK Company" } });
  assert.equal(renamed.name, "SDK Company");
});

step("platform: users.create, get; accountUsers.create, list", async () => {
  const user = await platform.platform.users.create({
    data: { name: "Ada Admin", email: "ada@sdk.example", password: "Password1!" },
  });
  assert.ok(user.access_token, "a platform-created user carries its access token");
  w.adminId = user.id;
  admin = clientFor(user.access_token);
  assert.equal((await platform.platform.users.get({ id: user.id })).email, "ada@sdk.example");
  await platform.platform.accountUsers.create({ accountId: w.accountId, data: { user_id: user.id, role: "administrator" } });
  const members = await platform.platform.accountUsers.list({ accountId: w.accountId });
  assert.ok(members.some((m) => m.user_id === user.id && m.role === "administrator"));
});

step("platform: users.update", async () => {
  const updated = await platform.platform.users.update({ id: w.adminId, data: { name: "Ada Lovelace" } });
  assert.equal(updated.name, "Ada Lovelace");
});

step("platform: users.getSSOUrl", { skip: "deliberate difference (README): Parley has no single-sign-on login links" }, () => {});

step("platform: users.delete and accountUsers.delete", async () => {
  const temp = await platform.platform.users.create({ data: { name: "Temp", email: "temp@sdk.example", password: "Password1!" } });
  await platform.platform.accountUsers.create({ accountId: w.accountId, data: { user_id: temp.id, role: "agent" } });
  await platform.platform.accountUsers.delete({ accountId: w.accountId, data: { user_id: temp.id } });
  const members = await platform.platform.accountUsers.list({ accountId: w.accountId });
  assert.ok(!members.some((m) => m.user_id === temp.id));
  await platform.platform.users.delete({ id: temp.id });
  await assert.rejects(platform.platform.users.get({ id: temp.id }), (e) => e.status === 404);
});

// ---------------------------------------------------------------- profile, agents, inboxes
step("profile.profile", async () => {
  const me = await admin.profile.profile({});
  assert.equal(me.id, w.adminId);
  assert.equal(me.email, "ada@sdk.example");
});

step("agents.list, create, update, delete", async () => {
  const agent = await admin.agents.create({ accountId: w.accountId, data: { name: "Bob Agent", email: "bob@sdk.example", role: "agent" } });
  assert.equal(agent.role, "agent");
  w.agentId = agent.id;
  const updated = await admin.agents.update({ accountId: w.accountId, id: agent.id, data: { role: "agent", availability: "busy" } });
  assert.equal(updated.id, agent.id);
  assert.ok((await admin.agents.list({ accountId: w.accountId })).some((a) => a.id === agent.id));
  const temp = await admin.agents.create({ accountId: w.accountId, data: { name: "Tmp", email: "tmp@sdk.example", role: "agent" } });
  await admin.agents.delete({ accountId: w.accountId, id: temp.id });
  assert.ok(!(await admin.agents.list({ accountId: w.accountId })).some((a) => a.id === temp.id));
});

step("inboxes.create, list, get, update", async () => {
  const inbox = await admin.inboxes.create({ accountId: w.accountId, data: { name: "SDK API", channel: { type: "api" } } });
  assert.equal(inbox.channel_type, "Channel::Api");
  assert.ok(inbox.inbox_identifier);
  w.inboxId = inbox.id;
  w.inboxIdentifier = inbox.inbox_identifier;
  const list = await admin.inboxes.list({ accountId: w.accountId });
  assert.ok(list.payload.some((i) => i.id === inbox.id));
  assert.equal((await admin.inboxes.get({ accountId: w.accountId, id: inbox.id })).id, inbox.id);
  const updated = await admin.inboxes.update({ accountId: w.accountId, id: inbox.id, data: { name: "SDK API inbox", enable_auto_assignment: false } });
  assert.equal(updated.name, "SDK API inbox");
});

step("inboxes.addAgent, listAgents, updateAgentsInInbox", async () => {
  await admin.inboxes.addAgent({ accountId: w.accountId, data: { inbox_id: w.inboxId, user_ids: [w.agentId] } });
  const members = await admin.inboxes.listAgents({ accountId: w.accountId, inboxId: w.inboxId });
  assert.ok(members.payload.some((a) => a.id === w.agentId));
  await admin.inboxes.updateAgentsInInbox({ accountId: w.accountId, data: { inbox_id: w.inboxId, user_ids: [w.agentId, w.adminId] } });
  assert.equal((await admin.inboxes.listAgents({ accountId: w.accountId, inboxId: w.inboxId })).payload.length, 2);
  await admin.inboxes.updateAgentsInInbox({ accountId: w.accountId, data: { inbox_id: w.inboxId, user_ids: [w.agentId] } });
});

// SDK bug: removeAgent sends DELETE /inbox_members/{inbox_id}; Chatwoot routes DELETE only on the collection
// (/inbox_members with {inbox_id, user_ids}), so this path is 404 on Chatwoot too.
step("inboxes.removeAgent", { skip: "SDK bug: DELETE /inbox_members/{inbox_id} is not a Chatwoot route (DELETE /inbox_members is)" }, () => {});

// ---------------------------------------------------------------- teams, labels, custom attributes, canned responses
step("teams.create, list, get, update, delete", async () => {
  const team = await admin.teams.create({ accountId: w.accountId, data: { name: "billing", description: "money" } });
  w.teamId = team.id;
  assert.ok((await admin.teams.list({ accountId: w.accountId })).some((t) => t.id === team.id));
  assert.equal((await admin.teams.get({ accountId: w.accountId, teamId: team.id })).name, "billing");
  const updated = await admin.teams.update({ accountId: w.accountId, teamId: team.id, data: { description: "invoices" } });
  assert.equal(updated.description, "invoices");
  const temp = await admin.teams.create({ accountId: w.accountId, data: { name: "temp" } });
  await admin.teams.delete({ accountId: w.accountId, teamId: temp.id });
});

// SDK bug: the team member methods use "/accounts/{account_id}/teams/{team_id}/team_members" without the
// "/api/v1" prefix, a path no Chatwoot server has (Chatwoot answers 404 there too).
for (const method of ["listMembers", "addAgent", "updateAgentsInTeam", "removeAgent"]) {
  test(`teams.${method}`, { skip: "SDK bug: path lacks /api/v1 (/accounts/{id}/teams/{id}/team_members), 404 on any server" }, () => {});
}

step("customAttributes.create, list, get, update, delete", async () => {
  const def = await admin.customAttributes.create({
    accountId: w.accountId,
    data: { attribute_display_name: "Plan", attribute_key: "plan", attribute_model: 1, attribute_display_type: 6, attribute_values: ["free", "pro"] },
  });
  w.attributeId = def.id;
  assert.equal(def.attribute_key, "plan");
  for (const key of ["created_at", "updated_at", "attribute_values"]) assert.ok(key in def, `custom attribute has ${key}`);
  const list = await admin.customAttributes.list({ accountId: w.accountId, attributeModel: "1" });
  assert.ok(list.some((d) => d.id === def.id));
  assert.equal((await admin.customAttributes.get({ accountId: w.accountId, id: def.id })).attribute_key, "plan");
  const updated = await admin.customAttributes.update({ accountId: w.accountId, id: def.id, data: { attribute_display_name: "Plan name" } });
  assert.equal(updated.attribute_display_name, "Plan name");
  await admin.customAttributes.delete({ accountId: w.accountId, id: def.id });
});

step("cannedResponses.create, list, update, delete", async () => {
  const canned = await admin.cannedResponses.create({ accountId: w.accountId, data: { short_code: "hi", content: "Hello!" } });
  assert.ok((await admin.cannedResponses.list({ accountId: w.accountId })).some((c) => c.id === canned.id));
  const updated = await admin.cannedResponses.update({ accountId: w.accountId, id: canned.id, data: { content: "Hello there!" } });
  assert.equal(updated.content, "Hello there!");
  await admin.cannedResponses.delete({ accountId: w.accountId, id: canned.id });
});

step("webhooks.create, list, update, delete", async () => {
  const created = await admin.webhooks.create({
    accountId: w.accountId,
    data: { url: "http://127.0.0.1:9/parley-hook", subscriptions: ["message_created"] },
  });
  const webhook = created.payload?.webhook ?? created;
  assert.ok(webhook.id);
  const list = await admin.webhooks.list({ accountId: w.accountId });
  assert.ok((list.payload?.webhooks ?? list).some((h) => h.id === webhook.id));
  await admin.webhooks.update({ accountId: w.accountId, webhookId: webhook.id, data: { subscriptions: ["conversation_created"] } });
  await admin.webhooks.delete({ accountId: w.accountId, webhookId: webhook.id });
});

step("automationRule.create, list, get, update, delete", async () => {
  const created = await admin.automationRule.create({
    accountId: w.accountId,
    data: {
      name: "tag billing",
      event_name: "conversation_created",
      active: true,
      conditions: [{ attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: null }],
      actions: [{ action_name: "add_label", action_params: ["billing"] }],
    },
  });
  const rule = created.payload ?? created;
  assert.ok(rule.id);
  const list = await admin.automationRule.list({ accountId: w.accountId });
  assert.ok((list.payload ?? list).some((r) => r.id === rule.id));
  const one = await admin.automationRule.get({ accountId: w.accountId, id: rule.id });
  assert.equal((one.payload ?? one).name, "tag billing");
  const updated = await admin.automationRule.update({ accountId: w.accountId, id: rule.id, data: { name: "tag billing!", active: false } });
  assert.equal((updated.payload ?? updated).name, "tag billing!");
  await admin.automationRule.delete({ accountId: w.accountId, id: rule.id });
});

step("customFilters.create, list, get, update, delete", async () => {
  const filter = await admin.customFilters.create({
    accountId: w.accountId,
    filterType: "conversation",
    data: { name: "open ones", type: "conversation", query: { payload: [{ attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: null }] } },
  });
  assert.ok(filter.id);
  assert.ok((await admin.customFilters.list({ accountId: w.accountId, filterType: "conversation" })).some((f) => f.id === filter.id));
  assert.equal((await admin.customFilters.get({ accountId: w.accountId, customFilterId: filter.id })).name, "open ones");
  const updated = await admin.customFilters.update({ accountId: w.accountId, customFilterId: filter.id, data: { name: "open" } });
  assert.equal(updated.name, "open");
  await admin.customFilters.delete({ accountId: w.accountId, customFilterId: filter.id });
});

// ---------------------------------------------------------------- contacts
step("contacts.create, list, get, update, search", async () => {
  const created = await admin.contacts.create({ accountId: w.accountId, data: { inbox_id: w.inboxId, name: "Carol Customer", email: "carol@sdk.example" } });
  const contact = created.payload.contact;
  w.contactId = contact.id;
  w.contactSourceId = created.payload.contact_inbox.source_id;
  assert.equal(contact.name, "Carol Customer");
  const list = await admin.contacts.list({ accountId: w.accountId });
  assert.ok(list.payload.some((c) => c.id === contact.id));
  assert.equal((await admin.contacts.get({ accountId: w.accountId, id: contact.id })).payload.email, "carol@sdk.example");
  const updated = await admin.contacts.update({ accountId: w.accountId, id: contact.id, data: { phone_number: "+15550001111" } });
  assert.equal(updated.payload.phone_number, "+15550001111");
  const found = await admin.contacts.search({ accountId: w.accountId, q: "carol" });
  assert.ok(found.payload.some((c) => c.id === contact.id));
});

step("contacts.filter", async () => {
  const filtered = await admin.contacts.filter({
    accountId: w.accountId,
    payload: [{ attribute_key: "email", filter_operator: "contains", values: ["carol"], query_operator: null }],
  });
  assert.deepEqual(filtered.payload.map((c) => c.id), [w.contactId]);
});

step("contact.create (contact inbox), contact.getContactable", async () => {
  const contactInbox = await admin.contact.create({ accountId: w.accountId, id: w.contactId, data: { inbox_id: w.inboxId, source_id: "carol-src" } });
  assert.equal(contactInbox.source_id, "carol-src");
  const contactable = await admin.contact.getContactable({ accountId: w.accountId, id: w.contactId });
  assert.ok(contactable.payload.some((ci) => ci.inbox.id === w.inboxId && ci.source_id));
});

step("contacts.delete", async () => {
  const created = await admin.contacts.create({ accountId: w.accountId, data: { inbox_id: w.inboxId, name: "Gone" } });
  const id = (created.payload?.contact ?? created).id;
  await admin.contacts.delete({ accountId: w.accountId, id });
  await assert.rejects(admin.contacts.get({ accountId: w.accountId, id }), (e) => e.status === 404);
});

// ---------------------------------------------------------------- conversations and messages (application API)
step("conversations.create, get, list, getMeta, filter, toggleStatus", async () => {
  const conversation = await admin.conversations.create({
    accountId: w.accountId,
    data: { source_id: w.contactSourceId, inbox_id: w.inboxId, contact_id: w.contactId, status: "open" },
  });
  w.conversationId = conversation.id;
  const shown = await admin.conversations.get({ accountId: w.accountId, conversationId: conversation.id });
  assert.equal(shown.id, conversation.id);
  assert.equal(shown.muted, false);
  const list = await admin.conversations.list({ accountId: w.accountId, assigneeType: "all", status: "open" });
  assert.ok(list.data.payload.some((c) => c.id === conversation.id));
  const meta = await admin.conversations.getMeta({ accountId: w.accountId, status: "open" });
  assert.ok(meta.meta.all_count >= 1);
  const filtered = await admin.conversations.filter({
    accountId: w.accountId,
    payload: [{ attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: null }],
  });
  assert.ok(filtered.payload.some((c) => c.id === conversation.id));
  const toggled = await admin.conversations.toggleStatus({ accountId: w.accountId, conversationId: conversation.id, data: { status: "pending" } });
  assert.equal(toggled.payload.current_status, "pending");
  await admin.conversations.toggleStatus({ accountId: w.accountId, conversationId: conversation.id, data: { status: "open" } });
});

step("conversationAssignment.assign, conversationLabels.add and list", async () => {
  const assignee = await admin.conversationAssignment.assign({ accountId: w.accountId, conversationId: w.conversationId, data: { assignee_id: w.agentId } });
  assert.equal(assignee.id, w.agentId);
  const labels = await admin.conversationLabels.add({ accountId: w.accountId, conversationId: w.conversationId, data: { labels: ["billing", "vip"] } });
  assert.deepEqual([...labels.payload].sort(), ["billing", "vip"]);
  const listed = await admin.conversationLabels.list({ accountId: w.accountId, conversationId: w.conversationId });
  assert.deepEqual([...listed.payload].sort(), ["billing", "vip"]);
});

step("contacts.listConversations", async () => {
  const list = await admin.contacts.listConversations({ accountId: w.accountId, id: w.contactId });
  assert.ok(list.payload.some((c) => c.id === w.conversationId));
});

step("messages.create (multipart/form-data), list, update, delete", async () => {
  const message = await admin.messages.create({
    accountId: w.accountId,
    conversationId: w.conversationId,
    data: { content: "Hello from the SDK", message_type: "outgoing", private: false, content_attributes: { in_reply_to: null } },
  });
  assert.equal(message.content, "Hello from the SDK");
  for (const key of ["account_id", "updated_at", "conversation_id", "conversation"]) assert.ok(key in message, `message has ${key}`);
  w.messageId = message.id;
  const list = await admin.messages.list({ accountId: w.accountId, conversationId: w.conversationId });
  assert.ok(list.payload.some((m) => m.id === message.id));
  // Chatwoot's message update is the delivery status an API channel reports (Messages::StatusUpdateService)
  const updated = await admin.messages.update({ accountId: w.accountId, conversationId: w.conversationId, messageId: message.id, data: { status: "delivered" } });
  assert.equal(updated.status, "delivered");
  const note = await admin.messages.create({ accountId: w.accountId, conversationId: w.conversationId, data: { content: "to delete", private: true } });
  await admin.messages.delete({ accountId: w.accountId, conversationId: w.conversationId, messageId: note.id });
});

// Attachments are built on the `attachments` branch; these cases pass once it is merged.
step("ATTACHMENTS: messages.create with an image and a PDF (application API, multipart)", async () => {
  const message = await admin.messages.create({
    accountId: w.accountId,
    conversationId: w.conversationId,
    data: {
      content: "Your invoice and a screenshot",
      attachments: [
        { content: PNG, encoding: "base64", filename: "screenshot.png" },
        { content: PDF, encoding: "base64", filename: "invoice.pdf" },
      ],
    },
  });
  assert.ok(Array.isArray(message.attachments), "message JSON carries Chatwoot's attachments array");
  assert.deepEqual(message.attachments.map((a) => a.file_type).sort(), ["file", "image"]);
  for (const a of message.attachments) assert.ok(a.data_url && a.file_size > 0);
});

// ---------------------------------------------------------------- reports
step("reports.list, listSummaries, getMetrics, getAgentMetrics", async () => {
  const until = Math.floor(Date.now() / 1000) + 60;
  const since = until - 7 * 86400;
  const series = await admin.reports.list({ accountId: w.accountId, metric: "conversations_count", type: "account", since: String(since), until: String(until) });
  assert.ok(Array.isArray(series));
  const summary = await admin.reports.listSummaries({ accountId: w.accountId, type: "account", since: String(since), until: String(until) });
  assert.ok("conversations_count" in summary);
  const metrics = await admin.reports.getMetrics({ accountId: w.accountId, type: "account" });
  assert.ok("open" in metrics && "unattended" in metrics && "unassigned" in metrics);
  const agents = await admin.reports.getAgentMetrics({ accountId: w.accountId, type: "agent", userId: String(w.agentId) });
  assert.ok(Array.isArray(agents));
  assert.ok(agents.some((a) => a.id === w.agentId && a.metric.open >= 1));
});

// ---------------------------------------------------------------- public client API
step("client.contacts.create, get, update", async () => {
  const contact = await publicClient.client.contacts.create({ inboxIdentifier: w.inboxIdentifier, data: { name: "Dave Visitor", email: "dave@sdk.example" } });
  assert.ok(contact.source_id && contact.pubsub_token);
  w.sourceId = contact.source_id;
  const shown = await publicClient.client.contacts.get({ inboxIdentifier: w.inboxIdentifier, contactIdentifier: w.sourceId });
  assert.equal(shown.email, "dave@sdk.example");
  const updated = await publicClient.client.contacts.update({ inboxIdentifier: w.inboxIdentifier, contactIdentifier: w.sourceId, data: { name: "Dave V." } });
  assert.equal(updated.name, "Dave V.");
});

step("client.conversations.create (POST without a body), list", async () => {
  const conversation = await publicClient.client.conversations.create({ inboxIdentifier: w.inboxIdentifier, contactIdentifier: w.sourceId });
  assert.ok(conversation.id);
  w.publicConversationId = conversation.id;
  const list = await publicClient.client.conversations.list({ inboxIdentifier: w.inboxIdentifier, contactIdentifier: w.sourceId });
  assert.ok(list.some((c) => c.id === conversation.id));
});

step("client.messages.create, list, update", async () => {
  const ids = { inboxIdentifier: w.inboxIdentifier, contactIdentifier: w.sourceId, conversationId: w.publicConversationId };
  const message = await publicClient.client.messages.create({ ...ids, data: { content: "Help, please" } });
  assert.equal(message.content, "Help, please");
  const list = await publicClient.client.messages.list(ids);
  assert.ok(list.some((m) => m.id === message.id));
  const updated = await publicClient.client.messages.update({ ...ids, messageId: message.id, data: { message: { submitted_values: [{ name: "email", value: "dave@sdk.example" }] } } });
  assert.equal(updated.id, message.id);
  assert.equal(updated.content_attributes.submitted_values[0].value, "dave@sdk.example");
});

// The public client's messages.create sends JSON only; files go through the SDK's own request function
// with formData, exactly as its application-API messages.create builds them ("attachments[]" parts).
step("ATTACHMENTS: public API message with an image and a PDF (multipart)", async () => {
  const message = await request(publicClient.chatwootAPI, {
    method: "POST",
    url: "/public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages",
    path: { inbox_identifier: w.inboxIdentifier, contact_identifier: w.sourceId, conversation_id: w.publicConversationId },
    formData: {
      content: "My screenshot and the invoice",
      attachments: [
        { content: Buffer.from(PNG, "base64"), filename: "screenshot.png" },
        { content: Buffer.from(PDF, "base64"), filename: "invoice.pdf" },
      ],
    },
  });
  assert.equal(message.content, "My screenshot and the invoice");
  assert.ok(Array.isArray(message.attachments), "message JSON carries Chatwoot's attachments array");
  assert.deepEqual(message.attachments.map((a) => a.file_type).sort(), ["file", "image"]);
});

// ---------------------------------------------------------------- finally, remove the account
step("platform: accounts.delete", async () => {
  const temp = await platform.platform.accounts.create({ data: { name: "Throwaway" } });
  await platform.platform.accounts.delete({ accountId: temp.id });
  await assert.rejects(platform.platform.accounts.get({ accountId: temp.id }), (e) => e.status === 404);
});
