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
  // Tables marked .table-stack become cards on a phone (ombud.css): each cell is labelled
  // there with its column's visible header text.
  function labelStackedTables(root) {
    root.querySelectorAll("table.table-stack").forEach(function (table) {
      var labels = [];
      table.querySelectorAll("thead tr:last-child > th").forEach(function (th) {
        var copy = th.cloneNode(true);
        copy.querySelectorAll(".visually-hidden").forEach(function (el) { el.remove(); });
        for (var i = 0; i < (th.colSpan || 1); i++) { labels.push(copy.textContent.trim()); }
      });
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var column = 0;
        Array.prototype.forEach.call(tr.children, function (cell) {
          var label = labels[column];
          if (cell.tagName === "TD" && cell.colSpan === 1 && label && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", label);
          }
          // a cell with nothing in it is left out of the card, label and all
          if (cell.tagName === "TD" && !cell.textContent.trim() && !cell.querySelector("img, svg, input, button")) {
            cell.classList.add("stack-blank");
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { labelStackedTables(document); });
  document.addEventListener("htmx:afterSettle", function () { labelStackedTables(document); });
  // Focus the first field with an error after a failed submit.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector(".is-invalid, [aria-invalid='true']");
    if (invalid) { invalid.focus(); }
  });
})();
