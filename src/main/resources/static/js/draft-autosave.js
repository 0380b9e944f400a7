/*
 * Drafts save themselves: a moment after the applicant stops typing, the form (without its files) is
 * posted to the draft's autosave address; the answer carries the draft's new version, which the next
 * save is based on. A save refused because another device changed the draft is reported, not forced; a
 * save refused for its content (too large) is reported and the next change is saved again.
 * Without this script nothing is lost: every button of the page saves the draft first.
 */
(function () {
  'use strict';
  var form = document.getElementById('draft-form');
  var status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch || !window.FormData) {
    return;
  }
  var url = form.getAttribute('data-autosave-url');
  var timer = null;
  var dirty = false;
  var saving = false;
  var stopped = false;

  function save() {
    if (!dirty || saving || stopped) {
      return;
    }
    dirty = false;
    saving = true;
    var data = new FormData(form);
    var files = [];
    data.forEach(function (value, key) {
      if (typeof File !== 'undefined' && value instanceof File) {
        files.push(key);
      }
    });
    files.forEach(function (key) { data.delete(key); });
    data.delete('action');
    fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, status: response.status, body: body };
        });
      })
      .then(function (result) {
        saving = false;
        if (result.ok) {
          form.querySelector('input[name=version]').value = result.body.version;
        } else if (result.status === 409) {
          stopped = true; // another device saved: never overwrite its work
        }
        status.textContent = result.body.message;
        if (dirty) {
          schedule();
        }
      })
      .catch(function () {
        saving = false;
        dirty = true;
        status.textContent = status.getAttribute('data-offline');
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 1500);
  }

  function changed(event) {
    if (event.target && event.target.type === 'file') {
      return;
    }
    dirty = true;
    schedule();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () {
    stopped = true;
    window.clearTimeout(timer);
  });
}());
