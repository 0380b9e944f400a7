/*
 * Form editor: shows only the settings that apply to the chosen type of field. Without this script
 * every setting is shown, and the server ignores those that do not apply.
 */
(function () {
  'use strict';

  function start() {
    var type = document.querySelector('[data-field-type]');
    if (!type) {
      return;
    }
    var sections = document.querySelectorAll('[data-types]');
    function update() {
      Array.prototype.forEach.call(sections, function (section) {
        var applies = section.getAttribute('data-types').split(' ').indexOf(type.value) >= 0;
        section.hidden = !applies;
      });
    }
    type.addEventListener('change', update);
    update();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
