// A page: arrows from each quote to its speaker mention (SVG, redrawn on resize), and hover/focus
// linking of a span with its matched counterpart, its speaker and its arrow.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function parts(ref) {
    return Array.prototype.slice.call(document.querySelectorAll('[data-ref="' + ref + '"]'));
  }

  function rects(elements) {
    var out = [];
    elements.forEach(function (el) {
      Array.prototype.forEach.call(el.getClientRects(), function (r) { out.push(r); });
    });
    return out;
  }

  function centre(r) { return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 }; }

  function nearest(from, to) {
    // The pair of boxes (one of each span) whose centres are closest.
    var best = null;
    from.forEach(function (a) {
      to.forEach(function (b) {
        var p = centre(a), q = centre(b);
        var d = Math.hypot(p.x - q.x, p.y - q.y);
        if (!best || d < best.d) best = { d: d, a: a, b: b };
      });
    });
    return best;
  }

  function arrowHead(svg, side) {
    var marker = document.createElementNS(SVG, "marker");
    marker.setAttribute("id", "head-" + side);
    marker.setAttribute("viewBox", "0 0 10 10");
    marker.setAttribute("refX", "9");
    marker.setAttribute("refY", "5");
    marker.setAttribute("markerWidth", "7");
    marker.setAttribute("markerHeight", "7");
    marker.setAttribute("orient", "auto-start-reverse");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", "M 0 0 L 10 5 L 0 10 z");
    path.setAttribute("class", "connector-head-" + side);
    marker.appendChild(path);
    return marker;
  }

  function draw(wrap) {
    var svg = wrap.querySelector("svg.connectors");
    if (!svg) return;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var box = wrap.getBoundingClientRect();
    svg.setAttribute("width", box.width);
    svg.setAttribute("height", box.height);
    var defs = document.createElementNS(SVG, "defs");
    defs.appendChild(arrowHead(svg, "gold"));
    defs.appendChild(arrowHead(svg, "pred"));
    svg.appendChild(defs);
    wrap.querySelectorAll("[data-speaker][data-first]").forEach(function (quote) {
      var ref = quote.getAttribute("data-ref");
      var speaker = parts(quote.getAttribute("data-speaker"));
      var pair = nearest(rects(parts(ref)), rects(speaker));
      if (!pair) return;
      var p = centre(pair.a), q = centre(pair.b);
      var x1 = p.x - box.left, y1 = pair.a.top - box.top;
      var x2 = q.x - box.left, y2 = pair.b.top - box.top;
      var lift = Math.max(18, Math.abs(x2 - x1) / 6);
      var path = document.createElementNS(SVG, "path");
      var side = quote.getAttribute("data-side");
      path.setAttribute("d", "M " + x1 + " " + y1 + " C " + x1 + " " + (Math.min(y1, y2) - lift) +
        " " + x2 + " " + (Math.min(y1, y2) - lift) + " " + x2 + " " + y2);
      path.setAttribute("class", "connector " + side + " o-" + quote.getAttribute("data-outcome"));
      path.setAttribute("marker-end", "url(#head-" + side + ")");
      path.setAttribute("data-from", ref);
      svg.appendChild(path);
    });
  }

  function drawAll() {
    document.querySelectorAll(".text-wrap").forEach(draw);
  }

  function related(el) {
    var refs = [el.getAttribute("data-ref"), el.getAttribute("data-partner"), el.getAttribute("data-speaker")];
    var partner = el.getAttribute("data-partner");
    if (partner) {
      var other = document.getElementById(partner);
      if (other && other.getAttribute("data-speaker")) refs.push(other.getAttribute("data-speaker"));
    }
    var out = [];
    refs.forEach(function (ref) { if (ref) out = out.concat(parts(ref)); });
    [el.getAttribute("data-ref"), partner].forEach(function (ref) {
      if (!ref) return;
      document.querySelectorAll('path[data-from="' + ref + '"]').forEach(function (p) { out.push(p); });
    });
    return out;
  }

  function setActive(el, on) {
    related(el).forEach(function (node) { node.classList.toggle("is-active", on); });
  }

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var el = event.target.closest && event.target.closest("mark[data-ref]");
      if (el) setActive(el, true);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var el = event.target.closest && event.target.closest("mark[data-ref]");
      if (el) setActive(el, false);
    });
  });

  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(drawAll, 100);
  });
  drawAll();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(drawAll);
})();
