// The conversation pane's behaviour. The pane is rendered with the page or swapped in by htmx when a card is
// opened (and its thread is re-read live), so every listener is delegated from the document and looks the
// pane's elements up when it runs.
(function () {
    var lastPing = 0, stopTimer = null, clearTyping = null;

    function pane() { return document.getElementById('conversation-pane'); }
    function box() { return document.getElementById('content'); }
    function csrf() { return document.querySelector('meta[name=csrf-token]').content; }

    function ping(state) {
        var p = pane(), privateNote = document.getElementById('private');
        if (!p || !p.dataset.typingUrl) return;
        var body = new URLSearchParams({state: state, 'private': privateNote ? privateNote.checked : false});
        fetch(p.dataset.typingUrl, {method: 'POST', headers: {'X-CSRF-TOKEN': csrf()}, body: body});
    }

    function startWriting() {
        var since = document.getElementById('writing-since');
        if (since && since.value === '') since.value = document.getElementById('thread-last-message').value;
    }

    // the newest message in view: on opening, and after a live refresh when the agent was reading the end
    var wasAtEnd = true;
    function messages() { return document.querySelector('#thread .messages'); }
    function scrollToEnd() {
        var list = messages();
        if (list) list.scrollTop = list.scrollHeight;
    }
    function markOpenCard() {
        var p = pane(), open = p && p.dataset.conversation;
        document.querySelectorAll('.cards .card').forEach(function (card) {
            var link = card.querySelector(':scope > a');
            if (!link) return;
            if (open && card.id === 'conversation-' + open) link.setAttribute('aria-current', 'true');
            else link.removeAttribute('aria-current');
        });
    }
    function paneShown() {
        scrollToEnd();
        markOpenCard();
        var title = document.getElementById('conversation-title');
        if (title) document.title = title.textContent + ' · Parley'; // a pane swapped in brings no <head>
    }
    document.addEventListener('DOMContentLoaded', paneShown);
    document.addEventListener('htmx:beforeSwap', function (e) {
        var list = messages();
        wasAtEnd = !list || list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    });
    document.addEventListener('htmx:afterSettle', function (e) {
        var target = e.detail.target;
        if (!target) return;
        if (target.id === 'conversation-pane' || !document.body.contains(target) && pane()) { paneShown(); return; }
        if (target.id === 'thread-container' && wasAtEnd) scrollToEnd();
        if (target.id === 'list-container') markOpenCard();
    });

    // the canned-response lookup sends what is typed as q (set here: the CSP forbids hx-vals' js: evaluation)
    document.addEventListener('htmx:configRequest', function (e) {
        if (!e.detail.elt || e.detail.elt.id !== 'content') return;
        e.detail.parameters.q = e.detail.elt.value;
        e.detail.parameters.note = document.getElementById('private').checked;
    });

    document.addEventListener('input', function (e) {
        if (e.target.id !== 'content') return;
        var since = document.getElementById('writing-since');
        if (e.target.value === '') since.value = '';
        else startWriting();
        if (Date.now() - lastPing > 4000) { lastPing = Date.now(); ping('on'); }
        clearTimeout(stopTimer);
        stopTimer = setTimeout(function () { lastPing = 0; ping('off'); }, 5000);
    });

    document.addEventListener('click', function (e) {
        var choice = e.target.closest('.canned-choice');
        if (choice) {
            startWriting();
            box().value = choice.getAttribute('data-content');
            document.getElementById('canned').innerHTML = '';
            box().focus();
            return;
        }
        var mention = e.target.closest('.mention-choice');
        if (mention) {
            // the "@" and what follows it become "@Full Name " (sent as Chatwoot's mention markup)
            box().value = box().value.replace(/@[^\s@]*$/, '@' + mention.getAttribute('data-name') + ' ');
            document.getElementById('canned').innerHTML = '';
            box().focus();
            return;
        }
        if (e.target.closest('#copy-link')) { copyText(location.href, 'copy-result', 'Link copied.'); return; }
        if (e.target.closest('#details-toggle')) { showDetails(true); return; }
        if (e.target.closest('#details-close')) showDetails(false);
    });

    // on a phone the details open over the thread; the open state lives on the pane, which live refreshes keep
    function showDetails(open) {
        var p = pane();
        p.classList.toggle('details-open', open);
        document.getElementById('details-toggle').setAttribute('aria-expanded', String(open));
        (open ? document.getElementById('details-close') : document.getElementById('details-toggle')).focus();
    }

    document.addEventListener('keydown', function (e) {
        if (!pane() || !pane().dataset.conversation) return;
        if (e.target.id === 'content' && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            document.getElementById('reply-form').requestSubmit();
            return;
        }
        var typingHere = /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName);
        if (e.altKey && (e.key === 'e' || e.key === 'E' || e.code === 'KeyE')) {
            var resolve = document.getElementById('resolve'); // absent when the conversation is resolved already
            if (resolve) resolve.click();
            e.preventDefault();
            return;
        }
        if (typingHere || e.ctrlKey || e.metaKey || e.altKey) return;
        if (e.key === 'r') { box().focus(); e.preventDefault(); }
        if (e.key === 'Escape' && pane().classList.contains('details-open')) showDetails(false);
    });

    // a snooze time picked in the agent's time zone travels as UTC
    document.addEventListener('submit', function (e) {
        var local = e.target.querySelector && e.target.querySelector('#snooze-at');
        if (!local) return;
        document.getElementById('snooze-at-utc').value = local.value ? new Date(local.value).toISOString() : '';
    });

    document.addEventListener('htmx:sseMessage', function (e) {
        if (!e.target || e.target.id !== 'typing') return;
        clearTimeout(clearTyping);
        clearTyping = setTimeout(function () { var t = document.getElementById('typing'); if (t) t.textContent = ''; }, 10000);
    });

    // a "send later" time picked in the agent's time zone travels as UTC
    document.addEventListener('submit', function (e) {
        var local = e.target.querySelector && e.target.querySelector('#send-at');
        if (local) document.getElementById('send-at-utc').value = local.value ? new Date(local.value).toISOString() : '';
    });

    // SLA deadlines in the details: the time left, rewritten every 30 seconds ("in 1 h 05 min", "in 4 min", "overdue")
    function countdowns() {
        document.querySelectorAll('.sla-countdown[data-due]').forEach(function (el) {
            var minutes = Math.ceil((Date.parse(el.dataset.due) - Date.now()) / 60000);
            el.textContent = minutes <= 0 ? 'overdue'
                : minutes >= 60 ? 'in ' + Math.floor(minutes / 60) + ' h ' + String(minutes % 60).padStart(2, '0') + ' min'
                : 'in ' + minutes + ' min';
        });
    }
    setInterval(countdowns, 30000);
})();
