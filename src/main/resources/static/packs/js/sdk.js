/*
 * Parley's website-chat loader, loaded by Chatwoot's embed snippet unchanged:
 *   g.src = BASE_URL + "/packs/js/sdk.js"; g.onload = () => window.chatwootSDK.run({websiteToken, baseUrl: BASE_URL})
 * It draws only the bubble in the host page; the chat itself runs in an iframe from Parley's origin
 * (BASE_URL/widget?website_token=...), and the two talk by postMessage with "chatwoot-widget:"-prefixed JSON,
 * as Chatwoot's SDK does. The visitor's token lives in the host site's first-party cookie cw_conversation.
 */
(function () {
  'use strict';
  var PREFIX = 'chatwoot-widget:';
  var DAY = 864e5;
  var d = document;

  function cookie(name) {
    var m = d.cookie.match('(?:^|; )' + name + '=([^;]*)');
    return m ? decodeURIComponent(m[1]) : null;
  }
  function setCookie(name, value, domain) {
    d.cookie = name + '=' + encodeURIComponent(value) + '; expires=' + new Date(Date.now() + 365 * DAY).toUTCString() +
      '; path=/; SameSite=Lax' + (domain ? '; domain=' + domain : '');
  }
  function dropCookie(name, domain) {
    d.cookie = name + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/' + (domain ? '; domain=' + domain : '');
  }
  function fire(name, detail) {
    window.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }
  function el(tag, cls, parent) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (parent) parent.appendChild(e);
    return e;
  }
  // The same user data need not be sent again on every page of the site: remember a digest of what was accepted.
  function digest(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16);
  }

  var CSS =
    '.woot-widget-holder{position:fixed;z-index:2147483000;bottom:104px;width:400px;height:calc(100% - 128px);max-height:640px;' +
    'border-radius:16px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.22);background:#fff;transition:opacity .15s,transform .15s}' +
    '.woot-widget-holder iframe{border:0;width:100%;height:100%}' +
    '.woot-elements--right{right:20px}.woot-elements--left{left:20px}' +
    '.woot--hide{visibility:hidden;opacity:0;transform:translateY(12px);pointer-events:none}' +
    '.woot-hidden{display:none!important}' +
    '.woot-widget-holder.woot-widget--without-bubble{bottom:20px;height:calc(100% - 40px)}' +
    '.woot--bubble-holder .woot-widget-bubble{position:fixed;z-index:2147483000;bottom:20px;height:64px;min-width:64px;border:0;' +
    'border-radius:32px;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.2);display:flex;align-items:center;justify-content:center;' +
    'color:#fff;font:600 15px/1 system-ui,sans-serif;padding:0 20px}' +
    '.woot-widget-bubble:focus-visible{outline:3px solid #111;outline-offset:3px}' +
    '.woot-widget-bubble svg{width:24px;height:24px;flex:none}' +
    '.woot-widget-bubble span.woot-text{margin-left:10px}' +
    '.woot-widget-bubble .woot-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;' +
    'border-radius:10px;background:#d92d20;color:#fff;font:700 12px/20px system-ui,sans-serif}' +
    '@media (max-width:667px){.woot-widget-holder{top:0;left:0;right:0;bottom:0;width:100%;height:100%;max-height:none;border-radius:0}' +
    'body.woot-open-mobile .woot--bubble-holder{display:none}}';

  var CHAT_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3C6.5 3 2 6.9 2 11.7c0 2.4 1.1 4.6 3 6.2L4 22l4.6-2.3c1.1.3 2.2.5 3.4.5 5.5 0 10-3.9 10-8.6S17.5 3 12 3z"/></svg>';
  var CLOSE_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>';

  function run(options) {
    if (window.$chatwoot) return;
    var settings = window.chatwootSettings || {};
    var baseUrl = (options.baseUrl || '').replace(/\/$/, '');
    var websiteToken = options.websiteToken;
    var origin = new URL(baseUrl || location.href, location.href).origin;
    var baseDomain = settings.baseDomain;
    var locale = settings.useBrowserLanguage ? navigator.language.replace('-', '_') : settings.locale;
    var userCookie = 'cw_user_' + websiteToken;
    var holder, frame, bubble, badge, label;
    var pending = []; // messages for the frame before it said it loaded

    var api = window.$chatwoot = {
      baseUrl: baseUrl, baseDomain: baseDomain, websiteToken: websiteToken, locale: locale, hasLoaded: false, isOpen: false,
      position: settings.position === 'left' ? 'left' : 'right',
      type: settings.type === 'expanded_bubble' ? 'expanded_bubble' : 'standard',
      hideMessageBubble: !!settings.hideMessageBubble,
      launcherTitle: settings.launcherTitle || '',
      darkMode: settings.darkMode === 'auto' ? 'auto' : 'light',
      showPopoutButton: !!settings.showPopoutButton,
      resetTriggered: false,

      toggle: function (state) { toggle(state === 'open' ? true : state === 'close' ? false : undefined); },
      toggleBubbleVisibility: function (visibility) {
        if (visibility !== 'hide' && visibility !== 'show') return;
        api.hideMessageBubble = visibility === 'hide';
        if (bubble) bubble.parentNode.classList.toggle('woot-hidden', api.hideMessageBubble);
        holder.classList.toggle('woot-widget--without-bubble', api.hideMessageBubble);
        send('set-bubble-visibility', { hideMessageBubble: api.hideMessageBubble });
      },
      popoutChatWindow: function () {
        var token = cookie('cw_conversation');
        window.open(widgetUrl() + (token ? '&cw_conversation=' + encodeURIComponent(token) : '') + (locale ? '&locale=' + encodeURIComponent(locale) : ''),
          'webwidget', 'resizable=off,width=400,height=600');
        toggle(false);
      },
      setUser: function (identifier, user) {
        if (typeof identifier !== 'string' && typeof identifier !== 'number') throw new Error('Identifier should be a string or a number');
        user = user || {};
        if (!user.avatar_url && !user.email && !user.name) throw new Error('User object should have one of the keys [avatar_url, email, name]');
        var mark = digest(['avatar_url', 'email', 'name', 'phone_number', 'identifier_hash'].map(function (k) { return k + (user[k] || ''); }).join('') + identifier);
        if (cookie(userCookie) === mark) return;
        api.identifier = identifier;
        api.user = user;
        api.userMark = mark;
        send('set-user', { identifier: identifier, user: user });
      },
      setCustomAttributes: function (attributes) {
        if (!attributes || !Object.keys(attributes).length) throw new Error('Custom attributes should have atleast one key');
        send('set-custom-attributes', { customAttributes: attributes });
      },
      deleteCustomAttribute: function (name) {
        if (!name) throw new Error('Custom attribute is required');
        send('delete-custom-attribute', { customAttribute: name });
      },
      setConversationCustomAttributes: function (attributes) {
        if (!attributes || !Object.keys(attributes).length) throw new Error('Custom attributes should have atleast one key');
        send('set-conversation-custom-attributes', { customAttributes: attributes });
      },
      deleteConversationCustomAttribute: function (name) {
        if (!name) throw new Error('Custom attribute is required');
        send('delete-conversation-custom-attribute', { customAttribute: name });
      },
      setLabel: function (label) { send('set-label', { label: label || '' }); },
      removeLabel: function (label) { send('remove-label', { label: label || '' }); },
      setLocale: function (value) { locale = api.locale = value || 'en'; send('set-locale', { locale: locale }); },
      setColorScheme: function (mode) { api.darkMode = mode === 'auto' ? 'auto' : 'light'; send('set-color-scheme', { darkMode: api.darkMode }); },
      reset: function () {
        toggle(false);
        dropCookie('cw_conversation', baseDomain);
        dropCookie(userCookie, baseDomain);
        api.user = api.identifier = null;
        api.hasLoaded = false;
        api.resetTriggered = true;
        setBadge(0);
        frame.src = widgetUrl();
      }
    };

    function widgetUrl() {
      return baseUrl + '/widget?website_token=' + encodeURIComponent(websiteToken);
    }

    function send(event, value) {
      var message = PREFIX + JSON.stringify(Object.assign({ event: event }, value));
      if (api.hasLoaded) frame.contentWindow.postMessage(message, origin);
      else pending.push(message);
    }

    function toggle(open) {
      var next = open === undefined ? !api.isOpen : !!open;
      if (next === api.isOpen) return;
      api.isOpen = next;
      holder.classList.toggle('woot--hide', !next);
      d.body.classList.toggle('woot-open-mobile', next);
      if (bubble) {
        bubble.setAttribute('aria-expanded', String(next));
        bubble.querySelector('.woot-icon').innerHTML = next ? CLOSE_ICON : CHAT_ICON;
        bubble.setAttribute('aria-label', next ? 'Close chat window' : (api.launcherTitle || 'Open chat window'));
      }
      send('toggle-open', { isOpen: next });
      if (next) setBadge(0);
      fire(next ? 'chatwoot:opened' : 'chatwoot:closed');
      if (!next && bubble) bubble.focus();
    }

    function setBadge(count) {
      if (!badge) return;
      badge.textContent = count > 9 ? '9+' : String(count);
      badge.classList.toggle('woot-hidden', !count);
      badge.setAttribute('aria-label', count + ' unread');
    }

    function createBubble(color) {
      var bubbleHolder = el('div', 'woot--bubble-holder', d.body);
      bubbleHolder.id = 'cw-bubble-holder';
      if (api.hideMessageBubble) bubbleHolder.classList.add('woot-hidden');
      bubble = el('button', 'woot-widget-bubble woot-elements--' + api.position, bubbleHolder);
      bubble.type = 'button';
      bubble.style.background = color || '#1f93ff';
      bubble.setAttribute('aria-controls', 'chatwoot_live_chat_widget');
      bubble.setAttribute('aria-expanded', 'false');
      bubble.setAttribute('aria-label', api.launcherTitle || 'Open chat window');
      el('span', 'woot-icon', bubble).innerHTML = CHAT_ICON;
      if (api.type === 'expanded_bubble') {
        label = el('span', 'woot-text', bubble);
        label.id = 'woot-widget--expanded__text';
        label.textContent = api.launcherTitle || 'Chat with us';
      }
      badge = el('span', 'woot-badge woot-hidden', bubble);
      bubble.addEventListener('click', function () { toggle(); });
    }

    // What the frame tells the page (the frame's own messages only).
    var events = {
      loaded: function (m) {
        if (m.config && m.config.authToken) setCookie('cw_conversation', m.config.authToken, baseDomain);
        var first = !bubble && !api.resetTriggered;
        api.hasLoaded = true;
        frame.style.visibility = '';
        send('config-set', { locale: locale, position: api.position, hideMessageBubble: api.hideMessageBubble,
          showPopoutButton: api.showPopoutButton, darkMode: api.darkMode, launcherTitle: api.launcherTitle });
        send('toggle-close-button', { showClose: window.matchMedia('(max-width: 667px)').matches });
        while (pending.length) frame.contentWindow.postMessage(pending.shift(), origin);
        if (!bubble) createBubble(m.config && m.config.channelConfig && m.config.channelConfig.widgetColor);
        if (api.user && api.resetTriggered) send('set-user', { identifier: api.identifier, user: api.user });
        if (first) fire('chatwoot:ready');
      },
      authToken: function (m) { if (m.authToken) setCookie('cw_conversation', m.authToken, baseDomain); },
      userSet: function () { if (api.userMark) setCookie(userCookie, api.userMark, baseDomain); },
      setBubbleLabel: function (m) { if (label && !api.launcherTitle) label.textContent = m.label; },
      toggleBubble: function () { toggle(); },
      closeWindow: function () { toggle(false); },
      popoutChatWindow: function () { api.popoutChatWindow(); },
      setUnreadMode: function (m) { if (!api.isOpen) setBadge(m.unreadMessageCount || 0); },
      resetUnreadMode: function () { setBadge(0); },
      onEvent: function (m) { fire(m.eventIdentifier, m.data); }
    };

    window.addEventListener('message', function (e) {
      if (e.origin !== origin || !frame || e.source !== frame.contentWindow) return;
      if (typeof e.data !== 'string' || e.data.indexOf(PREFIX) !== 0) return;
      var m;
      try { m = JSON.parse(e.data.slice(PREFIX.length)); } catch (err) { return; }
      if (events.hasOwnProperty(m.event)) events[m.event](m);
    });
    window.addEventListener('resize', function () {
      send('toggle-close-button', { showClose: window.matchMedia('(max-width: 667px)').matches });
    });
    d.addEventListener('keydown', function (e) { if (e.key === 'Escape' && api.isOpen) toggle(false); });

    var style = el('style', null, d.head || d.body);
    style.textContent = CSS;
    holder = el('div', 'woot-widget-holder woot--hide woot-elements--' + api.position + (api.hideMessageBubble ? ' woot-widget--without-bubble' : ''), d.body);
    frame = el('iframe', null, holder);
    frame.id = 'chatwoot_live_chat_widget';
    frame.title = 'Chat window';
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.visibility = 'hidden';
    var token = cookie('cw_conversation');
    frame.src = widgetUrl() + (token ? '&cw_conversation=' + encodeURIComponent(token) : '') + (locale ? '&locale=' + encodeURIComponent(locale) : '');
  }

  window.chatwootSDK = { run: run };
})();
