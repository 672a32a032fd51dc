/*
 * Parley's chat window, the page /widget?website_token=... that the loader (packs/js/sdk.js) frames. Plain JS, no framework.
 * It speaks Chatwoot's widget API (/api/v1/widget/*, website_token in the query, the visitor's token in X-Auth-Token),
 * follows the conversation over a live stream that resumes after a network drop, and tells the host page what happens
 * by postMessage ("chatwoot-widget:" + JSON, as Chatwoot's widget does). Every text is put on screen as text.
 */
(function () {
  'use strict';
  var PREFIX = 'chatwoot-widget:';
  var query = new URLSearchParams(location.search);
  var websiteToken = query.get('website_token') || '';
  var embedded = window.parent !== window;
  var storeKey = 'cw_conversation_' + websiteToken;
  var $ = function (id) { return document.getElementById(id); };

  // ---- words: English and French ------------------------------------------------------------------------------
  var WORDS = {
    en: {
      chat: 'Chat with us', online: 'We are online', offline: 'Nobody is online right now',
      in_a_few_minutes: 'Typically replies in a few minutes', in_a_few_hours: 'Typically replies in a few hours', in_a_day: 'Typically replies in a day',
      away: 'We are away right now. We reply {when}.', awayNoTime: 'We are away right now.', message: 'Message', placeholder: 'Type your message…',
      send: 'Send', attach: 'Attach files', remove: 'Remove {name}', end: 'End conversation', endConfirm: 'End this conversation?',
      ended: 'You ended the conversation.', popout: 'Open in a new window', close: 'Close chat window', you: 'You', read: 'Read', sending: 'Sending…',
      failed: 'Not sent. Check your connection and try again.', typing: '{name} is typing…', agent: 'An agent', queue: 'You are number {n} in line.',
      queueNext: 'You are next in line.', reconnecting: 'Connection lost. Reconnecting…', tooFast: 'You are sending messages a little fast. Please wait a moment and try again.',
      error: 'Something went wrong. Please try again.', unavailable: 'This chat is not available.', drop: 'Drop files to attach them',
      emailAsk: 'Leave your email and we will reply there as soon as we are back.', email: 'Email', emailSave: 'Notify me',
      emailThanks: 'Thanks! We will reply to {email}.', emailInvalid: 'Please enter a valid email address.', name: 'Name', phone: 'Phone number',
      prechatIntro: 'Please tell us a bit about you before we start.', start: 'Start conversation', required: 'This field is required.',
      conversation: 'Conversation', today: 'today at {time}', tomorrow: 'tomorrow at {time}', on: 'on {day} at {time}', newMessages: '{n} new messages'
    },
    fr: {
      chat: 'Discutez avec nous', online: 'Nous sommes en ligne', offline: 'Personne n\u2019est en ligne pour le moment',
      in_a_few_minutes: 'Répond généralement en quelques minutes', in_a_few_hours: 'Répond généralement en quelques heures', in_a_day: 'Répond généralement en un jour',
      away: 'Nous sommes absents. Nous répondons {when}.', awayNoTime: 'Nous sommes absents pour le moment.', message: 'Message', placeholder: 'Écrivez votre message…',
      send: 'Envoyer', attach: 'Joindre des fichiers', remove: 'Retirer {name}', end: 'Terminer la conversation', endConfirm: 'Terminer cette conversation ?',
      ended: 'Vous avez terminé la conversation.', popout: 'Ouvrir dans une nouvelle fenêtre', close: 'Fermer la fenêtre de discussion', you: 'Vous', read: 'Lu', sending: 'Envoi…',
      failed: 'Non envoyé. Vérifiez votre connexion et réessayez.', typing: '{name} écrit…', agent: 'Un agent', queue: 'Vous êtes numéro {n} dans la file.',
      queueNext: 'Vous êtes le prochain dans la file.', reconnecting: 'Connexion perdue. Reconnexion…', tooFast: 'Vous envoyez des messages un peu vite. Patientez un instant puis réessayez.',
      error: 'Une erreur est survenue. Veuillez réessayer.', unavailable: 'Cette discussion n\u2019est pas disponible.', drop: 'Déposez des fichiers pour les joindre',
      emailAsk: 'Laissez votre e-mail, nous vous répondrons dès notre retour.', email: 'E-mail', emailSave: 'Me prévenir',
      emailThanks: 'Merci ! Nous répondrons à {email}.', emailInvalid: 'Veuillez saisir une adresse e-mail valide.', name: 'Nom', phone: 'Téléphone',
      prechatIntro: 'Dites-nous qui vous êtes avant de commencer.', start: 'Commencer la conversation', required: 'Ce champ est obligatoire.',
      conversation: 'Conversation', today: 'aujourd\u2019hui à {time}', tomorrow: 'demain à {time}', on: '{day} à {time}', newMessages: '{n} nouveaux messages'
    }
  };
  var lang = 'en';
  function pickLocale(value) {
    var short = String(value || '').slice(0, 2).toLowerCase();
    lang = WORDS[short] ? short : 'en';
    document.documentElement.lang = lang;
  }
  function t(key, values) {
    var text = WORDS[lang][key] || WORDS.en[key] || key;
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values && values[k] != null ? values[k] : ''; });
  }

  // ---- state -----------------------------------------------------------------------------------------------------
  var token = query.get('cw_conversation') || (embedded ? '' : read(storeKey)) || '';
  var config = {};          // website_channel_config
  var contact = {};
  var conversation = null;  // {id, status, ...} once the visitor has written
  var messages = new Map(); // id -> message, what is on screen
  var pendingFiles = [];
  var agentsOnline = false;
  var isOpen = !embedded;
  var unread = 0;
  var agentLastSeen = 0;
  var referrerURL = '';
  var darkMode = 'light';
  var stream = null, lastEventId = '', streamDrops = 0, wasLive = false;
  var typingTimer = null, typingSent = false, agentTypingTimer = null, localId = 0;

  function read(key) { try { return localStorage.getItem(key); } catch (e) { return null; } }
  function keep(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* storage blocked: the host cookie still holds it */ } }

  // ---- talking to Parley ------------------------------------------------------------------------------------------
  function url(path, extra) {
    return '/api/v1/widget/' + path + '?website_token=' + encodeURIComponent(websiteToken) + '&locale=' + lang + (extra || '');
  }
  function call(method, path, body, extra) {
    var headers = { 'X-Auth-Token': token, Accept: 'application/json' };
    var form = body instanceof FormData;
    if (body && !form) headers['Content-Type'] = 'application/json';
    return fetch(url(path, extra), { method: method, headers: headers, body: body ? (form ? body : JSON.stringify(body)) : undefined })
      .then(function (response) {
        if (response.status === 429) { notice(t('tooFast')); throw problem(response, 'tooFast'); }
        if (!response.ok) return response.json().catch(function () { return {}; }).then(function (json) { throw problem(response, json.message || json.error); });
        return response.status === 204 ? {} : response.json().catch(function () { return {}; });
      });
  }
  function problem(response, message) { var e = new Error(message || ('HTTP ' + response.status)); e.status = response.status; return e; }

  // ---- host page --------------------------------------------------------------------------------------------------
  function tell(event, value) {
    if (embedded) window.parent.postMessage(PREFIX + JSON.stringify(Object.assign({ event: event }, value)), '*');
  }
  function hostEvent(name, data) { tell('onEvent', { eventIdentifier: name, data: data }); }

  var fromHost = {
    'config-set': function (m) {
      if (m.locale) setLocale(m.locale);
      if (m.referrerURL) referrerURL = m.referrerURL;
      $('popout').hidden = !m.showPopoutButton;
      setColorScheme(m.darkMode);
    },
    'toggle-open': function (m) { setOpen(m.isOpen); },
    'toggle-close-button': function (m) { $('close').hidden = !m.showClose; },
    'set-user': function (m) { setUser(m.identifier, m.user || {}); },
    'set-custom-attributes': function (m) { sdkCall(call('PATCH', 'contact', { custom_attributes: m.customAttributes })); },
    'delete-custom-attribute': function (m) { sdkCall(call('POST', 'contact/destroy_custom_attributes', { custom_attributes: [m.customAttribute] })); },
    'set-conversation-custom-attributes': function (m) { sdkCall(call('POST', 'conversations/set_custom_attributes', { custom_attributes: m.customAttributes })); },
    'delete-conversation-custom-attribute': function (m) { sdkCall(call('POST', 'conversations/destroy_custom_attributes', { custom_attribute: [m.customAttribute] })); },
    'set-label': function (m) { sdkCall(call('POST', 'labels', { label: m.label })); },
    'remove-label': function (m) { sdkCall(call('DELETE', 'labels/' + encodeURIComponent(m.label))); },
    'set-locale': function (m) { setLocale(m.locale); },
    'set-color-scheme': function (m) { setColorScheme(m.darkMode); },
    'set-bubble-visibility': function () { }
  };
  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || typeof e.data !== 'string' || e.data.indexOf(PREFIX) !== 0) return;
    var m;
    try { m = JSON.parse(e.data.slice(PREFIX.length)); } catch (err) { return; }
    if (fromHost.hasOwnProperty(m.event)) fromHost[m.event](m);
  });
  function sdkCall(promise) {
    return promise.catch(function (e) { hostEvent('chatwoot:error', { message: e.message, status: e.status }); });
  }

  function setLocale(value) { pickLocale(value); renderWords(); renderHeader(); }
  var darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  function setColorScheme(mode) {
    darkMode = mode === 'auto' ? 'auto' : 'light';
    document.body.classList.toggle('dark', darkMode === 'auto' && darkQuery.matches);
  }
  darkQuery.addEventListener('change', function () { setColorScheme(darkMode); });

  function setOpen(open) {
    isOpen = !!open;
    if (!isOpen) return;
    unread = 0;
    tell('resetUnreadMode');
    markRead();
    loadAgents();
    call('POST', 'events', { name: 'webwidget.triggered', event_info: { initiated_at: { timestamp: new Date().toString() }, referer: referrerURL } })
      .catch(function () { });
    setTimeout(function () { if (!$('composer').hidden) $('input').focus(); }, 50);
  }

  // ---- start ------------------------------------------------------------------------------------------------------
  function start() {
    if (query.get('preview')) return startPreview();
    pickLocale(query.get('locale') || navigator.language);
    setColorScheme(query.get('dark_mode') || (embedded ? 'light' : 'auto'));
    renderWords();
    wireComposer();
    call('POST', 'config', {}).then(function (answer) {
      config = answer.website_channel_config || answer.chatwoot_website_channel || {};
      contact = answer.contact || {};
      if (answer.stream && answer.stream.last_event_id != null) lastEventId = String(answer.stream.last_event_id);
      if (answer.queue) showQueue(answer.queue.position);
      if (config.auth_token) useToken(config.auth_token);
      applyBrand(config.widget_color);
      if (!query.get('locale') && config.locale) pickLocale(config.locale);
      renderWords();
      renderHeader();
      $('app').classList.remove('loading');
      tell('loaded', { config: { authToken: token, channelConfig: { widgetColor: config.widget_color, websiteName: config.website_name } } });
      tell('setBubbleLabel', { label: t('chat') });
      return Promise.all([loadConversation(), loadAgents()]);
    }).then(function () {
      connect();
      if (!embedded) setOpen(true);
    }).catch(function (e) {
      $('app').classList.remove('loading');
      notice(e.status === 404 ? t('unavailable') : t('error'));
      hostEvent('chatwoot:error', { message: e.message, status: e.status });
    });
  }

  // The dashboard's settings page frames the window with preview=1 and sends the form's values as they are typed;
  // nothing is asked of the widget API, so a preview creates no visitor.
  function startPreview() {
    pickLocale(query.get('locale') || 'en');
    embedded = false;
    fromHost['preview-config'] = function (m) {
      config = Object.assign(config, m.config || {});
      conversation = config.pre_chat_form_enabled ? null : { id: 'preview', status: 'open' };
      applyBrand(config.widget_color);
      renderWords();
      renderHeader();
      renderForms();
    };
    conversation = { id: 'preview', status: 'open' };
    agentsOnline = true;
    show({ id: 'p1', message_type: 0, content: 'Hi! Do you ship to Canada?', created_at: Date.now() / 1000 - 60 });
    show({ id: 'p2', message_type: 1, content: 'We do, in 3 to 5 days.', created_at: Date.now() / 1000, sender: { name: 'Alex' } });
    $('input').disabled = true;
    renderWords();
    renderHeader();
    $('app').classList.remove('loading');
  }

  function useToken(value) {
    token = value;
    keep(storeKey, value);
    tell('authToken', { authToken: value });
  }

  function loadConversation() {
    return call('GET', 'conversations').then(function (c) {
      conversation = c && c.id ? c : null;
      if (conversation) {
        agentLastSeen = seconds(conversation.agent_last_seen_at);
        if ('queue_position' in conversation) showQueue(conversation.queue_position);
        return loadMessages();
      }
      renderForms();
    }).catch(function (e) { if (e.status !== 404) throw e; renderForms(); });
  }

  function loadMessages(before) {
    return call('GET', 'messages', null, before ? '&before=' + before : '').then(function (answer) {
      var list = Array.isArray(answer) ? answer : (answer.payload || []);
      var contactLastSeen = seconds(conversation && conversation.contact_last_seen_at);
      list.forEach(function (m) {
        var fresh = !messages.has(String(m.id));
        show(m);
        if (fresh && !isOpen && type(m) === 1 && seconds(m.created_at) > contactLastSeen && wasLive) countUnread();
      });
      renderForms();
      renderHeader();
      showQueue(queuePosition);
      if (!before) scrollDown();
      return list.length;
    });
  }

  function loadAgents() {
    return call('GET', 'inbox_members').then(function (answer) {
      var list = answer.payload || answer || [];
      agentsOnline = list.some(function (a) { return a.availability_status === 'online'; });
      renderHeader();
      renderForms();
    }).catch(function () { });
  }

  // ---- live stream ------------------------------------------------------------------------------------------------
  var HANDLERS = {
    'message.created': onMessage,
    'message.updated': function (m) { if (belongs(m) && !m.private) show(m); },
    'conversation.typing_on': function (p) { agentTyping(p, true); },
    'conversation.typing_off': function (p) { agentTyping(p, false); },
    'conversation.status_changed': onConversation,
    'conversation.updated': onConversation,
    'conversation.created': onConversation,
    'conversation.read': function (p) { if (sameConversation(p)) agentRead(p); },
    'assignee.changed': function (p) {
      if (!sameConversation(p)) return;
      conversation.assignee = p.assignee;
      if (p.assignee || p.assignee_id) showQueue(null);
      renderHeader();
    },
    'queue.position': function (p) { showQueue(p.position); },
    'presence.update': function () { loadAgents(); },
    'contact.merged': function () { location.reload(); }
  };

  function connect() {
    if (stream) stream.close();
    if (!navigator.onLine) return;
    var since = lastEventId ? '&after=' + encodeURIComponent(lastEventId) : '';
    stream = new EventSource(url('stream', '&auth_token=' + encodeURIComponent(token) + since));
    stream.onopen = function () {
      notice('');
      if (wasLive) catchUp(); // whatever the stream could not replay, the list brings; ids keep each message once
      wasLive = true;
      streamDrops = 0;
    };
    stream.onerror = function () {
      if (!wasLive && stream.readyState === EventSource.CLOSED) return; // no stream endpoint: the page still works by reloading
      notice(t('reconnecting'));
      if (stream.readyState === EventSource.CLOSED) {
        streamDrops++;
        setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, streamDrops)));
      }
    };
    Object.keys(HANDLERS).forEach(function (name) {
      stream.addEventListener(name, function (e) { handle(name, e); });
    });
    stream.onmessage = function (e) { // a stream that names the event inside the data
      try { var d = JSON.parse(e.data); if (d && d.event && HANDLERS[d.event]) handle(d.event, e, d.data); } catch (err) { /* not ours */ }
    };
  }
  function handle(name, e, data) {
    if (e.lastEventId) lastEventId = e.lastEventId;
    var payload = data;
    if (payload === undefined) { try { payload = JSON.parse(e.data); } catch (err) { return; } }
    if (payload && payload.data && payload.event === name) payload = payload.data;
    HANDLERS[name](snake(payload || {}));
  }
  // Chatwoot's payloads are snake_case; a payload written with camelCase names (messageType) reads the same.
  function snake(value) {
    if (Array.isArray(value)) return value.map(snake);
    if (!value || typeof value !== 'object') return value;
    var out = {};
    Object.keys(value).forEach(function (k) { out[k.replace(/[A-Z]/g, function (c) { return '_' + c.toLowerCase(); })] = snake(value[k]); });
    return out;
  }
  function catchUp() {
    if (!conversation) return loadConversation();
    return loadMessages().then(function () { return call('GET', 'conversations'); }).then(function (c) { if (c && c.id) onConversation(c); })
      .catch(function () { });
  }
  window.addEventListener('offline', function () { if (stream) { stream.close(); stream = null; } notice(t('reconnecting')); });
  window.addEventListener('online', function () { connect(); if (!stream || wasLive) catchUp(); });

  function sameConversation(p) { return conversation && (!p.id || String(p.id) === String(conversation.id)); }
  function belongs(m) { return !conversation || !m.conversation_id || String(m.conversation_id) === String(conversation.id); }

  function onMessage(m) {
    if (!belongs(m) || m.private) return;
    var fresh = !messages.has(String(m.id)) && !adoptEcho(m);
    show(m);
    if (!fresh) return;
    hostEvent('chatwoot:on-message', m);
    if (type(m) === 1) {
      agentTyping({}, false);
      showQueue(null);
      renderHeader(); // the header names the agent who answers, whether or not the assignment's own event came first
      if (isOpen && document.visibilityState === 'visible') markRead(); else countUnread();
    }
    scrollDown();
  }
  function onConversation(c) {
    if (!c) return;
    if (c.id && conversation && String(c.id) !== String(conversation.id)) return;
    if (!conversation) { if (c.id) loadConversation(); return; }
    if (c.status) conversation.status = c.status;
    if (c.agent_last_seen_at) agentRead(c);
    if ('queue_position' in c) showQueue(c.queue_position);
    if (c.meta && 'assignee' in c.meta) conversation.assignee = c.meta.assignee;
    renderHeader();
  }
  function countUnread() {
    unread++;
    tell('setUnreadMode', { unreadMessageCount: unread });
  }
  function markRead() {
    if (!conversation || !isOpen) return;
    call('POST', 'conversations/update_last_seen', { contact_last_seen_at: Math.floor(Date.now() / 1000) }).catch(function () { });
  }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'visible') markRead(); });

  function agentTyping(p, on) {
    if (p.is_private) return;
    var el = $('typing');
    clearTimeout(agentTypingTimer);
    el.hidden = !on;
    if (on) {
      var user = p.user || {};
      el.textContent = t('typing', { name: user.available_name || user.name || t('agent') });
      agentTypingTimer = setTimeout(function () { el.hidden = true; }, 30000);
      scrollDown();
    }
  }
  function agentRead(p) {
    var at = seconds(p.agent_last_seen_at);
    if (at > agentLastSeen) { agentLastSeen = at; renderReceipts(); }
  }
  var queuePosition = null;
  function showQueue(position) {
    queuePosition = position;
    var el = $('queue');
    var last = null;
    messages.forEach(function (m) { if (type(m) !== 2 && (!last || m.sortAt >= last.sortAt)) last = m; });
    if (last && type(last) === 1) position = null; // an agent is answering: nobody waits in line
    el.hidden = !(position > 0);
    if (position > 0) el.textContent = position === 1 ? t('queueNext') : t('queue', { n: position });
  }

  // ---- messages on screen -----------------------------------------------------------------------------------------
  function type(m) {
    var v = m.message_type;
    return typeof v === 'number' ? v : ({ incoming: 0, outgoing: 1, activity: 2, template: 3 })[v] || 0;
  }
  function seconds(v) {
    if (!v) return 0;
    if (typeof v === 'number') return v > 1e11 ? v / 1000 : v;
    var n = Date.parse(v);
    return isNaN(n) ? 0 : n / 1000;
  }

  function show(m) {
    if (m.private) return;
    var key = String(m.id);
    var old = messages.get(key);
    m.sortAt = seconds(m.created_at) || (old && old.sortAt) || Date.now() / 1000;
    var node = render(m);
    if (old && old.node) { old.node.replaceWith(node); m.node = node; messages.set(key, m); return; }
    m.node = node;
    messages.set(key, m);
    var list = $('messages');
    var after = null; // the first message on screen that comes later
    for (var child = list.lastElementChild; child; child = child.previousElementSibling) {
      var other = messages.get(child.dataset.id);
      if (!other || other.sortAt < m.sortAt || (other.sortAt === m.sortAt && Number(other.id) < Number(m.id))) break;
      after = child;
    }
    list.insertBefore(node, after);
    renderReceipts();
  }

  function render(m) {
    var li = document.createElement('li');
    li.dataset.id = m.id;
    var kind = type(m);
    if (kind === 2) {
      li.className = 'activity';
      li.textContent = m.content || '';
      return li;
    }
    li.className = 'msg ' + (kind === 0 ? 'in' : 'out') + (m.sending ? ' sending' : '') + (m.failed ? ' failed' : '');
    var column = document.createElement('div');
    if (kind !== 0) {
      var sender = m.sender || {};
      li.appendChild(avatar(sender.avatar_url || sender.thumbnail, sender.available_name || sender.name || config.website_name));
    }
    if (m.content) {
      var text = document.createElement('div');
      text.className = 'text';
      linkify(text, m.content);
      column.appendChild(text);
    }
    if (m.attachments && m.attachments.length) column.appendChild(files(m.attachments));
    var meta = document.createElement('div');
    meta.className = 'meta';
    var who = kind === 0 ? t('you') : ((m.sender && (m.sender.available_name || m.sender.name)) || config.website_name || '');
    meta.textContent = who + ' · ' + new Date((seconds(m.created_at) || Date.now() / 1000) * 1000).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
    if (m.sending) meta.textContent = t('sending');
    if (m.failed) meta.textContent = t('failed');
    column.appendChild(meta);
    li.appendChild(column);
    return li;
  }

  function linkify(target, text) {
    var parts = String(text).split(/(https?:\/\/[^\s<>"]+)/g);
    parts.forEach(function (part, i) {
      if (i % 2) {
        var a = document.createElement('a');
        a.href = part; a.textContent = part; a.target = '_blank'; a.rel = 'noopener noreferrer nofollow';
        target.appendChild(a);
      } else if (part) target.appendChild(document.createTextNode(part));
    });
  }

  function files(list) {
    var box = document.createElement('div');
    box.className = 'files';
    list.forEach(function (a) {
      var link = document.createElement('a');
      link.href = a.data_url || a.preview || '#';
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      var name = a.file_name || a.name || (a.data_url || '').split('/').pop().split('?')[0] || 'file';
      if ((a.file_type === 'image' || a.file_type === 0) && (a.thumb_url || a.data_url || a.preview)) {
        var img = document.createElement('img');
        img.src = a.thumb_url || a.data_url || a.preview;
        img.alt = name;
        link.appendChild(img);
      } else {
        link.className = 'file';
        link.textContent = decodeURIComponent(name);
      }
      box.appendChild(link);
    });
    return box;
  }

  function avatar(src, name) {
    var span = document.createElement('span');
    span.className = 'avatar';
    span.setAttribute('aria-hidden', 'true');
    if (src && /^(https?:|\/)/.test(src)) span.style.backgroundImage = 'url("' + String(src).replace(/["\\\n]/g, '') + '")';
    else span.textContent = initials(name);
    return span;
  }
  function initials(name) {
    return String(name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map(function (w) { return w[0]; }).join('').toUpperCase();
  }

  // "Read" under the visitor's latest message the agent has seen.
  function renderReceipts() {
    var old = document.querySelector('.receipt');
    if (old) old.remove();
    if (!agentLastSeen) return;
    var latest = null;
    messages.forEach(function (m) { if (type(m) === 0 && !m.sending && m.sortAt <= agentLastSeen && (!latest || m.sortAt >= latest.sortAt)) latest = m; });
    if (!latest || !latest.node) return;
    var mark = document.createElement('span');
    mark.className = 'receipt';
    mark.textContent = ' · ' + t('read');
    var meta = latest.node.querySelector('.meta');
    if (meta) meta.appendChild(mark);
  }

  function scrollDown() { var body = $('body'); body.scrollTop = body.scrollHeight; }

  // Older messages when the visitor scrolls to the top.
  var loadingOlder = false;
  $('body').addEventListener('scroll', function () {
    if (loadingOlder || !conversation || this.scrollTop > 40 || messages.size < 20) return;
    var oldest = null;
    messages.forEach(function (m) { var n = Number(m.id); if (n > 0 && (!oldest || n < oldest)) oldest = n; });
    if (!oldest) return;
    loadingOlder = true;
    var height = this.scrollHeight, body = this;
    loadMessages(oldest).then(function (n) {
      body.scrollTop = body.scrollHeight - height;
      loadingOlder = n === 0;
    }).catch(function () { loadingOlder = false; });
  });

  // ---- header: who answers, and when ------------------------------------------------------------------------------
  function applyBrand(color) {
    if (!color || !/^#[0-9a-f]{3,8}$/i.test(color)) return;
    var root = document.documentElement.style;
    root.setProperty('--brand', color);
    var hex = color.length === 4 ? color.replace(/#(.)(.)(.)/, '#$1$1$2$2$3$3') : color;
    var light = luminance(hex);
    // whichever of white or near-black reads better on the colour (WCAG contrast), and an avatar shade that keeps it
    var white = (1.05) / (light + 0.05), dark = (light + 0.05) / (luminance('#111111') + 0.05);
    root.setProperty('--on-brand', white >= dark ? '#fff' : '#111');
    root.setProperty('--avatar-bg', white >= dark ? 'rgba(0,0,0,.25)' : 'rgba(255,255,255,.35)');
  }
  function luminance(hex) {
    return [1, 3, 5].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (sum, c, i) { return sum + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }

  // Chatwoot's selected_feature_flags; an inbox that lists none has them all.
  function feature(name) {
    var list = config.enabled_features;
    return !Array.isArray(list) || !list.length || list.indexOf(name) >= 0;
  }

  function assignedAgent() {
    if (conversation && conversation.assignee) return conversation.assignee;
    if (conversation && conversation.meta && conversation.meta.assignee) return conversation.meta.assignee;
    var agent = null, at = -1;
    messages.forEach(function (m) { if (type(m) === 1 && m.sender && m.sender.type !== 'contact' && m.sortAt > at) { agent = m.sender; at = m.sortAt; } });
    return agent;
  }

  function renderHeader() {
    var agent = assignedAgent();
    var name = agent ? (agent.available_name || agent.name) : (config.website_name || t('chat'));
    $('title').textContent = name || '';
    var box = $('avatar');
    var fresh = avatar(agent ? (agent.avatar_url || agent.thumbnail) : config.avatar_url, name);
    box.style.backgroundImage = fresh.style.backgroundImage;
    box.textContent = fresh.textContent;
    box.classList.toggle('online', agentsOnline);
    var away = awayUntil();
    $('status').textContent = away !== null ? (away ? t('away', { when: away }) : t('awayNoTime'))
      : agentsOnline ? t('online') : t(config.reply_time || 'in_a_few_minutes');
    $('away').hidden = away === null;
    $('away').textContent = away === null ? '' : (config.out_of_office_message || (away ? t('away', { when: away }) : t('awayNoTime')));
    $('end').hidden = !conversation || conversation.status === 'resolved' || !feature('end_conversation');
    $('attach').hidden = !feature('attachments');
  }

  // null when open (or no business hours); otherwise when the team is back, in words ("" if never).
  function awayUntil() {
    if (!config.working_hours_enabled || !config.working_hours || !config.working_hours.length) return null;
    var offset = parseOffset(config.utc_off_set);
    var local = new Date(Date.now() + offset * 60000); // read with getUTC*: the inbox's wall clock
    var minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    var day = local.getUTCDay();
    var today = hoursOf(day);
    if (today && minutes >= today.open && minutes < today.close) return null;
    for (var ahead = 0; ahead < 8; ahead++) {
      var h = hoursOf((day + ahead) % 7);
      if (!h || (ahead === 0 && minutes >= h.open)) continue;
      var at = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + ahead, 0, h.open) - offset * 60000);
      var time = at.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', timeZone: config.timezone || undefined });
      if (ahead === 0) return t('today', { time: time });
      if (ahead === 1) return t('tomorrow', { time: time });
      return t('on', { day: at.toLocaleDateString(lang, { weekday: 'long', timeZone: config.timezone || undefined }), time: time });
    }
    return '';
  }
  function hoursOf(day) {
    var slot = config.working_hours.filter(function (w) { return w.day_of_week === day; })[0];
    if (!slot || slot.closed_all_day) return null;
    if (slot.open_all_day) return { open: 0, close: 1440 };
    return { open: slot.open_hour * 60 + (slot.open_minutes || 0), close: slot.close_hour * 60 + (slot.close_minutes || 0) };
  }
  function parseOffset(text) {
    var m = /^([+-])(\d{2}):?(\d{2})$/.exec(text || '');
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }

  // ---- forms: pre-chat, and email capture when nobody is there ----------------------------------------------------
  function prechatFields() {
    var options = config.pre_chat_form_options || {};
    if (options.pre_chat_fields) {
      return options.pre_chat_fields.filter(function (f) { return f.enabled !== false && f.field_type !== 'conversation_attribute' && ['emailAddress', 'fullName', 'phoneNumber'].indexOf(f.name) >= 0; });
    }
    return [{ name: 'fullName', type: 'text', required: false }, { name: 'emailAddress', type: 'email', required: options.require_email !== false }];
  }

  function renderForms() {
    var needPrechat = config.pre_chat_form_enabled && !conversation && !contact.email;
    var form = $('prechat');
    if (needPrechat && form.hidden) buildPrechat(form);
    form.hidden = !needPrechat;
    $('composer').hidden = needPrechat;
    var capture = $('email-capture');
    var nobody = !agentsOnline || awayUntil() !== null;
    var showCapture = !!conversation && nobody && !contact.email && !needPrechat;
    if (showCapture && !capture.childElementCount) buildEmailCapture(capture);
    if (!contact.email || !capture.dataset.done) capture.hidden = !showCapture && !capture.dataset.done;
  }

  function field(form, id, label, inputType, required, value) {
    var l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = label + (required ? ' *' : '');
    var input = document.createElement(inputType === 'textarea' ? 'textarea' : 'input');
    input.id = id;
    if (inputType !== 'textarea') input.type = inputType;
    if (required) input.required = true;
    if (value) input.value = value;
    var error = document.createElement('span');
    error.className = 'error';
    error.id = id + '-error';
    error.setAttribute('aria-live', 'polite');
    input.setAttribute('aria-describedby', error.id);
    form.appendChild(l); form.appendChild(input); form.appendChild(error);
    return input;
  }
  function checked(input) {
    var bad = (input.required && !input.value.trim()) ? t('required')
      : (input.type === 'email' && input.value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.value.trim())) ? t('emailInvalid') : '';
    $(input.id + '-error').textContent = bad;
    input.setAttribute('aria-invalid', bad ? 'true' : 'false');
    return !bad;
  }

  function buildPrechat(form) {
    form.className = 'card';
    form.textContent = '';
    var intro = document.createElement('p');
    intro.textContent = (config.pre_chat_form_options && config.pre_chat_form_options.pre_chat_message) || t('prechatIntro');
    form.appendChild(intro);
    var inputs = prechatFields().map(function (f) {
      var kind = f.name === 'emailAddress' ? 'email' : f.name === 'phoneNumber' ? 'tel' : 'text';
      var label = f.label || t(f.name === 'emailAddress' ? 'email' : f.name === 'phoneNumber' ? 'phone' : 'name');
      var input = field(form, 'prechat-' + f.name, label, kind, !!f.required, f.name === 'fullName' ? contact.name : '');
      input.dataset.field = f.name;
      return input;
    });
    var message = field(form, 'prechat-message', t('message'), 'textarea', true);
    var submit = document.createElement('button');
    submit.type = 'submit';
    submit.textContent = t('start');
    form.appendChild(submit);
    form.onsubmit = function (e) {
      e.preventDefault();
      var ok = inputs.concat([message]).map(checked).every(Boolean);
      if (!ok) return;
      var values = {};
      inputs.forEach(function (i) { values[i.dataset.field] = i.value.trim(); });
      submit.disabled = true;
      var body = { contact: { name: values.fullName, email: values.emailAddress, phone_number: values.phoneNumber }, message: messageBody(message.value.trim(), 'local-' + (++localId)) };
      call('POST', 'conversations', body).then(function (c) {
        if (values.emailAddress) contact.email = values.emailAddress;
        startedConversation(c);
      }).catch(function (err) { submit.disabled = false; if (err.status !== 429) notice(t('error')); });
    };
  }

  function buildEmailCapture(form) {
    form.className = 'card';
    var intro = document.createElement('p');
    intro.textContent = t('emailAsk');
    form.appendChild(intro);
    var input = field(form, 'capture-email', t('email'), 'email', true);
    var submit = document.createElement('button');
    submit.type = 'submit';
    submit.textContent = t('emailSave');
    form.appendChild(submit);
    form.onsubmit = function (e) {
      e.preventDefault();
      if (!checked(input)) return;
      var email = input.value.trim();
      call('PATCH', 'contact', { email: email }).then(function () {
        contact.email = email;
        form.dataset.done = '1';
        form.textContent = '';
        var thanks = document.createElement('p');
        thanks.setAttribute('role', 'status');
        thanks.textContent = t('emailThanks', { email: email });
        form.appendChild(thanks);
      }).catch(function (err) { if (err.status !== 429) $('capture-email-error').textContent = t('emailInvalid'); });
    };
  }

  function startedConversation(c) {
    conversation = c && c.id ? c : conversation;
    (c && c.messages || []).forEach(show);
    renderForms();
    renderHeader();
    return loadMessages().catch(function () { });
  }

  // ---- composer: text, files (pick, paste, drop), typing --------------------------------------------------------
  function messageBody(content, echoId) {
    return { content: content, echo_id: echoId, timestamp: new Date().toString(), referer_url: referrerURL };
  }

  function wireComposer() {
    var input = $('input');
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
    });
    input.addEventListener('input', function () {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight, 120) + 'px';
      typing(!!input.value);
    });
    input.addEventListener('blur', function () { typing(false); });
    $('composer').addEventListener('submit', function (e) { e.preventDefault(); submit(); });
    $('attach').addEventListener('click', function () { $('file').click(); });
    $('file').addEventListener('change', function () { addFiles(this.files); this.value = ''; });
    input.addEventListener('paste', function (e) {
      var list = e.clipboardData && e.clipboardData.files;
      if (list && list.length) { e.preventDefault(); addFiles(list); }
    });
    var depth = 0;
    document.addEventListener('dragenter', function (e) { if (hasFiles(e)) { depth++; $('drop').hidden = false; } });
    document.addEventListener('dragleave', function () { if (--depth <= 0) { depth = 0; $('drop').hidden = true; } });
    document.addEventListener('dragover', function (e) { if (hasFiles(e)) e.preventDefault(); });
    document.addEventListener('drop', function (e) {
      depth = 0; $('drop').hidden = true;
      if (hasFiles(e)) { e.preventDefault(); addFiles(e.dataTransfer.files); }
    });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && embedded) tell('closeWindow'); });
    $('close').addEventListener('click', function () { tell('closeWindow'); });
    $('popout').addEventListener('click', function () { tell('popoutChatWindow'); });
    $('end').addEventListener('click', endConversation);
  }
  function hasFiles(e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0; }

  function addFiles(list) {
    Array.prototype.forEach.call(list, function (file) {
      var entry = { file: file, preview: /^image\//.test(file.type) ? URL.createObjectURL(file) : null };
      pendingFiles.push(entry);
    });
    renderPending();
    $('input').focus();
  }
  function renderPending() {
    var box = $('pending');
    box.textContent = '';
    pendingFiles.forEach(function (entry, i) {
      var li = document.createElement('li');
      if (entry.preview) { var img = document.createElement('img'); img.src = entry.preview; img.alt = ''; li.appendChild(img); }
      li.appendChild(document.createTextNode(entry.file.name));
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', t('remove', { name: entry.file.name }));
      remove.addEventListener('click', function () { pendingFiles.splice(i, 1); renderPending(); $('input').focus(); });
      li.appendChild(remove);
      box.appendChild(li);
    });
  }

  function typing(on) {
    if (!conversation || on === typingSent) { if (on) armTypingOff(); return; }
    typingSent = on;
    call('POST', 'conversations/toggle_typing', { typing_status: on ? 'on' : 'off' }).catch(function () { });
    if (on) armTypingOff();
  }
  function armTypingOff() { clearTimeout(typingTimer); typingTimer = setTimeout(function () { typing(false); }, 4000); }

  function submit() {
    var input = $('input');
    var text = input.value.trim();
    var queued = pendingFiles.splice(0);
    if (!text && !queued.length) return;
    input.value = '';
    input.style.height = 'auto';
    renderPending();
    typing(false);
    var chain = identitySettled;
    if (text) chain = chain.then(function () { return sendOne(text, null); });
    queued.forEach(function (entry) { chain = chain.then(function () { return sendOne('', entry); }); });
    chain.catch(function () { });
  }

  function sendOne(text, entry) {
    var echo = { id: 'local-' + (++localId), content: text, message_type: 0, created_at: Date.now() / 1000, sending: true,
      attachments: entry ? [{ file_type: entry.preview ? 'image' : 'file', data_url: entry.preview, preview: entry.preview, file_name: entry.file.name }] : [] };
    show(echo);
    scrollDown();
    var request;
    if (entry) {
      var form = new FormData();
      form.append('message[attachments][]', entry.file, entry.file.name);
      form.append('message[echo_id]', echo.id);
      form.append('message[referer_url]', referrerURL);
      form.append('message[timestamp]', new Date().toString());
      request = call('POST', 'messages', form);
    } else if (!conversation) {
      request = call('POST', 'conversations', { contact: {}, message: messageBody(text, echo.id) }).then(function (c) {
        conversation = c;
        var first = (c.messages || []).filter(function (m) { return type(m) === 0; }).pop();
        (c.messages || []).forEach(function (m) { if (m !== first) show(m); });
        startedConversation(c);
        return first || { id: echo.id };
      });
    } else {
      request = call('POST', 'messages', { message: messageBody(text, echo.id) });
    }
    return request.then(function (saved) {
      var node = messages.get(echo.id);
      messages.delete(echo.id);
      if (saved && saved.id != null && messages.has(String(saved.id))) { if (node && node.node) node.node.remove(); return; }
      if (node && node.node) node.node.remove();
      if (saved && saved.id != null && saved.id !== echo.id) show(saved);
      if (!conversation) loadConversation(); // a first file opened the conversation
      hostEvent('chatwoot:on-message', saved);
    }, function (err) {
      var failed = messages.get(echo.id);
      if (failed) { failed.sending = false; failed.failed = true; show(failed); }
      if (err.status === 429) input429(text);
      else if (err.status) notice(t('error'));
      throw err;
    });
  }
  function input429(text) { if (text && !$('input').value) $('input').value = text; }

  // The stream may bring the visitor's own message before the POST answers: that message takes the echo's place.
  function adoptEcho(m) {
    if (type(m) !== 0) return false;
    var found = null;
    messages.forEach(function (e, id) {
      if (found || !e.sending || String(id).indexOf('local-') !== 0) return;
      if (m.echo_id ? m.echo_id === id : (e.content || '') === (m.content || '') && (e.attachments || []).length === (m.attachments || []).length) found = e;
    });
    if (!found) return false;
    messages.delete(found.id);
    found.node.remove();
    return true;
  }

  function endConversation() {
    if (!window.confirm(t('endConfirm'))) return;
    call('GET', 'conversations/toggle_status').then(function () {
      if (conversation) conversation.status = 'resolved';
      show({ id: 'ended-' + Date.now(), message_type: 2, content: t('ended'), created_at: Date.now() / 1000 });
      renderHeader();
      scrollDown();
    }).catch(function (err) { if (err.status !== 429) notice(t('error')); });
  }

  // ---- setUser from the host page ---------------------------------------------------------------------------------
  var identitySettled = Promise.resolve(); // a setUser in flight, with the reload of the known contact's conversation
  function setUser(identifier, user) {
    var body = { identifier: identifier };
    ['email', 'name', 'avatar_url', 'phone_number', 'identifier_hash', 'description', 'company_name', 'social_profiles'].forEach(function (k) {
      if (user[k] != null) body[k] = user[k];
    });
    var settled = call('PATCH', 'contact/set_user', body).then(function (answer) {
      contact = Object.assign(contact, answer || {});
      tell('userSet');
      if (answer && answer.widget_auth_token && answer.widget_auth_token !== token) {
        // now the known contact: their own conversation and their own stream
        useToken(answer.widget_auth_token);
        messages.forEach(function (m) { if (m.node) m.node.remove(); });
        messages.clear();
        conversation = null;
        lastEventId = '';
        wasLive = false;
        if (stream) { stream.close(); stream = null; }
        renderForms();
        return call('POST', 'config', {}).then(function (again) {
          contact = again.contact || contact;
          if (again.stream && again.stream.last_event_id != null) lastEventId = String(again.stream.last_event_id);
          return loadConversation();
        }).then(connect).catch(function () { notice(t('error')); });
      }
      renderForms();
    }).catch(function (e) { hostEvent('chatwoot:error', { message: e.message, status: e.status }); });
    // what the visitor writes meanwhile waits for the new identity: sent with the old token it would start a
    // conversation on the anonymous contact that the identification had already left behind
    identitySettled = settled;
    return settled;
  }

  // ---- words on screen --------------------------------------------------------------------------------------------
  function renderWords() {
    document.title = t('chat');
    $('input').placeholder = t('placeholder');
    document.querySelectorAll('[data-label]').forEach(function (el) {
      var text = t(el.dataset.label);
      if (el.tagName === 'LABEL') el.textContent = text; else { el.setAttribute('aria-label', text); if (el.tagName === 'BUTTON') el.title = text; }
    });
    $('drop').textContent = t('drop');
    $('welcome-title').textContent = config.welcome_title || '';
    $('welcome-tagline').textContent = config.welcome_tagline || '';
    $('welcome').hidden = !config.welcome_title && !config.welcome_tagline && $('away').hidden;
  }

  var noticeTimer;
  function notice(text) {
    var el = $('notice');
    clearTimeout(noticeTimer);
    el.textContent = text;
    el.hidden = !text;
    if (text === t('tooFast')) noticeTimer = setTimeout(function () { el.hidden = true; }, 8000);
  }

  start();
})();
