// The website widget's settings page: copy the snippet, and show the form's look in the preview frame as it is typed.
(function () {
  'use strict';
  var copy = document.getElementById('copy-snippet');
  copy.addEventListener('click', function () {
    var text = document.getElementById(copy.dataset.copy).textContent;
    var status = document.getElementById('copy-status');
    navigator.clipboard.writeText(text).then(function () { status.textContent = 'Copied.'; },
      function () { status.textContent = 'Select the snippet and copy it with Ctrl+C.'; });
  });

  var frame = document.getElementById('widget-preview');
  var form = document.getElementById('widget-form');
  function send() {
    var config = {
      widget_color: form.widget_color.value, welcome_title: form.welcome_title.value, welcome_tagline: form.welcome_tagline.value,
      reply_time: form.reply_time.value, website_name: frame.dataset.websiteName, pre_chat_form_enabled: form.pre_chat_form_enabled.checked
    };
    frame.contentWindow.postMessage('chatwoot-widget:' + JSON.stringify({ event: 'preview-config', config: config }), location.origin);
  }
  frame.addEventListener('load', send);
  form.addEventListener('input', send);
  form.addEventListener('change', send);
})();
