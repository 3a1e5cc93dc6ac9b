/*
 * engram dashboard: one page, no build step, no libraries. Everything it shows comes from the JSON API with the key
 * the user pastes (kept in sessionStorage only):
 *   GET /v1/stats?by=day|hour[&agent=&task=]  totals, outcome mix, reward_histogram, replay, the series per agent/task
 *   GET /v1/memory/{agent}                     mistake cards (with seen counts) of each agent
 *   GET /v1/memory/{agent}/context[?task=]     the memory context an agent would get now
 *   GET /v1/stream                             server-sent events, read with fetch (EventSource cannot send a header)
 * Charts are inline SVG drawn here; every mark carries data-* attributes with the numbers it shows.
 */
(function () {
  "use strict";

  var KEY = "engram.apiKey";
  var SVG = "http://www.w3.org/2000/svg";
  var COLORS = ["#2563eb", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];
  var OUTCOME_COLORS = { success: "#059669", partial: "#d97706", failure: "#dc2626" };
  var MAX_LINES = COLORS.length;
  var MAX_FEED = 50;
  var MAX_CARD_AGENTS = 12;
  var REFRESH_MS = 30000;
  var REFUSED = "The server refused this key (401): it is unknown, revoked, or mistyped. Paste another one.";

  var state = { stats: null, split: "agent", feedAbort: null, lastEventId: null, refreshTimer: null, pending: null, generation: 0 };

  function $(id) { return document.getElementById(id); }

  // ---- the key ---------------------------------------------------------------------------------------------------

  function apiKey() { return sessionStorage.getItem(KEY); }

  function showLogin(message) {
    stopFeed();
    $("board").hidden = true;
    $("filters").hidden = true;
    $("login").hidden = false;
    $("login-error").hidden = !message;
    $("login-error").textContent = message || "";
    $("api-key").value = "";
    $("api-key").focus();
  }

  function forgetKey(message) {
    sessionStorage.removeItem(KEY);
    state.generation++;
    showLogin(message);
  }

  // ---- the API ---------------------------------------------------------------------------------------------------

  function ApiError(status, code, message) {
    this.status = status; this.code = code; this.message = message;
  }

  function api(path) {
    return fetch(path, { headers: { "Authorization": "Bearer " + apiKey(), "Accept": "application/json" } })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return response.json().catch(function () { return {}; }).then(function (body) {
          var error = body && body.error ? body.error : {};
          throw new ApiError(response.status, error.code || "http_" + response.status, error.message || response.statusText);
        });
      });
  }

  function failed(error) {
    if (error instanceof ApiError && error.status === 401) {
      forgetKey(REFUSED);
      return;
    }
    var banner = $("board-error");
    banner.hidden = false;
    banner.textContent = error instanceof ApiError
      ? "The server answered " + error.status + " (" + error.code + "): " + error.message
      : "Could not reach the server: " + error.message;
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      if (params[k]) { parts.push(encodeURIComponent(k) + "=" + encodeURIComponent(params[k])); }
    });
    return parts.length ? "?" + parts.join("&") : "";
  }

  // ---- formatting ------------------------------------------------------------------------------------------------

  function pct(x) { return x == null ? "–" : (Math.round(x * 1000) / 10).toFixed(1) + "%"; }
  function fixed(x, d) { return x == null ? "–" : Number(x).toFixed(d); }
  function count(n) { return n == null ? "–" : Number(n).toLocaleString("en-US"); }
  function day(iso, bucket) {
    var d = new Date(iso);
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    var text = months[d.getUTCMonth()] + " " + d.getUTCDate();
    return bucket === "hour" ? text + " " + String(d.getUTCHours()).padStart(2, "0") + ":00" : text;
  }
  function clock(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "" : d.toISOString().replace("T", " ").slice(0, 19) + "Z";
  }

  function node(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) { e.textContent = text; }
    return e;
  }

  function tip(element, text) { element.appendChild(svg("title", {}, text)); return element; }

  function empty(container, text) {
    var list = container.tagName === "OL" || container.tagName === "UL";
    container.replaceChildren(node(list ? "li" : "p", { "class": "empty" }, text));
  }

  // ---- loading ---------------------------------------------------------------------------------------------------

  function filters() {
    return { agent: $("agent-filter").value, task: $("task-filter").value, by: $("bucket").value };
  }

  function refresh() {
    var generation = state.generation;
    var f = filters();
    return api("/v1/stats" + query(f)).then(function (stats) {
      if (generation !== state.generation) { return; }
      $("board-error").hidden = true;
      state.stats = stats;
      if (!f.agent && !f.task) { fillFilters(stats); }
      renderKpis(stats);
      renderSeries();
      renderOutcomes(stats);
      renderRewards(stats);
      renderReplay(stats);
      $("updated").textContent = "updated " + new Date().toISOString().slice(11, 19) + " UTC";
      return Promise.all([loadCards(Object.keys(stats.by_agent)), loadContext()]);
    }).catch(function (e) { if (generation === state.generation) { failed(e); } });
  }

  function soon() {
    clearTimeout(state.pending);
    state.pending = setTimeout(refresh, 1500);
  }

  function fillFilters(stats) {
    fillSelect($("agent-filter"), Object.keys(stats.by_agent), "all agents");
    fillSelect($("task-filter"), Object.keys(stats.by_task), "all tasks");
    var agents = Object.keys(stats.by_agent);
    var ctx = $("context-agent");
    var keep = ctx.value;
    ctx.replaceChildren();
    agents.forEach(function (a) { ctx.appendChild(node("option", { value: a }, a)); });
    if (agents.indexOf(keep) >= 0) { ctx.value = keep; }
    ctx.parentNode.hidden = !agents.length;
  }

  function fillSelect(select, values, allLabel) {
    var keep = select.value;
    select.replaceChildren(node("option", { value: "" }, allLabel));
    values.forEach(function (v) { select.appendChild(node("option", { value: v }, v)); });
    select.value = values.indexOf(keep) >= 0 ? keep : "";
  }

  // ---- totals ----------------------------------------------------------------------------------------------------

  function kpi(id, value, text) {
    var e = $(id);
    e.textContent = text;
    e.setAttribute("data-value", value == null ? "" : String(value));
  }

  function renderKpis(stats) {
    var total = stats.total_trajectories;
    var successes = stats.by_outcome.success || 0;
    kpi("kpi-total", total, count(total));
    kpi("kpi-success", total ? successes / total : null, total ? pct(successes / total) : "–");
    kpi("kpi-reward", stats.mean_reward, fixed(stats.mean_reward, 3));
    kpi("kpi-replays", stats.replay.total_replays, count(stats.replay.total_replays));
  }

  // ---- success rate over time ------------------------------------------------------------------------------------

  function seriesLines(stats, split) {
    var series = stats.series || [];
    if (split === "all") {
      return [{ key: "all", points: series.map(function (b) { return { bucket: b.bucket, rate: b.success_rate, count: b.count }; }) }];
    }
    var field = split === "agent" ? "by_agent" : "by_task";
    var totals = {};
    series.forEach(function (b) {
      Object.keys(b[field] || {}).forEach(function (k) { totals[k] = (totals[k] || 0) + b[field][k].count; });
    });
    var keys = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); });
    return keys.slice(0, MAX_LINES).map(function (k) {
      var points = [];
      series.forEach(function (b) {
        var g = (b[field] || {})[k];
        if (g) { points.push({ bucket: b.bucket, rate: g.success_rate, count: g.count }); }
      });
      return { key: k, points: points, hidden: keys.length - MAX_LINES };
    });
  }

  function renderSeries() {
    var stats = state.stats;
    var box = $("series-chart");
    var legend = $("series-legend");
    legend.replaceChildren();
    if (!stats) { return; }
    var series = stats.series || [];
    box.setAttribute("data-buckets", String(series.length));
    if (!series.length) {
      empty(box, "No trajectories yet. Record some and the success rate of each agent and task appears here, one point per " + filters().by + ".");
      return;
    }
    var lines = seriesLines(stats, state.split);
    var width = Math.max(box.clientWidth || 0, 480), height = 260;
    var m = { left: 44, right: 16, top: 12, bottom: 30 };
    var w = width - m.left - m.right, h = height - m.top - m.bottom;
    var times = series.map(function (b) { return Date.parse(b.bucket); });
    var t0 = times[0], t1 = times[times.length - 1];
    function x(iso) { return m.left + (t1 === t0 ? w / 2 : (Date.parse(iso) - t0) / (t1 - t0) * w); }
    function y(rate) { return m.top + (1 - rate) * h; }

    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img",
      "aria-label": "success rate over time", "data-chart": "success-rate", "data-split": state.split });
    [0, 0.25, 0.5, 0.75, 1].forEach(function (r) {
      chart.appendChild(svg("line", { x1: m.left, x2: width - m.right, y1: y(r), y2: y(r), "class": r === 0 ? "axis" : "grid" }));
      chart.appendChild(svg("text", { x: m.left - 8, y: y(r) + 4, "class": "tick", "text-anchor": "end" }, Math.round(r * 100) + "%"));
    });
    var every = Math.max(1, Math.ceil(series.length / Math.max(2, Math.floor(w / 80))));
    series.forEach(function (b, i) {
      if (i % every === 0 || i === series.length - 1 && (series.length - 1) % every > every / 2) {
        chart.appendChild(svg("text", { x: x(b.bucket), y: height - 8, "class": "tick", "text-anchor": "middle" }, day(b.bucket, filters().by)));
      }
    });
    lines.forEach(function (line, i) {
      var color = line.key === "all" ? "#111827" : COLORS[i % COLORS.length];
      var g = svg("g", { "class": "line", "data-key": line.key, "data-points": String(line.points.length) });
      var d = line.points.map(function (p, j) { return (j ? "L" : "M") + x(p.bucket).toFixed(1) + "," + y(p.rate).toFixed(1); }).join(" ");
      g.appendChild(svg("path", { d: d, stroke: color, fill: "none", "stroke-width": 2, "stroke-linejoin": "round" }));
      line.points.forEach(function (p) {
        g.appendChild(tip(svg("circle", { cx: x(p.bucket), cy: y(p.rate), r: line.points.length > 40 ? 2 : 3.5, fill: color,
          "data-bucket": p.bucket, "data-rate": String(p.rate), "data-count": String(p.count) }),
          line.key + " · " + day(p.bucket, filters().by) + ": " + pct(p.rate) + " of " + p.count));
      });
      chart.appendChild(g);
      var item = node("span", { "class": "legend-item", "data-key": line.key });
      var swatch = node("i", { "class": "swatch" });
      swatch.style.background = color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(line.key === "all" ? "all trajectories" : line.key));
      legend.appendChild(item);
    });
    if (lines.length && lines[0].hidden > 0) {
      legend.appendChild(node("span", { "class": "legend-more" }, "+" + lines[0].hidden + " more (pick one above)"));
    }
    box.replaceChildren(chart);
  }

  // ---- outcome mix -----------------------------------------------------------------------------------------------

  function renderOutcomes(stats) {
    var box = $("outcome-chart");
    var total = stats.total_trajectories;
    if (!total) { empty(box, "No outcomes yet."); return; }
    var width = Math.max(box.clientWidth || 0, 240), height = 28;
    var bar = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, "data-chart": "outcomes", role: "img",
      "aria-label": "outcome mix" });
    var list = node("ul", { "class": "outcomes" });
    var at = 0;
    ["success", "partial", "failure"].forEach(function (o) {
      var n = stats.by_outcome[o] || 0;
      var share = n / total;
      if (n) {
        bar.appendChild(tip(svg("rect", { x: at, y: 0, width: share * width, height: height, rx: 0, fill: OUTCOME_COLORS[o],
          "data-outcome": o, "data-count": String(n) }), o + ": " + n));
      }
      at += share * width;
      var li = node("li", { "data-outcome": o, "data-count": String(n) });
      var swatch = node("i", { "class": "swatch" });
      swatch.style.background = OUTCOME_COLORS[o];
      li.appendChild(swatch);
      li.appendChild(node("span", { "class": "name" }, o));
      li.appendChild(node("span", { "class": "num" }, count(n)));
      li.appendChild(node("span", { "class": "num dim" }, pct(share)));
      list.appendChild(li);
    });
    var wrap = node("div", { "class": "bar-round" });
    wrap.appendChild(bar);
    box.replaceChildren(wrap, list);
  }

  // ---- reward distribution ---------------------------------------------------------------------------------------

  function renderRewards(stats) {
    var box = $("reward-chart");
    var buckets = stats.reward_histogram;
    if (!buckets) { empty(box, "This store does not report a reward histogram."); return; }
    var total = buckets.reduce(function (s, b) { return s + b.count; }, 0);
    if (!total) { empty(box, "No rewards yet."); return; }
    var most = Math.max.apply(null, buckets.map(function (b) { return b.count; }));
    var width = Math.max(box.clientWidth || 0, 260), height = 200;
    var m = { left: 8, right: 8, top: 18, bottom: 24 };
    var w = width - m.left - m.right, h = height - m.top - m.bottom;
    var slot = w / buckets.length;
    var chart = svg("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, "data-chart": "rewards",
      "data-total": String(total), role: "img", "aria-label": "reward distribution" });
    buckets.forEach(function (b, i) {
      var bh = most ? b.count / most * h : 0;
      var last = i === buckets.length - 1;
      var label = "[" + fixed(b.from, 1) + ", " + fixed(b.to, 1) + (last ? "]" : ")");
      chart.appendChild(tip(svg("rect", { x: m.left + i * slot + 2, y: m.top + h - bh, width: slot - 4, height: Math.max(bh, b.count ? 1 : 0),
        rx: 2, "class": "bar", "data-from": String(b.from), "data-to": String(b.to), "data-count": String(b.count) }),
        "reward " + label + ": " + b.count));
      if (b.count) {
        chart.appendChild(svg("text", { x: m.left + (i + 0.5) * slot, y: m.top + h - bh - 4, "class": "bar-label", "text-anchor": "middle" }, count(b.count)));
      }
    });
    chart.appendChild(svg("line", { x1: m.left, x2: width - m.right, y1: m.top + h, y2: m.top + h, "class": "axis" }));
    for (var t = 0; t <= buckets.length; t += 2) {
      chart.appendChild(svg("text", { x: m.left + t * slot, y: height - 6, "class": "tick", "text-anchor": t === 0 ? "start" : t === buckets.length ? "end" : "middle" },
        (t / buckets.length).toFixed(1)));
    }
    var high = buckets[buckets.length - 1].count;
    var note = node("p", { "class": "meta", "data-high": String(high) },
      count(high) + " of " + count(total) + " runs (" + pct(high / total) + ") scored 0.9 or more; buckets are tenths of [0,\u00a01].");
    var agents = Object.keys(stats.by_agent);
    var rows = node("ul", { "class": "hbars", "data-chart": "reward-by-agent" });
    agents.forEach(function (a) {
      var g = stats.by_agent[a];
      var li = node("li", { "data-agent": a, "data-mean-reward": String(g.mean_reward) });
      li.appendChild(node("span", { "class": "name", title: a }, a));
      var track = node("span", { "class": "track" });
      var fill = node("span", { "class": "fill" });
      fill.style.width = ((g.mean_reward || 0) * 100).toFixed(1) + "%";
      track.appendChild(fill);
      li.appendChild(track);
      li.appendChild(node("span", { "class": "num" }, fixed(g.mean_reward, 3)));
      rows.appendChild(li);
    });
    box.replaceChildren(chart, note, node("h3", {}, "mean reward by agent"), rows);
  }

  // ---- replay ----------------------------------------------------------------------------------------------------

  function renderReplay(stats) {
    var r = stats.replay;
    var facts = $("replay-facts");
    facts.replaceChildren();
    [["index size", count(r.size), r.size], ["replays drawn", count(r.total_replays), r.total_replays],
      ["mean loss", fixed(r.mean_loss, 3), r.mean_loss]].forEach(function (f) {
      var div = node("div", { "data-fact": f[0], "data-value": f[2] == null ? "" : String(f[2]) });
      div.appendChild(node("dt", {}, f[0]));
      div.appendChild(node("dd", {}, f[1]));
      facts.appendChild(div);
    });
    var box = $("replay-domains");
    var domains = Object.keys(r.domain_distribution || {});
    if (!domains.length) { empty(box, "The replay index is empty."); return; }
    var most = Math.max.apply(null, domains.map(function (d) { return r.domain_distribution[d]; }));
    var list = node("ul", { "class": "hbars", "data-chart": "replay-domains" });
    domains.forEach(function (d) {
      var n = r.domain_distribution[d];
      var li = node("li", { "data-domain": d, "data-count": String(n) });
      li.appendChild(node("span", { "class": "name" }, d));
      var track = node("span", { "class": "track" });
      var fill = node("span", { "class": "fill" });
      fill.style.width = (n / most * 100).toFixed(1) + "%";
      track.appendChild(fill);
      li.appendChild(track);
      li.appendChild(node("span", { "class": "num" }, count(n)));
      list.appendChild(li);
    });
    box.replaceChildren(node("p", { "class": "meta" }, "items per domain in the replay index"), list);
  }

  // ---- mistake cards ---------------------------------------------------------------------------------------------

  function loadCards(agents) {
    var generation = state.generation;
    var list = $("mistake-cards");
    var wanted = $("agent-filter").value ? [$("agent-filter").value] : agents.slice(0, MAX_CARD_AGENTS);
    if (!wanted.length) { empty(list, "No agents yet."); return Promise.resolve(); }
    return Promise.all(wanted.map(function (a) {
      return api("/v1/memory/" + encodeURIComponent(a)).catch(function (e) {
        if (e instanceof ApiError && e.status === 404) { return null; }
        throw e;
      });
    })).then(function (memories) {
      if (generation !== state.generation) { return; }
      var cards = [];
      memories.forEach(function (memory, i) {
        if (!memory) { return; }
        if (memory.namespace) { setNamespace(memory.namespace); }
        (memory.mistake_cards || []).forEach(function (c) { cards.push({ agent: wanted[i], card: c }); });
      });
      var task = $("task-filter").value;
      if (task) { cards = cards.filter(function (c) { return c.card.task_id === task; }); }
      cards.sort(function (a, b) { return b.card.seen_count - a.card.seen_count || (a.card.mistake_type < b.card.mistake_type ? -1 : 1); });
      if (!cards.length) { empty(list, "No mistake cards yet: they come from reflections with mistake_cards, and from consolidation."); return; }
      list.replaceChildren();
      cards.slice(0, 6).forEach(function (c) {
        var li = node("li", { "data-mistake-type": c.card.mistake_type, "data-seen-count": String(c.card.seen_count), "data-agent": c.agent });
        var head = node("div", { "class": "card-head" });
        head.appendChild(node("span", { "class": "card-type" }, c.card.mistake_type));
        head.appendChild(node("span", { "class": "badge", title: "times seen" }, "seen " + c.card.seen_count + "×"));
        li.appendChild(head);
        li.appendChild(node("div", { "class": "meta" }, c.agent + " · " + (c.card.task_id || "any task")));
        if (c.card.lesson) { li.appendChild(node("p", { "class": "lesson" }, c.card.lesson)); }
        if (c.card.bad_decision || c.card.correct_decision) {
          var dec = node("p", { "class": "decision" });
          dec.appendChild(node("s", {}, c.card.bad_decision || "?"));
          dec.appendChild(document.createTextNode(" → "));
          dec.appendChild(node("span", {}, c.card.correct_decision || "?"));
          li.appendChild(dec);
        }
        list.appendChild(li);
      });
    });
  }

  function setNamespace(ns) {
    var e = $("namespace");
    e.textContent = ns;
    e.setAttribute("data-namespace", ns);
  }

  // ---- memory context --------------------------------------------------------------------------------------------

  function loadContext() {
    var generation = state.generation;
    var agent = $("context-agent").value;
    var text = $("context-text"), meta = $("context-meta");
    if (!agent) {
      meta.textContent = "";
      text.textContent = "No agents yet: the context an agent gets at the top of its next prompt shows here.";
      text.classList.add("empty");
      return Promise.resolve();
    }
    var task = $("task-filter").value;
    return api("/v1/memory/" + encodeURIComponent(agent) + "/context" + query({ task: task })).then(function (ctx) {
      if (generation !== state.generation) { return; }
      text.classList.remove("empty");
      text.textContent = ctx.text || "(empty)";
      text.setAttribute("data-tokens", String(ctx.tokens));
      meta.textContent = ctx.tokens + " tokens" + (ctx.task_id ? " · task " + ctx.task_id : " · all tasks");
    }).catch(function (e) {
      if (e instanceof ApiError && e.status === 404) {
        meta.textContent = "";
        text.classList.add("empty");
        text.textContent = agent + " has no memory yet.";
        return;
      }
      throw e;
    });
  }

  // ---- live feed -------------------------------------------------------------------------------------------------

  function feedStatus(s, text) {
    var e = $("feed-status");
    e.setAttribute("data-state", s);
    e.textContent = text;
  }

  function stopFeed() {
    if (state.feedAbort) { state.feedAbort.abort(); state.feedAbort = null; }
  }

  function startFeed(delay) {
    stopFeed();
    var generation = state.generation;
    var controller = new AbortController();
    state.feedAbort = controller;
    var headers = { "Authorization": "Bearer " + apiKey(), "Accept": "text/event-stream" };
    if (state.lastEventId) { headers["Last-Event-ID"] = state.lastEventId; }
    feedStatus("connecting", "connecting…");
    fetch("/v1/stream", { headers: headers, signal: controller.signal, cache: "no-store" }).then(function (response) {
      if (generation !== state.generation) { controller.abort(); return; }
      if (response.status === 401) { forgetKey(REFUSED); return; }
      if (!response.ok || !response.body) { throw new Error("the stream answered " + response.status); }
      feedStatus("live", "live");
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      var event = { data: [], id: null, type: "message" };
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { throw new Error("the stream ended"); }
          buffer += decoder.decode(chunk.value, { stream: true });
          var lines = buffer.split(/\r\n|\r|\n/);
          buffer = lines.pop();
          lines.forEach(function (line) {
            if (line === "") {
              if (event.data.length) { dispatch(event); }
              event = { data: [], id: null, type: "message" };
              return;
            }
            if (line.charAt(0) === ":") {
              // the server's greeting names the namespace: ": engram live feed of namespace NS"
              var greeting = /^: ?engram live feed of namespace (.+)$/.exec(line);
              if (greeting) { setNamespace(greeting[1]); }
              return;
            }
            var colon = line.indexOf(":");
            var field = colon < 0 ? line : line.slice(0, colon);
            var value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "data") { event.data.push(value); } else if (field === "id") { event.id = value; state.lastEventId = value; } else if (field === "event") { event.type = value; }
          });
          return pump();
        });
      }
      return pump();
    }).catch(function (e) {
      if (controller.signal.aborted || generation !== state.generation) { return; }
      var wait = Math.min((delay || 1000) * 2, 30000);
      feedStatus("down", "reconnecting in " + Math.round(wait / 1000) + " s (" + e.message + ")");
      setTimeout(function () { if (generation === state.generation && state.feedAbort === controller) { startFeed(wait); } }, wait);
    });
  }

  function dispatch(event) {
    var payload;
    try { payload = JSON.parse(event.data.join("\n")); } catch (e) { return; }
    var t = payload && payload.trajectory ? payload.trajectory : payload;
    if (!t || !t.trajectory_id) { return; }
    var list = $("feed");
    var first = list.querySelector(".empty");
    if (first) { list.replaceChildren(); }
    var li = node("li", { "data-trajectory-id": t.trajectory_id, "data-agent": t.agent_id, "data-task": t.task_id,
      "data-outcome": t.final_outcome, "data-reward": String(t.reward), "data-event-id": event.id || "" });
    var top = node("div", { "class": "feed-top" });
    top.appendChild(node("span", { "class": "pill " + t.final_outcome }, t.final_outcome));
    top.appendChild(node("span", { "class": "feed-who" }, t.agent_id + " · " + t.task_id));
    top.appendChild(node("span", { "class": "num feed-reward", title: "reward" }, fixed(t.reward, 2)));
    li.appendChild(top);
    var summary = t.reflection && t.reflection.summary ? t.reflection.summary : t.task_description;
    var bottom = node("div", { "class": "meta" }, clock(t.created_at) + " · " + t.trajectory_id + (summary ? " · " + summary : ""));
    li.appendChild(bottom);
    list.insertBefore(li, list.firstChild);
    while (list.children.length > MAX_FEED) { list.removeChild(list.lastChild); }
    soon();
  }

  // ---- start -----------------------------------------------------------------------------------------------------

  function open() {
    state.generation++;
    $("login").hidden = true;
    $("board").hidden = false;
    $("filters").hidden = false;
    empty($("feed"), "Waiting for trajectories: anything recorded in this namespace appears here as it happens.");
    clearInterval(state.refreshTimer);
    state.refreshTimer = setInterval(refresh, REFRESH_MS);
    refresh();
    startFeed(1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("key-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var key = $("api-key").value.trim();
      if (!key) { return; }
      sessionStorage.setItem(KEY, key);
      open();
    });
    $("forget-key").addEventListener("click", function () { forgetKey(""); });
    ["agent-filter", "task-filter", "bucket"].forEach(function (id) { $(id).addEventListener("change", refresh); });
    $("context-agent").addEventListener("change", function () {
      var generation = state.generation;
      loadContext().catch(function (e) { if (generation === state.generation) { failed(e); } });
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-split]"), function (b) {
      if (b.tagName !== "BUTTON") { return; }
      b.addEventListener("click", function () {
        state.split = b.getAttribute("data-split");
        Array.prototype.forEach.call(document.querySelectorAll("button[data-split]"), function (o) { o.classList.toggle("on", o === b); });
        renderSeries();
      });
    });
    var resize;
    window.addEventListener("resize", function () {
      clearTimeout(resize);
      resize = setTimeout(function () { if (state.stats) { renderSeries(); renderOutcomes(state.stats); renderRewards(state.stats); } }, 150);
    });
    if (apiKey()) { open(); } else { showLogin(""); }
  });
})();
