// The index: sort by clicking a column header, filter by text, site, language, layout and score,
// move between rows with the arrow keys and open one with Enter. Without JS the table still lists
// every page with working links.
(function () {
  "use strict";
  var table = document.getElementById("pages");
  if (!table) return;
  var body = table.tBodies[0];
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text");
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-field]"));
  var scoreColumn = document.getElementById("score-column");
  var scoreBelow = document.getElementById("score-below");
  var count = document.getElementById("row-count");

  function cellValue(row, index) {
    return row.cells[index].getAttribute("data-value");
  }

  function sortBy(index, descending) {
    var numeric = headers[index].getAttribute("data-type") === "number";
    var sorted = rows.slice().sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (numeric) {
        // Pages without a value (n/a) always go last.
        if (x === "" || y === "") return (x === "") - (y === "");
        var d = parseFloat(x) - parseFloat(y);
        return descending ? -d : d;
      }
      var c = x.localeCompare(y);
      return descending ? -c : c;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (th, i) {
      if (i === index) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  headers.forEach(function (th, index) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      sortBy(index, th.getAttribute("aria-sort") === "ascending");
    });
  });

  function applyFilters() {
    var needle = text.value.trim().toLowerCase();
    var limit = scoreBelow.value === "" ? null : parseFloat(scoreBelow.value);
    var column = headers.findIndex(function (th) {
      return th.getAttribute("data-score") === scoreColumn.value;
    });
    var shown = 0;
    rows.forEach(function (row) {
      var ok = !needle || row.getAttribute("data-search").indexOf(needle) >= 0;
      selects.forEach(function (select) {
        if (ok && select.value && row.getAttribute("data-" + select.getAttribute("data-field")) !== select.value) ok = false;
      });
      if (ok && limit !== null && !isNaN(limit) && column >= 0) {
        var v = cellValue(row, column);
        ok = v !== "" && parseFloat(v) < limit;
      }
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " pages";
  }

  [text, scoreBelow].forEach(function (el) { el.addEventListener("input", applyFilters); });
  selects.concat([scoreColumn]).forEach(function (el) { el.addEventListener("change", applyFilters); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    text.value = ""; scoreBelow.value = "";
    selects.forEach(function (s) { s.value = ""; });
    applyFilters();
  });

  function visibleRows() {
    return Array.prototype.slice.call(body.rows).filter(function (r) { return !r.hidden; });
  }

  body.addEventListener("click", function (event) {
    var row = event.target.closest("tr");
    if (row && !event.target.closest("a")) window.location.href = row.getAttribute("data-href");
  });
  body.addEventListener("keydown", function (event) {
    var row = event.target.closest("tr");
    if (!row) return;
    if (event.key === "Enter") {
      event.preventDefault();
      window.location.href = row.getAttribute("data-href");
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var visible = visibleRows();
      var next = visible[visible.indexOf(row) + (event.key === "ArrowDown" ? 1 : -1)];
      if (next) { event.preventDefault(); next.focus(); }
    }
  });
  applyFilters();
})();
