// storyline: small progressive enhancements. The pages work without this file.
(function () {
  "use strict";
  var DAY = 86400000;

  function toDay(s) {            // "2025", "2025-03" or "2025-03-04" -> day number (start of the period)
    var p = s.split("-").map(Number);
    return Math.floor(Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1) / DAY);
  }
  function fmt(d) { return new Date(d * DAY).toISOString().slice(0, 10); }

  function chart() {
    var svg = document.getElementById("density"), src = document.getElementById("density-data");
    if (!svg || !src) return;
    var rows = JSON.parse(src.textContent).map(function (r) { return { d: toDay(r.date), n: r.n, date: r.date }; });
    var label = document.getElementById("range");
    if (!rows.length) { label.textContent = "no dated events"; return; }
    var full = [rows[0].d, rows[rows.length - 1].d + 1], view = full.slice();
    var NS = "http://www.w3.org/2000/svg";

    function el(name, attrs, text) {
      var e = document.createElementNS(NS, name);
      for (var k in attrs) e.setAttribute(k, attrs[k]);
      if (text) e.textContent = text;
      svg.appendChild(e);
      return e;
    }
    function draw() {
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      var W = svg.clientWidth || 800, H = 90, pad = 14, span = Math.max(1, view[1] - view[0]);
      var nb = Math.min(60, span), bw = span / nb, bins = new Array(nb).fill(0);
      rows.forEach(function (r) {
        if (r.d >= view[0] && r.d < view[1]) bins[Math.min(nb - 1, Math.floor((r.d - view[0]) / bw))] += r.n;
      });
      var max = Math.max.apply(null, bins.concat([1])), w = W / nb;
      bins.forEach(function (n, i) {
        if (!n) return;
        var h = (H - 2 * pad) * n / max, from = Math.floor(view[0] + i * bw);
        var r = el("rect", { "class": "bar", x: i * w + 1, y: H - pad - h, width: Math.max(1, w - 2), height: h,
                             "data-from": from, "data-to": Math.floor(view[0] + (i + 1) * bw) });
        var t = document.createElementNS(NS, "title");
        t.textContent = n + " event(s) from " + fmt(from);
        r.appendChild(t);
      });
      el("text", { x: 2, y: H - 2 }, fmt(view[0]));
      el("text", { x: W - 2, y: H - 2, "text-anchor": "end" }, fmt(view[1] - 1));
      el("text", { x: 2, y: 10 }, "max " + max);
      label.textContent = fmt(view[0]) + " – " + fmt(view[1] - 1);
    }
    function zoom(f, centre) {
      var span = view[1] - view[0], c = centre === undefined ? (view[0] + view[1]) / 2 : centre;
      var ns = Math.max(7, Math.min(full[1] - full[0] + 60, span * f));
      view = [Math.floor(c - ns / 2), Math.ceil(c + ns / 2)];
      draw();
    }
    function dayAt(x) { return view[0] + (view[1] - view[0]) * x / svg.clientWidth; }

    document.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "reset") { view = full.slice(); draw(); } else zoom(z === "in" ? 0.5 : 2);
      });
    });
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, dayAt(ev.offsetX));
    }, { passive: false });
    var down = null;   // drag across the chart to zoom into that range; a plain click jumps to the date
    svg.addEventListener("mousedown", function (ev) { down = ev.offsetX; });
    svg.addEventListener("mouseup", function (ev) {
      if (down === null) return;
      var a = Math.min(down, ev.offsetX), b = Math.max(down, ev.offsetX);
      down = null;
      if (b - a > 6) { view = [Math.floor(dayAt(a)), Math.ceil(dayAt(b))]; draw(); return; }
      var bar = ev.target.closest && ev.target.closest("rect.bar");
      if (bar) jump(+bar.getAttribute("data-from"));
    });
    function jump(day) {
      var days = document.querySelectorAll("section.day");
      for (var i = 0; i < days.length; i++) {
        var d = days[i].getAttribute("data-date");
        if (d !== "undated" && toDay(d) >= day) { days[i].scrollIntoView({ behavior: "smooth" }); return; }
      }
    }
    window.addEventListener("resize", draw);
    draw();
  }

  function timelineTools() {
    var hide = document.getElementById("hide-other");
    if (hide) hide.addEventListener("change", function () {
      document.querySelectorAll('details.card[data-type="other"]').forEach(function (c) {
        c.hidden = hide.checked;
      });
      document.querySelectorAll("section.day").forEach(function (s) {
        s.hidden = !s.querySelector("details.card:not([hidden])");
      });
    });
    var all = document.getElementById("expand-all");
    if (all) all.addEventListener("click", function () {
      var cards = document.querySelectorAll("details.card"), open = !Array.prototype.every.call(cards, function (c) { return c.open; });
      cards.forEach(function (c) { c.open = open; });
    });
    // A link to an event (#ev-...) opens its card.
    if (location.hash) {
      var t = document.getElementById(location.hash.slice(1));
      if (t && t.tagName === "DETAILS") {
        t.open = true;
        var box = t.parentElement && t.parentElement.closest("details.minor");
        if (box) box.open = true;
      } else if (!t && document.getElementById("show-all")) {
        location.replace("?view=all" + location.hash);   // a minor event lives in the full view
      }
    }
  }

  chart();
  timelineTools();
})();
