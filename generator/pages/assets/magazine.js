/* Served from the site itself, on every page: sortable tables, scrolling tables a keyboard can
   reach, tables read as cards on a phone, the prompt's copy button, and the start of the
   comparison viewer (viewer/*.js, ES modules loaded only on a page that has one). This is the
   site's one start-up path. */
(function () {
  "use strict";

  // Relative to this script, wherever the site is published (a project site lives under /<repo>/).
  var VIEWER = document.currentScript ? new URL("viewer/viewer.js", document.currentScript.src).href : null;
  var viewer = null;

  // null for a cell with nothing to compare ("–", or an empty data-sort): such rows go last
  // whichever way a column is sorted.
  function sortKey(cell, numeric) {
    var raw = cell.getAttribute("data-sort");
    if (raw === null) { raw = cell.textContent.trim(); }
    if (raw === "" || raw === "–") { return null; }
    if (numeric) { var n = parseFloat(raw); return isNaN(n) ? null : n; }
    return raw.toLocaleLowerCase();
  }

  function compare(x, y, ascending) {
    if (x === null || y === null) { return x === y ? 0 : x === null ? 1 : -1; }
    var order = x < y ? -1 : x > y ? 1 : 0;
    return ascending ? order : -order;
  }

  function makeSortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, column) {
      th.setAttribute("tabindex", "0");
      function sort() {
        var numeric = th.getAttribute("data-sort-type") === "number";
        // The first click sorts best first: high scores and rates down, short waits and
        // rank 1 up (`data-sort-best`); a second click turns the order round.
        var current = th.getAttribute("aria-sort");
        var ascending = current === null
          ? th.getAttribute("data-sort-best") !== "high"
          : current !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          return compare(sortKey(a.cells[column], numeric), sortKey(b.cells[column], numeric), ascending);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
      });
    });
  }

  // A table wider than its column scrolls inside its wrapper; keyboard users need to reach it
  // (WCAG 2.1.1): a wrapper that scrolls becomes a focusable, named region. Whether it scrolls
  // is read when the browser has laid it out anyway (a ResizeObserver, on the wrapper and its
  // table: an off-screen wrapper under `content-visibility: auto` is laid out only when the
  // reader nears it), never by measuring every table before the first paint, which forced a
  // layout of the whole page. A wrapper that stops scrolling (a wider window) is a plain box
  // again.
  var WRAPS = ".md-typeset__scrollwrap, .magazine-table-wrap";
  var overflowWatch = window.ResizeObserver
    ? new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { markScrollable(entry.target.closest(WRAPS)); });
    })
    : null;

  function markScrollable(wrap) {
    if (!wrap) { return; }
    var scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      var caption = wrap.querySelector("caption, thead th");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : document.title);
      wrap.setAttribute("data-magazine-scrolls", "");
    } else if (!scrolls && wrap.hasAttribute("data-magazine-scrolls")) {
      ["tabindex", "role", "aria-label", "data-magazine-scrolls"].forEach(function (name) {
        wrap.removeAttribute(name);
      });
    }
  }

  function scrollable(wrap) {
    if (!overflowWatch) { markScrollable(wrap); return; }
    overflowWatch.observe(wrap);
    var table = wrap.querySelector("table");
    if (table) { overflowWatch.observe(table); }
  }

  // The viewer's modules load on the first page with a viewer; from then on every page shown
  // goes to them, so the viewers of a page left by instant navigation are disposed.
  function viewers() {
    if (!VIEWER || (!viewer && !document.querySelector("[data-theater]"))) { return; }
    viewer = viewer || import(VIEWER);
    viewer.then(function (module) { module.mount(document); });
  }

  // On a phone each row is a card of label/value pairs (magazine.css); a cell's label is its
  // column's header, which only the script can copy into the cell.
  function labelCells(table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    if (!names.length) { return; }
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, column) {
          if (names[column] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", names[column]);
          }
        });
      });
    });
  }

  // The copy button copies the prompt exactly as sent (its line breaks too), not the prose
  // the page shows. It stays hidden where the clipboard cannot be written.
  function copyButton(button) {
    if (!navigator.clipboard || button.hasAttribute("data-copy-ready")) { return; }
    button.setAttribute("data-copy-ready", "");
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-magazine-copy")).then(function () {
        button.textContent = button.getAttribute("data-copied");
        window.setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  }

  // Runs once the browser has painted the page: work the first screen does not need (the
  // viewer's modules, a dozen requests and their start-up) must not hold its first paint. A
  // tab opened in the background paints, and so starts its viewer, when it is first shown.
  function afterPaint(callback) {
    if (!window.requestAnimationFrame) { window.setTimeout(callback, 0); return; }
    window.requestAnimationFrame(function () { window.setTimeout(callback, 0); });
  }

  function start() {
    // Labels and sort buttons change no layout (magazine.css keeps their room), so they are
    // set at once: a reader may tap a header before anything else has run.
    document.querySelectorAll("button[data-magazine-copy]").forEach(copyButton);
    document.querySelectorAll(".md-typeset__table table, .magazine-table-wrap table").forEach(labelCells);
    document.querySelectorAll("table[data-magazine-sortable]").forEach(makeSortable);
    document.querySelectorAll(WRAPS).forEach(scrollable);
    afterPaint(viewers);
  }

  // Material's instant navigation swaps pages without a full load; document$ announces each.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
