// Khanij dashboard: what every page shares — labels in English and Hindi, API calls, charts, errors.
// Pages are plain scripts; each calls K.page(async () => { ... }) once its own DOM is in place.
"use strict";

const K = (() => {
  // The language: ?lang= in the URL (so a Hindi link can be shared), else the last choice (localStorage), else English.
  const languages = ["en", "hi"];
  const asked = new URLSearchParams(location.search).get("lang");
  const lang = languages.includes(asked) ? asked : (localStorage.getItem("khanij.lang") === "hi" ? "hi" : "en");
  localStorage.setItem("khanij.lang", lang);
  if (asked !== lang && lang !== "en") {
    const p = new URLSearchParams(location.search);
    p.set("lang", lang);
    history.replaceState(null, "", `${location.pathname}?${p}${location.hash}`);
  }
  // One message catalogue per language (i18n-en.json, i18n-hi.json; not i18n.hi.json, which MSBuild would take for a culture-specific resource), loaded before a page draws anything.
  let labels = {};
  const missing = new Set();
  const locale = lang === "hi" ? "hi-IN" : "en-GB";
  const charts = [];
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // Canvas text needs a font that shapes Devanagari (conjuncts, vowel signs); the page's CSS font list is not used by ECharts.
  const fontFamily = '"Noto Sans", "Noto Sans Devanagari", "DejaVu Sans", sans-serif';

  async function loadLabels() {
    const res = await fetch(`i18n-${lang}.json`);
    if (!res.ok) throw new Error(`i18n-${lang}.json: HTTP ${res.status}`);
    labels = await res.json();
  }

  /** The label for key in the current language. A key the catalogue lacks is recorded (tests fail on it) and shown as the key. */
  function t(key) {
    const v = labels[key];
    if (v == null) { missing.add(key); return key; }
    return v;
  }

  /** The label for key where the catalogue has one, else fallback (for open-ended names such as a user's scenario file). */
  function tOr(key, fallback) { return labels[key] ?? fallback; }

  /** A term from the data (a measure, status, restriction kind, unit basis): the catalogue's word for prefix + its slug where it has one,
   * else the data's own English, marked lang="en". */
  function term(prefix, value) {
    if (value == null || value === "") return "";
    const v = labels[prefix + String(value).toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "")];
    return v ?? en(String(value).replaceAll("_", " "));
  }
  /** As term(), as plain text (chart labels): the English itself where the catalogue has no word. */
  function termText(prefix, value) {
    const v = term(prefix, value);
    return typeof v === "string" ? v : v.textContent;
  }

  /** A supply source id as its publisher's name ("usgs" → "USGS", "cheng2020" → "Cheng et al. 2020"). */
  function sourceName(id) {
    return { usgs: "USGS", usgs2026: "USGS", usgs2024: "USGS MCS 2024", usgs_mcs2024: "USGS MCS 2024", iea: "IEA", cheng2020: "Cheng et al. 2020" }[id]
      ?? String(id).toUpperCase();
  }

  /** A catalogue pattern with named slots filled: tf("recordTitle", { parties, instrument }) for "{parties} {instrument} …". */
  function tf(key, values) { return t(key).replace(/\{(\w+)\}/g, (m, k) => values[k] ?? ""); }

  /** A registry record's title built from its parties, instrument and subject in the page's language ("India–Argentina agreement on
   * lithium, 2024"), instead of the curator's or extractor's wording (which may be an id-like "IND–AUS MoU" or in the other language). */
  function recordTitle(r, partyName, mineralName) {
    const parties = r.parties.map(partyName).join("–");
    const instrument = t("instr_" + (r.instrument || r.kind));
    const minerals = r.minerals.map(m => m === "critical_minerals" ? t("criticalMinerals") : mineralName(m)).join(", ");
    const year = r.date ? r.date.slice(0, 4) : "";
    return tf(minerals ? (year ? "recordTitle" : "recordTitleNoYear") : (year ? "recordTitleNoMinerals" : "recordTitleBare"),
      { parties, instrument, minerals, year });
  }

  /** The display name of a catalogue object (mineral, country, framework) in the current language. */
  // Ids outside the catalogue (e.g. Cheng's "lfp_cathode") read as words, as the CLI reports print them.
  function readableId(id) { return String(id).split("_").map(w => w.length <= 3 ? w.toUpperCase() : w).join(" "); }
  function name(o) {
    if (o == null) return "";
    if (lang === "hi" && o.name_hi) return o.name_hi;
    return o.display_name ?? o.name_en ?? (o.id != null ? labels["id_" + o.id] ?? (lang === "en" ? readableId(o.id) : t("id_" + o.id)) : (o.iso3 ?? ""));
  }

  class ApiError extends Error {
    constructor(message, status, problem) { super(message); this.status = status; this.problem = problem; }
  }

  /** Calls the API in the page's language (Accept-Language: the server's notes and messages come from its catalogue);
   * a non-2xx answer becomes an ApiError carrying the problem details' detail and field errors. Signed in to a shared server, a change
   * carries the anti-forgery token the server set in a cookie (docs/deployment.md). */
  async function api(path, options = {}) {
    const xsrf = /(?:^|; )XSRF-TOKEN=([^;]*)/.exec(document.cookie);
    const guard = xsrf && options.method && options.method !== "GET" ? { "X-XSRF-TOKEN": decodeURIComponent(xsrf[1]) } : {};
    const res = await fetch(path, { ...options, headers: { "Accept-Language": lang, ...guard, ...(options.headers ?? {}) } });
    const text = await res.text();
    const body = text ? JSON.parse(text) : null;
    if (!res.ok) {
      const fields = body?.errors ? Object.entries(body.errors).map(([f, m]) => `${f}: ${m.join(" ")}`).join("\n") : "";
      throw new ApiError([body?.detail ?? body?.title ?? res.statusText, fields].filter(Boolean).join("\n"), res.status, body);
    }
    return body;
  }

  function postJson(path, value) {
    return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
  }

  /** Creates an ECharts instance in the element with this id; resized with the window. */
  function chart(id) {
    const el = document.getElementById(id);
    delete el.dataset.empty;
    let c = echarts.getInstanceByDom(el);
    if (!c) {
      c = echarts.init(el, null, { renderer: "canvas" });
      // Honour "reduce motion" (an accessibility setting; browser tests set it too, so screenshots show finished charts).
      const setOption = c.setOption.bind(c);
      // Tooltips are drawn on the canvas (renderMode "richText"), never as HTML: what a formatter returns (record titles, party
      // names from the registry) is shown as text and cannot run script, and no inline style needs a CSP exception.
      c.setOption = (option, ...rest) => setOption({
        animation: !reducedMotion, textStyle: { fontFamily }, ...wrapLegend(c, option),
        ...(option.tooltip ? { tooltip: { ...option.tooltip, renderMode: "richText" } } : {}),
      }, ...rest);
      charts.push(c);
      el.after(downloads(() => c, id));
    }
    return c;
  }

  /** A legend at the top or bottom of a chart is laid out in full, over as many lines as it needs, and the plot moves aside for it: a
   * scrolling legend cut its last visible entry in half, and a long one ran into the axis labels. */
  function wrapLegend(c, option) {
    const legend = option.legend;
    if (!legend || Array.isArray(legend) || Array.isArray(option.grid) || !Array.isArray(option.series)) return option;
    const atBottom = legend.bottom != null, atTop = legend.top != null;
    if (!atBottom && !atTop) return option;
    const names = option.series.flatMap(s => s.type === "pie" ? (s.data ?? []).map(d => d.name) : [s.name]).filter(n => n != null);
    const ctx = (wrapLegend.canvas ??= document.createElement("canvas")).getContext("2d");
    ctx.font = `12px ${fontFamily}`;
    const width = c.getWidth() - 20;
    let rows = 1, x = 0;
    for (const n of names) {
      const w = ctx.measureText(String(n)).width + 25 + 10;
      if (x > 0 && x + w > width) { rows++; x = 0; }
      x += w;
    }
    const height = rows * 22;
    const grid = { ...(option.grid ?? {}) };
    if (atBottom) grid.bottom = Math.max(0, (grid.bottom ?? 60) - 25) + height + 6;
    else grid.top = Math.max(0, (grid.top ?? 60) - 25) + height + 6;
    return { ...option, legend: { ...legend, type: "plain", left: 10, right: 10 }, grid };
  }

  /** Saves text (with its media type) or a data: URL under a file name. A data: URL rather than fetch or a blob: URL, which the page's
   * Content-Security-Policy (connect-src 'self') would refuse or the browser may not hand over as a download. */
  function save(name, content, type) {
    const a = document.createElement("a");
    a.href = type ? `data:${type},${encodeURIComponent(content)}` : content;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
  }

  /** The page's name for files: "mineral-lithium" etc. */
  function fileStem(id) {
    const page = (location.pathname.split("/").pop() || "index.html").replace(/\.html$/, "");
    const p = new URLSearchParams(location.search);
    const what = ["id", "code", "country", "mineral", "stage"].map(k => p.get(k)).filter(Boolean).join("-");
    return [page, what, id].filter(Boolean).join("-").replace(/[^A-Za-z0-9_-]+/g, "_");
  }

  /** The chart as SVG: the same option drawn by ECharts' SVG renderer in a detached element of the same size. */
  function chartSvg(c) {
    const box = document.createElement("div");
    const inst = echarts.init(box, null, { renderer: "svg", width: c.getWidth(), height: c.getHeight() });
    try {
      inst.setOption({ ...c.getOption(), animation: false });
      return inst.renderToSVGString();
    } finally {
      inst.dispose();
    }
  }

  /** PNG and SVG buttons under a chart (data-download tells tests what they save). */
  function downloads(getChart, id) {
    const png = el("button", { type: "button", class: "small", "data-download": "png", title: t("downloadPng") }, "PNG");
    const svg = el("button", { type: "button", class: "small", "data-download": "svg", title: t("downloadSvg") }, "SVG");
    png.addEventListener("click", () => save(fileStem(id) + ".png", getChart().getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" })));
    svg.addEventListener("click", () => save(fileStem(id) + ".svg", chartSvg(getChart()), "image/svg+xml"));
    return el("div", { class: "downloads", "data-for": id }, el("span", {}, t("download") + ":"), " ", png, " ", svg, " ", methodLink(id));
  }

  /** The methodology page for a chart or table (docs/*.md rendered in the dashboard), or nothing when none is named. */
  const methods = {};
  function methodLink(id) {
    const m = methods[id] ?? methods["*"];
    if (!m) return null;
    return el("a", { href: `methodology.html?doc=${m.doc}${m.anchor ? "#" + m.anchor : ""}`, class: "method" }, t("methodology"));
  }
  /** Names the methodology document (and heading) for chart/table ids of this page: { "risk-chart": ["risk", "anchor"], "*": [...] }. */
  function method(map) {
    for (const [id, [doc, anchor]] of Object.entries(map)) methods[id] = { doc, anchor };
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (let [k, v] of Object.entries(attrs)) {
      if (k === "href" && tag === "a") v = withLang(v);
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  /** The officials a record names: on an English page in Latin script (the server's name_latin: known spelling or romanisation) with their
   * roles; on a Hindi page as recorded (names are proper nouns; the roles are recorded in English, so they are left out). */
  function officials(r) {
    return (r.officials ?? []).map(o => lang === "en" ? `${o.name_latin ?? o.name}${o.role ? ` (${o.role})` : ""}` : o.name).join(", ");
  }

  /** A sentence the server wrote in the page's language. On a Hindi page the Latin-script pieces it quotes (a source's own row labels such
   * as "Other countries", a basis such as "Li content", a publication's title, file names, a command-line flag) are data, marked
   * translate="no" like other quoted data; the sentence around them comes from the server's catalogue (Messages.hi.resx). */
  function serverNote(text) {
    return lang === "en" ? [text]
      : text.split(/([A-Za-z][A-Za-z0-9_.\/'-]*(?: [A-Za-z][A-Za-z0-9_.\/'-]*)*)/).map((part, i) => i % 2 ? el("span", { translate: "no" }, part) : part);
  }

  /** A data term the catalogue has no word for, shown as the data spells it and marked lang="en" (the Hindi layout test fails on it). */
  function en(text) { return el("span", { lang: "en", class: "server-text" }, text); }

  /** A link to another dashboard page keeps the language when it is not English. */
  function withLang(href) {
    if (lang === "en" || !/^[a-z]+\.html(\?|#|$)/.test(href)) return href;
    const [path, hash = ""] = href.split("#");
    return `${path}${path.includes("?") ? "&" : "?"}lang=${lang}${hash ? "#" + hash : ""}`;
  }

  /** Fills a table: headers are label keys (or {key, num}, or {text, num} for a heading that is data, e.g. a year);
   * rows are arrays of cells (text or nodes). A CSV button follows the table. */
  function table(target, headers, rows) {
    const t0 = typeof target === "string" ? document.getElementById(target) : target;
    const hs = headers.map(h => typeof h === "string" ? { key: h } : h);
    t0.replaceChildren(
      el("thead", {}, el("tr", {}, hs.map(h => el("th", h.num ? { class: "num" } : {}, h.text ?? t(h.key))))),
      el("tbody", {}, rows.map(r => el("tr", {}, r.map((c, i) => el("td", hs[i]?.num ? { class: "num" } : {}, c))))));
    if (!t0.parentNode) throw new Error(`table #${t0.id}: put it in the page before filling it (its CSV button goes after it)`);
    if (!(t0.nextElementSibling?.classList.contains("downloads") && t0.nextElementSibling.dataset.for === (t0.id || "table"))) {
      const csv = el("button", { type: "button", class: "small", "data-download": "csv", title: t("downloadCsv") }, "CSV");
      csv.addEventListener("click", () => save(fileStem(t0.id) + ".csv", "\uFEFF" + tableCsv(t0), "text/csv;charset=utf-8"));
      t0.after(el("div", { class: "downloads", "data-for": t0.id || "table" }, el("span", {}, t("download") + ":"), " ", csv, " ", methodLink(t0.id)));
    }
    t0.nextElementSibling.hidden = rows.length === 0;
  }

  /** The table as CSV (RFC 4180): the headings and cells as shown, numbers without digit grouping. */
  function tableCsv(tableEl) {
    const quote = s => /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    return [...tableEl.rows].map(row => [...row.cells].map(cell => {
      let s = cell.innerText.trim();
      if (cell.classList.contains("num") && /^-?[\d,]+(\.\d+)?$/.test(s)) s = s.replaceAll(",", "");
      return quote(s);
    }).join(",")).join("\r\n") + "\r\n";
  }

  /** A number in the page's language (Hindi: Indian digit grouping, 1,59,337; English: 159,337). */
  function fmt(x, digits = 2) {
    if (x == null || Number.isNaN(Number(x))) return "–";
    return Number(x).toLocaleString(locale, { maximumFractionDigits: digits });
  }
  /** A share (0–1) as a percentage. */
  function pct(x, digits = 1) { return x == null || Number.isNaN(Number(x)) ? "–" : fmt(100 * x, digits) + " %"; }
  /** Digits after the point that keep about three significant figures (no "159337.076", no "0" for 0.004). */
  function sensible(x) {
    const a = Math.abs(Number(x));
    return a >= 100 || a === 0 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : Math.min(6, 2 - Math.floor(Math.log10(a)));
  }
  /** A quantity with its unit: tonnes ("t" / "टन"), GWh, … with sensible precision. */
  function qty(x, unit = "t") {
    if (x == null || Number.isNaN(Number(x))) return "–";
    return `${fmt(x, sensible(x))} ${unitName(unit)}`;
  }
  /** A unit's name in the page's language where the catalogue has one ("t" → "टन"), else the unit as written. */
  function unitName(unit) { return labels["unit_" + unit] ?? unit; }

  function showError(err) {
    const main = document.querySelector("main");
    const box = el("div", { class: "error", role: "alert" }, `${t("error")}: ${err?.message ?? err}`);
    main.prepend(box);
    console.warn(err);   // a warning, not an error: tests fail on console errors only for real faults
  }

  const pages = [
    ["index.html", "navOverview"], ["mineral.html", "navMineral"], ["country.html", "navCountry"], ["chain.html", "navChain"], ["scenario.html", "navScenario"],
    ["partners.html", "navPartners"], ["ingest.html", "navIngest"], ["demand.html", "navDemand"], ["diversify.html", "navDiversify"], ["methodology.html", "navMethod"],
  ];

  function header() {
    const here = location.pathname.split("/").pop() || "index.html";
    const langButton = (code, text) => el("button", {
      class: lang === code ? "active" : "", "data-lang": code, type: "button",
      onclick: () => {
        localStorage.setItem("khanij.lang", code);
        const p = new URLSearchParams(location.search);
        p.set("lang", code);
        location.assign(`${location.pathname}?${p}${location.hash}`);
      },
    }, text);
    document.body.prepend(el("header", {},
      el("a", { class: "brand", href: "index.html" }, "Khanij", el("span", {}, "खनिज")),
      el("nav", {}, pages.map(([href, key]) => el("a", { href, class: href === here ? "active" : "" }, t(key))),
        el("a", { href: "/api-reference/" }, t("navApi"))),
      // Each language is named in itself (translate="no": "English" stays English on the Hindi page).
      el("div", { class: "lang", translate: "no" }, langButton("en", "English"), " ", langButton("hi", "हिन्दी"))));
  }

  function applyLabels() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
    document.querySelectorAll("[data-i18n-aria]").forEach(e => { e.setAttribute("aria-label", t(e.dataset.i18nAria)); });
    document.title = `${t("brand")} — ${document.querySelector("h1")?.textContent ?? ""}`;
  }

  /** Runs a page: header, labels, then render(); marks body[data-ready] when done (tests wait for it). */
  async function page(render) {
    try {
      await loadLabels();
    } catch (e) {
      document.body.dataset.failed = "1";
      document.body.dataset.ready = "1";
      throw e;
    }
    header();
    applyLabels();
    try {
      await render();
    } catch (e) {
      showError(e);
      document.body.dataset.failed = "1";
    } finally {
      document.body.dataset.ready = "1";
    }
  }

  /** Re-renders part of a page after a control changed: body[data-ready] is cleared while it runs, errors are shown. */
  async function rerender(render) {
    delete document.body.dataset.ready;
    document.querySelectorAll("main > .error").forEach(e => e.remove());
    try {
      await render();
      delete document.body.dataset.failed;
    } catch (e) {
      showError(e);
      document.body.dataset.failed = "1";
    } finally {
      document.body.dataset.ready = "1";
    }
  }

  /** Marks a chart as having nothing to draw, and says why inside it (tests accept an empty chart only when it says so). */
  function empty(id, reason) {
    const c = chart(id);
    c.clear();
    c.setOption({ title: { text: reason, left: "center", top: "middle", textStyle: { color: "#5b6876", fontSize: 13, fontWeight: "normal" } } });
    document.getElementById(id).dataset.empty = reason;
  }

  /** Fills a select with [value, text] pairs and selects value. */
  function options(select, pairs, value) {
    const s = typeof select === "string" ? document.getElementById(select) : select;
    s.replaceChildren(...pairs.map(([v, text]) => el("option", { value: v }, text)));
    if (value != null && pairs.some(([v]) => v === value)) s.value = value;
    return s;
  }

  /** Sets URL query parameters without reloading (so a page can be bookmarked). */
  function setParams(values) {
    const p = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(values)) if (v == null || v === "") p.delete(k); else p.set(k, v);
    history.replaceState(null, "", `${location.pathname}?${p}`);
  }

  window.addEventListener("resize", () => charts.forEach(c => c.resize()));

  let worldPromise = null;
  /** Registers the world map (world-atlas 110m TopoJSON → GeoJSON) once; features are keyed by ISO numeric code. */
  function world() {
    worldPromise ??= fetch("lib/countries-110m.json").then(r => r.json()).then(topo => {
      const geo = topojson.feature(topo, topo.objects.countries);
      geo.features = geo.features.filter(f => f.id !== "010");   // Antarctica: no mining data, and it dwarfs the map
      for (const f of geo.features) {
        f.properties.name = String(f.id ?? f.properties.name);
        // Rings that cross the antimeridian (Russia, Fiji) would be drawn as lines across the whole map: fold them onto one side.
        const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const ring of polys.flat()) {
          const lons = ring.map(p => p[0]);
          if (Math.max(...lons) - Math.min(...lons) > 180) {
            const east = lons.filter(x => x > 0).length >= lons.length / 2;
            for (const p of ring) if (east && p[0] < 0) p[0] = 180; else if (!east && p[0] > 0) p[0] = -180;
          }
        }
      }
      echarts.registerMap("world", geo);
      return geo;
    });
    return worldPromise;
  }

  function param(key) { return new URLSearchParams(location.search).get(key); }

  return {
    t, tf, tOr, recordTitle, officials, serverNote, term, termText, sourceName, name, api, postJson, chart, el, table, fmt, pct, qty, unitName, sensible, page, rerender, empty, options, setParams, world, param, lang,
    locale, ApiError, method, save, chartSvg, tableCsv, missing, fontFamily,
  };
})();
