/* Ombud's own behaviour. No inline scripts anywhere (CSP): pages opt in with data attributes. */
(function () {
  "use strict";
  // <button data-confirm="Är du säker?"> asks before submitting.
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopPropagation();
    }
  });
  // <select data-autosubmit> submits its form on change (filters).
  document.addEventListener("change", function (event) {
    var el = event.target.closest("[data-autosubmit]");
    if (el && el.form) { el.form.requestSubmit(); }
  });
  // Focus the first field with an error after a failed submit.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector(".is-invalid, [aria-invalid='true']");
    if (invalid) { invalid.focus(); }
  });
})();
