// The reply box takes files three ways: the file picker, dropping files on the form, and pasting (a screenshot
// on the clipboard arrives as a File). Dropped and pasted files join the picker's list, so the form posts them
// as its attachments[] parts like any picked file.
(function () {
    var form = document.getElementById('reply-form');
    var input = document.getElementById('attachments');
    var list = document.getElementById('chosen-files');
    if (!form || !input || !list) return;

    function add(files) {
        if (!files || files.length === 0) return;
        var all = new DataTransfer();
        Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
        Array.prototype.forEach.call(files, function (f) {
            var name = f.name && f.name !== 'image.png' ? f.name : 'pasted-' + new Date().toISOString().replace(/[:.]/g, '-') + '.png';
            all.items.add(f.name === name ? f : new File([f], name, {type: f.type}));
        });
        input.files = all.files;
        show();
    }

    function show() {
        list.textContent = '';
        Array.prototype.forEach.call(input.files, function (f) {
            var item = document.createElement('li');
            item.textContent = f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)';
            list.appendChild(item);
        });
    }

    input.addEventListener('change', show);
    form.addEventListener('paste', function (e) {
        var files = e.clipboardData && e.clipboardData.files;
        if (files && files.length > 0) { add(files); e.preventDefault(); }
    });
    form.addEventListener('dragover', function (e) { e.preventDefault(); form.classList.add('dropping'); });
    form.addEventListener('dragleave', function () { form.classList.remove('dropping'); });
    form.addEventListener('drop', function (e) {
        e.preventDefault();
        form.classList.remove('dropping');
        add(e.dataTransfer && e.dataTransfer.files);
    });
})();
