// The 合成数据 label: when the store holds generated data (GET /api/info → synthetic), a banner on every page and
// the label in the names of the files the pages export (window.hqdFileName, read by js/table.js). Kept apart from
// the modules.
(function () {
  fetch('/api/info', {credentials: 'same-origin'}).then(r => r.ok ? r.json() : null).then(info => {
    if (!info || !info.synthetic) return;
    const banner = document.createElement('div');
    banner.id = 'synthetic-banner';
    banner.className = 'synthetic-banner';
    banner.textContent = info.dataLabel;
    document.body.insertBefore(banner, document.body.firstChild);
    // exports made on the pages carry the label in their file names
    window.hqdFileName = (name) => name.replace(/(\.[a-z]+)$/, '（合成数据）$1');
  }).catch(() => {});
})();
