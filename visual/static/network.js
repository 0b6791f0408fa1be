/* hdkg network view.
 *
 * Data comes from <script type="application/json" id="hdkg-data"> (never executed) and, on the
 * served page, from /network, /links/{id} and /actors. Every name and sentence comes from articles,
 * so text reaches the DOM only through textContent and DOM nodes, never innerHTML; links to
 * articles keep only http(s) URLs. Physics stops after the first stabilisation.
 */
(function () {
  "use strict";

  var cfg = JSON.parse(document.getElementById("hdkg-data").textContent);
  var served = cfg.mode === "served";
  var urls = cfg.urls || {};
  var DEFAULT = "#97a3b0";
  var MAX_LINKS = 20;
  var t0 = performance.now();

  var fullNodes = cfg.nodes;
  var fullEdges = cfg.edges;
  var nodes = new vis.DataSet(fullNodes);
  var edges = new vis.DataSet(fullEdges);
  var container = document.getElementById("network");
  var loading = document.getElementById("loading");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, cfg.options);
  var ego = null;

  var api = {
    network: network,
    stabilizations: 0,
    nodes: function () { return nodes; },
    edges: function () { return edges; },
  };
  window.hdkg = api;
  window.__hdkgNetwork = network;

  /* ---------- helpers ---------- */

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function safeUrl(u) {
    if (typeof u !== "string" || !u) return null;
    try {
      var p = new URL(u, window.location.href);
      return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
    } catch (e) {
      return null;
    }
  }

  function typeLabel(kind) { return cfg.labels.types[kind] || kind; }
  function specLabel(id) { return cfg.labels.specialties[id] || id; }

  /* Mirrors visual/vis_items.py for data re-queried from /network. */
  function nodeTitle(n) {
    var where = n.country ? " · " + n.country : "";
    return n.label + "\n" + typeLabel(n.kind) + where + "\n" + n.degree + " partners · " + n.links + " links";
  }

  function edgeLabel(e) {
    var names = e.specialties.map(specLabel);
    var more = names.length > 2 ? " +" + (names.length - 2) : "";
    var shown = names.slice(0, 2).join(", ");
    return shown ? e.kind + ": " + shown + more : e.kind;
  }

  function edgeTitle(e) {
    var names = e.specialties.map(specLabel).join(", ") || "no specialty";
    return e.kind + " (" + e.status + ")\n" + names + "\n" + e.link_ids.length + " links · " + e.sources + " sources";
  }

  function parallelCurves(list) {
    var groups = {}, out = {};
    list.forEach(function (e) {
      var k = JSON.stringify([e.source, e.target]);
      (groups[k] = groups[k] || []).push(e.id);
    });
    Object.keys(groups).forEach(function (k) {
      var ids = groups[k];
      if (ids.length < 2) return;
      ids.forEach(function (id, i) {
        var r = Math.round(0.12 * (1 + Math.floor(i / 2)) * 100) / 100;
        out[id] = { enabled: true, type: i % 2 === 0 ? "curvedCW" : "curvedCCW", roundness: r };
      });
    });
    return out;
  }

  function toVis(d) {
    var curves = parallelCurves(d.edges);
    var vn = d.nodes.map(function (n) {
      return {
        id: n.id, label: n.label || n.id, shape: "dot", color: cfg.colours.actors[n.kind] || DEFAULT,
        value: Math.max(n.degree, 1), title: nodeTitle(n), kind: n.kind, country: n.country,
        degree: n.degree, links: n.links,
      };
    });
    var ve = d.edges.map(function (e) {
      var v = {
        id: e.id, from: e.source, to: e.target, arrows: { to: { enabled: false } }, label: edgeLabel(e),
        title: edgeTitle(e), color: cfg.colours.links[e.kind] || DEFAULT,
        dashes: cfg.colours.dashed.indexOf(e.status) >= 0, value: Math.max(e.sources, 1), kind: e.kind,
        status: e.status, specialties: e.specialties, sources: e.sources, link_ids: e.link_ids,
      };
      if (curves[e.id]) v.smooth = curves[e.id];
      return v;
    });
    return { nodes: vn, edges: ve };
  }

  /* ---------- layout: physics stops after stabilisation ---------- */

  function onStable() {
    network.setOptions({ physics: { enabled: false } });
    api.stabilizations += 1;
    window.__hdkgLayoutMs = performance.now() - t0;
    window.__hdkgStabilizedMs = performance.now();
    loading.hidden = true;
  }

  function waitStable() {
    loading.hidden = false;
    if (nodes.length === 0) {
      onStable();
      return;
    }
    network.once("stabilizationIterationsDone", onStable);
  }

  function resetDetails() {
    clear(body);
    delete body.dataset.id;
    delete body.dataset.loaded;
    body.appendChild(el("p", "Click an actor or a link to see its details and the sentences that prove it.", "hint"));
  }

  function setGraph(vn, ve) {
    t0 = performance.now();
    resetDetails();
    nodes = new vis.DataSet(vn);
    edges = new vis.DataSet(ve);
    network.setOptions({ physics: { enabled: true } });
    waitStable();
    network.setData({ nodes: nodes, edges: edges });
    if (nodes.length > 0) network.stabilize();
    updateStatus();
  }

  waitStable();

  /* ---------- status line ---------- */

  function updateStatus() {
    var s = document.getElementById("status");
    var what = cfg.level === "country" ? "nodes" : "actors";
    var text = nodes.length + " " + what + ", " + edges.length + " edges shown";
    s.className = "status";
    if (cfg.truncated) {
      text += " — the " + cfg.nodes.length + " most connected of " + cfg.total_nodes + "; narrow the filters to see the rest";
      s.className = "status warn";
    }
    s.textContent = text;
    var bar = document.getElementById("ego-bar");
    bar.hidden = !ego;
    if (ego) document.getElementById("ego-name").textContent = ego.label;
  }

  /* ---------- filters ---------- */

  var form = document.getElementById("filters");

  function formFilters() {
    var out = {};
    new FormData(form).forEach(function (v, k) {
      if (typeof v === "string" && v !== "") out[k] = v;
    });
    return out;
  }

  function query(f) {
    var p = new URLSearchParams();
    Object.keys(f).forEach(function (k) { if (f[k] !== "" && f[k] != null) p.set(k, f[k]); });
    return p.toString();
  }

  function linkPasses(id, e, f) {
    var l = cfg.links[id] || {};
    var kind = l.kind || e.kind, status = l.status || e.status;
    var specs = l.specialties || e.specialties || [], areas = l.areas || [], date = l.date || null;
    if (f.kind && kind !== f.kind) return false;
    if (f.status && status !== f.status) return false;
    if (f.specialty && specs.indexOf(f.specialty) < 0) return false;
    if (f.area && areas.indexOf(f.area) < 0) return false;
    if (f.since || f.until) {
      if (!date) return false;
      if (f.since && date < f.since) return false;
      if (f.until && date > f.until) return false;
    }
    return true;
  }

  /* Standalone: the file holds the whole graph, so filters and ego networks are computed here,
   * as graph/network.py does: depth 1 keeps the ego's edges, depth 2 also its partners' edges. */
  function clientGraph(f, egoId) {
    var byId = {};
    fullNodes.forEach(function (n) { byId[n.id] = n; });
    var ve = fullEdges.filter(function (e) {
      if (f.country) {
        var a = byId[e.from] || {}, b = byId[e.to] || {};
        if ((a.country || "XX") !== f.country && (b.country || "XX") !== f.country) return false;
      }
      return e.link_ids.some(function (id) { return linkPasses(id, e, f); });
    });
    var keep = {};
    var filtered = ["specialty", "country", "kind", "status", "since", "until", "area"].some(function (k) { return f[k]; });
    if (egoId) {
      var centre = {};  /* the nodes whose edges are drawn: the ego, and at depth 2 its partners */
      centre[egoId] = true;
      if (Number(f.depth) === 2) {
        ve.forEach(function (e) {
          if (e.from === egoId) centre[e.to] = true;
          if (e.to === egoId) centre[e.from] = true;
        });
      }
      ve = ve.filter(function (e) { return centre[e.from] || centre[e.to]; });
      keep[egoId] = true;
      ve.forEach(function (e) { keep[e.from] = true; keep[e.to] = true; });
    } else if (filtered) {
      ve.forEach(function (e) { keep[e.from] = true; keep[e.to] = true; });
    } else {
      fullNodes.forEach(function (n) { keep[n.id] = true; });
    }
    ve = ve.filter(function (e) { return keep[e.from] && keep[e.to]; });
    return { nodes: fullNodes.filter(function (n) { return keep[n.id]; }), edges: ve };
  }

  function fetchNetwork(f) {
    var qs = query(f);
    return fetch(urls.network + "?" + qs, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("/network answered " + r.status);
      return r.json();
    }).then(function (d) {
      cfg.truncated = d.truncated;
      cfg.total_nodes = d.total_nodes;
      cfg.level = d.level;
      var v = toVis(d);
      cfg.nodes = v.nodes;
      setGraph(v.nodes, v.edges);
      history.replaceState(null, "", urls.view + "?" + qs);
    }).catch(function (err) {
      console.warn("hdkg: falling back to a page load:", err.message);
      window.location.assign(urls.view + "?" + qs);
    });
  }

  function apply() {
    var f = formFilters();
    if (served) return fetchNetwork(f);
    var g = clientGraph(f, ego ? ego.id : null);
    setGraph(g.nodes, g.edges);
    return Promise.resolve();
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    apply();
  });

  document.getElementById("reset").addEventListener("click", function () {
    Array.prototype.forEach.call(form.querySelectorAll("select, input"), function (i) {
      if (i.name === "level") i.value = "actor";
      else if (i.name === "depth") i.value = "1";
      else if (i.name === "limit") i.value = i.defaultValue;
      else i.value = "";
    });
    ego = null;
    apply();
  });

  /* ---------- ego network ---------- */

  function showEgo(id, label) {
    ego = { id: id, label: label || id };
    document.getElementById("f-actor").value = served ? id : "";
    return apply().then(function () {
      updateStatus();
      showNode(id);
    });
  }

  document.getElementById("ego-clear").addEventListener("click", function () {
    ego = null;
    document.getElementById("f-actor").value = "";
    apply();
  });

  /* ---------- details ---------- */

  var body = document.getElementById("details-body");

  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      d.appendChild(el("dt", p[0]));
      d.appendChild(el("dd", p[1]));
    });
    return d;
  }

  function button(text, onClick) {
    var b = el("button", text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function loadLinks(ids) {
    ids = ids.slice(0, MAX_LINKS);
    if (!served) return Promise.resolve(ids.map(function (id) { return cfg.links[id] || { id: id }; }));
    return Promise.all(ids.map(function (id) {
      return fetch(urls.link + encodeURIComponent(id), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { id: id, missing: true }; })
        .catch(function () { return { id: id, missing: true }; });
    }));
  }

  function linkCard(l) {
    var card = el("div", null, "link-card");
    card.dataset.linkId = l.id;
    var meta = [l.date || "undated", l.kind, l.status ? "(" + l.status + ")" : ""].join(" ");
    card.appendChild(el("div", meta, "meta"));
    if (l.missing) {
      card.appendChild(el("div", "details unavailable for " + l.id, "hint"));
      return card;
    }
    var sides = (l.sides || []).map(function (s) {
      return s.map(function (a) { return a.name || a.id; }).join(", ");
    });
    if (sides.length) card.appendChild(el("div", sides.join(" ↔ ")));
    if (l.specialties && l.specialties.length) {
      card.appendChild(el("div", l.specialties.map(specLabel).join(", "), "meta"));
    }
    var articles = {};
    (l.articles || []).forEach(function (a) { articles[a.id] = a; });
    (l.evidence || []).forEach(function (ev) {
      var q = el("blockquote", ev.text, "evidence");
      card.appendChild(q);
      var art = articles[ev.article_id];
      if (art) {
        var src = el("div", null, "source");
        var href = safeUrl(art.url);
        var name = art.title || art.url || art.id;
        if (href) {
          var a = el("a", name);
          a.href = href;
          a.target = "_blank";
          a.rel = "noopener noreferrer nofollow";
          src.appendChild(a);
        } else {
          src.appendChild(el("span", name));
        }
        if (art.date) src.appendChild(el("span", " · " + art.date));
        card.appendChild(src);
      }
    });
    if (!(l.evidence || []).length) card.appendChild(el("div", "no evidence sentence stored", "hint"));
    return card;
  }

  function showLinks(target, ids) {
    var box = el("div", null, "links");
    box.appendChild(el("h3", "Evidence (" + Math.min(ids.length, MAX_LINKS) + " of " + ids.length + " links)"));
    target.appendChild(box);
    return loadLinks(ids).then(function (ls) {
      ls.forEach(function (l) { box.appendChild(linkCard(l)); });
      body.dataset.loaded = String(Date.now());
    });
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) return Promise.resolve();
    clear(body);
    delete body.dataset.loaded;  /* set again once this item's evidence is in */
    body.dataset.kind = "node";
    body.dataset.id = id;
    body.appendChild(el("div", n.label, "title"));
    body.appendChild(dl([
      ["Type", typeLabel(n.kind)], ["Country", n.country], ["Partners", n.degree], ["Links", n.links],
    ]));
    var actions = el("div", null, "actions");
    if (n.kind !== "Country" || cfg.level === "actor") {
      actions.appendChild(button("Ego network", function () { showEgo(id, n.label); }));
    }
    body.appendChild(actions);
    var connected = network.getConnectedEdges(id).map(function (eid) { return edges.get(eid); }).filter(Boolean);
    connected.sort(function (a, b) { return b.sources - a.sources; });
    var ul = el("ul", null, "partners");
    connected.slice(0, 30).forEach(function (e) {
      var other = nodes.get(e.from === id ? e.to : e.from);
      var li = el("li");
      li.appendChild(button((other ? other.label : "?") + " — " + e.kind + ", " + e.status + " (" + e.link_ids.length + ")", function () {
        network.selectEdges([e.id]);
        showEdge(e.id);
      }));
      ul.appendChild(li);
    });
    if (connected.length) {
      body.appendChild(el("h3", "Partners"));
      body.appendChild(ul);
    }
    var ids = [];
    connected.forEach(function (e) { e.link_ids.forEach(function (l) { if (ids.indexOf(l) < 0) ids.push(l); }); });
    return showLinks(body, ids);
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) return Promise.resolve();
    var a = nodes.get(e.from), b = nodes.get(e.to);
    clear(body);
    delete body.dataset.loaded;  /* set again once this item's evidence is in */
    body.dataset.kind = "edge";
    body.dataset.id = id;
    body.appendChild(el("div", (a ? a.label : e.from) + " ↔ " + (b ? b.label : e.to), "title"));
    body.appendChild(dl([
      ["Kind", e.kind], ["Status", e.status], ["Specialties", e.specialties.map(specLabel).join(", ")],
      ["Links", e.link_ids.length], ["Sources", e.sources],
    ]));
    return showLinks(body, e.link_ids);
  }

  api.showNode = showNode;
  api.showEdge = showEdge;
  api.showEgo = showEgo;
  api.apply = apply;
  api.toVis = toVis;

  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  /* ---------- search ---------- */

  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  var timer = null;

  function resultItem(text, far, onClick) {
    var li = el("li");
    var b = button(text, onClick);
    if (far) b.appendChild(el("span", " " + far, "far"));
    li.appendChild(b);
    results.appendChild(li);
  }

  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showNode(id);
  }

  function runSearch() {
    var q = search.value.trim().toLowerCase();
    clear(results);
    if (!q) return;
    var local = nodes.get({
      filter: function (n) { return String(n.label).toLowerCase().indexOf(q) >= 0 || String(n.id).toLowerCase() === q; },
    }).slice(0, 10);
    local.forEach(function (n) {
      resultItem(n.label, n.country || "", function () { focusNode(n.id); });
    });
    if (!served || cfg.level !== "actor") return;
    fetch(urls.actors + "?" + query({ q: search.value.trim(), limit: 10 }), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (d) {
        if (search.value.trim().toLowerCase() !== q) return;
        (d.items || []).forEach(function (a) {
          if (nodes.get(a.id)) return;
          resultItem(a.name, "not shown — load its network", function () { showEgo(a.id, a.name); });
        });
      })
      .catch(function () { /* the local matches stand */ });
  }

  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 200);
  });

  if (cfg.filters && cfg.filters.actor) {
    var start = nodes.get(cfg.filters.actor);
    ego = { id: cfg.filters.actor, label: start ? start.label : cfg.filters.actor };
  }
  updateStatus();
})();
