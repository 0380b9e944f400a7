// Follows a running procedure import: updates the progress bar every second and reloads the page
// (rendered in the visitor's language) when the phase or status changes.
(function () {
  'use strict';
  var box = document.getElementById('import-status');
  if (!box) {
    return;
  }
  var bar = document.getElementById('import-progress');
  var text = document.getElementById('import-progress-text');
  var url = box.getAttribute('data-status-url');
  var status = box.getAttribute('data-status');
  var phase = box.getAttribute('data-phase');

  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (report) {
        if (report.status !== status || report.phase !== phase) {
          window.location.reload();
          return;
        }
        bar.max = Math.max(report.totalRows, 1);
        bar.value = report.processedRows;
        var label = text.textContent.replace(/^\s*\d+\s*\/\s*\d+/, report.processedRows + ' / ' + report.totalRows);
        text.textContent = label;
        bar.textContent = label;
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
}());
