/*
 * E-forms: shows and hides fields by their conditions as the applicant answers, and moves focus to
 * the error summary. The server applies the same conditions (hidden fields are neither checked nor
 * kept), so without this script the form still works: a field appears once the page is shown again.
 */
(function () {
  'use strict';

  function answerOf(form, name) {
    var values = [];
    var single = null;
    var elements = form.querySelectorAll('input, select, textarea');
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      if (el.name !== name || el.disabled) {
        continue;
      }
      if (el.type === 'checkbox' && el.hasAttribute('data-eform-single')) {
        single = el.checked ? 'true' : 'false';
      } else if (el.type === 'radio' || el.type === 'checkbox') {
        if (el.checked) {
          values.push(el.value);
        }
      } else if (el.value.trim() !== '') {
        values.push(el.value.trim());
      }
    }
    return single !== null ? [single] : values;
  }

  function update(root) {
    var form = root.closest('form') || document;
    var conditional = root.querySelectorAll('[data-eform-when]');
    // A field may depend on one that is itself conditional: repeat until nothing changes.
    for (var pass = 0; pass < 10; pass++) {
      var changed = false;
      for (var i = 0; i < conditional.length; i++) {
        var wrapper = conditional[i];
        var wanted = JSON.parse(wrapper.getAttribute('data-eform-values') || '[]');
        var given = answerOf(form, wrapper.getAttribute('data-eform-when'));
        var show = given.some(function (v) { return wanted.indexOf(v) >= 0; });
        if (wrapper.hidden === show) {
          wrapper.hidden = !show;
          changed = true;
        }
      }
      var controls = root.querySelectorAll('input, select, textarea, button');
      for (var j = 0; j < controls.length; j++) {
        // Hidden fields are not sent: what the server would drop never leaves the browser.
        controls[j].disabled = controls[j].closest('[hidden]') !== null;
      }
      if (!changed) {
        break;
      }
    }
  }

  function start() {
    var roots = document.querySelectorAll('[data-eform]');
    Array.prototype.forEach.call(roots, function (root) {
      update(root);
      var form = root.closest('form') || root;
      form.addEventListener('change', function () { update(root); });
      form.addEventListener('input', function () { update(root); });
    });
    var summary = document.getElementById('eform-summary');
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
