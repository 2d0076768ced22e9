// The annual report's per-location table: sort by a column, search the rows, first rows or all.
// Inline, no library, no network; the page's Content-Security-Policy allows this script by its hash.
// Without JavaScript the table is simply the whole table (and print always shows every row).
(function () {
  "use strict";
  var doc = document;
  var lang = doc.documentElement.lang === "en" ? "en" : "nl";
  var names = new Intl.Collator("nl", { sensitivity: "base", numeric: true });

  // A cell's number: "1.234" (nl) or "1,234" (en), "12,5%"; NaN for text ("–", "onderdrukt").
  function number(text) {
    var t = text.replace(/[\s\u00a0%]/g, "");
    t = lang === "nl" ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
    return /^[-\u2212]?\d+(\.\d+)?$/.test(t) ? parseFloat(t.replace("\u2212", "-")) : NaN;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setup(table) {
    var tools = doc.getElementById(table.getAttribute("data-tools"));
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    var numeric = (table.getAttribute("data-numeric") || "").split(" ").map(Number);
    var limit = parseInt(table.getAttribute("data-first") || "0", 10);
    var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.classList.contains("total"); });
    var search = rows.map(function (r) { return fold(r.textContent); });
    var order = rows.map(function (_r, i) { return i; });
    var query = "";
    var clipped = limit > 0 && rows.length > limit;
    var input = tools.querySelector("input");
    var count = tools.querySelector("[role=status]");
    var toggle = tools.querySelector("button");
    if (toggle && !clipped) {
      toggle.remove();
      toggle = null;
    }

    function show() {
      var shown = 0;
      order.forEach(function (i) {
        var match = !query || search[i].indexOf(query) >= 0;
        var visible = match && (query !== "" || !clipped || shown < limit);
        rows[i].hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", shown.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB"));
      if (toggle) {
        toggle.hidden = query !== "";
        toggle.setAttribute("aria-expanded", String(!clipped));
        toggle.textContent = toggle.getAttribute(clipped ? "data-more" : "data-less");
      }
    }

    function sortBy(col, button) {
      var th = heads[col];
      var isNum = numeric.indexOf(col) >= 0;
      var now = th.getAttribute("aria-sort");
      var dir = now ? (now === "ascending" ? -1 : 1) : (isNum ? -1 : 1);
      var keys = rows.map(function (r) {
        var text = r.cells[col] ? r.cells[col].textContent.trim() : "";
        return isNum ? number(text) : text;
      });
      order.sort(function (a, b) {
        var x = keys[a], y = keys[b], c;
        if (isNum) {
          if (isNaN(x) || isNaN(y)) c = isNaN(x) ? (isNaN(y) ? 0 : 1) : -1;  // text last, either way
          else c = dir * (x - y);
        } else {
          c = dir * names.compare(x, y);
        }
        return c || a - b;
      });
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      var frag = doc.createDocumentFragment();
      order.forEach(function (i) { frag.appendChild(rows[i]); });
      var total = body.querySelector("tr.total");
      body.insertBefore(frag, total);
      show();
    }

    Array.prototype.forEach.call(heads, function (th, col) {
      var button = doc.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(col, button); });
    });
    input.addEventListener("input", function () { query = fold(input.value.trim()); show(); });
    if (toggle) toggle.addEventListener("click", function () { clipped = !clipped; show(); });
    tools.hidden = false;
    table.classList.add("js");
    show();
  }

  Array.prototype.forEach.call(doc.querySelectorAll("table[data-tools]"), setup);
  // Print the full descriptions: a closed <details> prints closed.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(doc.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
