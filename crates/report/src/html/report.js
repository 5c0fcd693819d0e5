// Filters for the findings table; without script every row is shown and the form stays hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("findings-table");
  if (!form || !table || !table.tBodies.length) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var shown = document.getElementById("shown");
  var none = document.getElementById("no-match");
  var keys = ["st", "sev", "svc", "reg"];

  function apply() {
    var want = keys.map(function (k) { return form.elements[k].value; });
    var terms = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row, i) {
      var match = keys.every(function (k, j) { return !want[j] || row.getAttribute("data-" + k) === want[j]; }) &&
        terms.every(function (t) { return texts[i].indexOf(t) !== -1; });
      row.hidden = !match;
      if (match) count += 1;
    });
    shown.textContent = count === rows.length ? "All " + count + " findings" : count + " of " + rows.length + " findings";
    none.hidden = count !== 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  // Paper shows every detail.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  form.hidden = false;
  apply();
})();
