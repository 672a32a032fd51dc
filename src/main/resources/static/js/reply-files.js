// The reply box takes files three ways: the file picker, dropping files on the form, and pasting (a screenshot
// on the clipboard arrives as a File). Dropped and pasted files join the picker's list, so the form posts them
// as its attachments[] parts like any picked file. Delegated: the reply box is swapped in with its conversation.
(function () {
    function input() { return document.getElementById('attachments'); }
    function form(e) { return e.target && e.target.closest ? e.target.closest('#reply-form') : null; }

    function add(files) {
        if (!files || files.length === 0) return;
        var all = new DataTransfer();
        Array.prototype.forEach.call(input().files, function (f) { all.items.add(f); });
        Array.prototype.forEach.call(files, function (f) {
            var name = f.name && f.name !== 'image.png' ? f.name : 'pasted-' + new Date().toISOString().replace(/[:.]/g, '-') + '.png';
            all.items.add(f.name === name ? f : new File([f], name, {type: f.type}));
        });
        input().files = all.files;
        show();
    }

    function show() {
        var list = document.getElementById('chosen-files');
        list.textContent = '';
        Array.prototype.forEach.call(input().files, function (f) {
            var item = document.createElement('li');
            item.textContent = f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)';
            list.appendChild(item);
        });
    }

    document.addEventListener('change', function (e) { if (e.target.id === 'attachments') show(); });
    document.addEventListener('paste', function (e) {
        if (!form(e)) return;
        var files = e.clipboardData && e.clipboardData.files;
        if (files && files.length > 0) { add(files); e.preventDefault(); }
    });
    document.addEventListener('dragover', function (e) { var f = form(e); if (f) { e.preventDefault(); f.classList.add('dropping'); } });
    document.addEventListener('dragleave', function (e) { var f = form(e); if (f) f.classList.remove('dropping'); });
    document.addEventListener('drop', function (e) {
        var f = form(e);
        if (!f) return;
        e.preventDefault();
        f.classList.remove('dropping');
        add(e.dataTransfer && e.dataTransfer.files);
    });
})();
