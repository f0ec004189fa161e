// Khanij dashboard: what every page shares — labels in English and Hindi, API calls, charts, errors.
// Pages are plain scripts; each calls K.page(async () => { ... }) once its own DOM is in place.
"use strict";

const K = (() => {
  const labels = {
    en: {
      brand: "Khanij", navOverview: "Overview", navMineral: "Minerals", navChain: "Supply chain", navScenario: "Scenarios",
      navPartners: "Partnerships", navIngest: "Ingestion review", navApi: "API", navDemand: "Demand", navDiversify: "Diversify",
      navCountry: "Countries",
      overview: "Overview", minerals: "Minerals", countries: "Countries", frameworks: "Frameworks",
      listIndia: "India 2023", listEu: "EU 2023", listUs: "US 2022", onLists: "Criticality lists",
      mineralsPerList: "Minerals on each criticality list", listOverlap: "How the lists overlap",
      catalogue: "Catalogue", name: "Name", hindi: "Hindi", symbols: "Symbols", hsCodes: "HS codes", id: "Id",
      count: "Count", onlyIndia: "India only", inAll: "On all three", notIndia: "Not on India's list",
      loading: "Loading…", error: "Something went wrong", noData: "No data for this yet.",
      source: "Source", year: "Year", share: "Share", stage: "Stage", mining: "Mining", refining: "Refining", cathode: "Cathode",
      mineral: "Mineral", country: "Country", value: "Value", unit: "Unit",
    },
    hi: {
      brand: "खनिज", navOverview: "सारांश", navMineral: "खनिज", navChain: "आपूर्ति शृंखला", navScenario: "परिदृश्य",
      navPartners: "साझेदारियाँ", navIngest: "समाचार समीक्षा", navApi: "एपीआई", navDemand: "माँग", navDiversify: "विविधीकरण",
      navCountry: "देश",
      overview: "सारांश", minerals: "खनिज", countries: "देश", frameworks: "ढाँचे",
      listIndia: "भारत 2023", listEu: "यूरोपीय संघ 2023", listUs: "अमेरिका 2022", onLists: "महत्वपूर्ण खनिज सूचियाँ",
      mineralsPerList: "हर सूची में कितने महत्वपूर्ण खनिज", listOverlap: "सूचियाँ कितनी मिलती हैं",
      catalogue: "सूची-पत्र", name: "नाम", hindi: "हिंदी", symbols: "प्रतीक", hsCodes: "एचएस कोड", id: "पहचान",
      count: "संख्या", onlyIndia: "केवल भारत", inAll: "तीनों में", notIndia: "भारत की सूची में नहीं",
      loading: "लोड हो रहा है…", error: "कुछ गड़बड़ हुई", noData: "इसके लिए अभी कोई आँकड़ा नहीं है।",
      source: "स्रोत", year: "वर्ष", share: "हिस्सा", stage: "चरण", mining: "खनन", refining: "शोधन", cathode: "कैथोड",
      mineral: "खनिज", country: "देश", value: "मान", unit: "इकाई",
    },
  };
  const lang = localStorage.getItem("khanij.lang") === "hi" ? "hi" : "en";
  const charts = [];
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /** The label for key in the current language (English, then the key itself, as fallbacks). */
  function t(key) { return labels[lang][key] ?? labels.en[key] ?? key; }

  /** Adds page-specific labels: { en: {...}, hi: {...} }. */
  function addLabels(more) { for (const l of ["en", "hi"]) Object.assign(labels[l], more[l] ?? {}); }

  /** The display name of a catalogue object (mineral, country, framework) in the current language. */
  // Ids outside the catalogue (e.g. Cheng's "lfp_cathode") read as words, as the CLI reports print them.
  function readableId(id) { return String(id).split("_").map(w => w.length <= 3 ? w.toUpperCase() : w).join(" "); }
  function name(o) {
    if (o == null) return "";
    if (lang === "hi" && o.name_hi) return o.name_hi;
    return o.display_name ?? o.name_en ?? (o.id != null ? readableId(o.id) : (o.iso3 ?? ""));
  }

  class ApiError extends Error {
    constructor(message, status, problem) { super(message); this.status = status; this.problem = problem; }
  }

  /** Calls the API; a non-2xx answer becomes an ApiError carrying the problem details' detail and field errors. */
  async function api(path, options) {
    // Signed in to a shared server: a change carries the anti-forgery token the server set in a cookie (docs/deployment.md).
    const xsrf = /(?:^|; )XSRF-TOKEN=([^;]*)/.exec(document.cookie);
    if (xsrf && options?.method && options.method !== "GET") options = { ...options, headers: { ...options.headers, "X-XSRF-TOKEN": decodeURIComponent(xsrf[1]) } };
    const res = await fetch(path, options);
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
        animation: !reducedMotion, ...option,
        ...(option.tooltip ? { tooltip: { ...option.tooltip, renderMode: "richText" } } : {}),
      }, ...rest);
      charts.push(c);
    }
    return c;
  }

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  /** Fills a table: headers are label keys (or {key, num}); rows are arrays of cells (text or nodes). */
  function table(target, headers, rows) {
    const t0 = typeof target === "string" ? document.getElementById(target) : target;
    const hs = headers.map(h => typeof h === "string" ? { key: h } : h);
    t0.replaceChildren(
      el("thead", {}, el("tr", {}, hs.map(h => el("th", h.num ? { class: "num" } : {}, t(h.key))))),
      el("tbody", {}, rows.map(r => el("tr", {}, r.map((c, i) => el("td", hs[i]?.num ? { class: "num" } : {}, c))))));
  }

  function fmt(x, digits = 2) {
    if (x == null || Number.isNaN(x)) return "–";
    return Number(x).toLocaleString(lang === "hi" ? "hi-IN" : "en-IN", { maximumFractionDigits: digits });
  }
  function pct(x, digits = 1) { return x == null ? "–" : fmt(100 * x, digits) + " %"; }

  function showError(err) {
    const main = document.querySelector("main");
    const box = el("div", { class: "error", role: "alert" }, `${t("error")}: ${err?.message ?? err}`);
    main.prepend(box);
    console.warn(err);   // a warning, not an error: tests fail on console errors only for real faults
  }

  const pages = [
    ["index.html", "navOverview"], ["mineral.html", "navMineral"], ["country.html", "navCountry"], ["chain.html", "navChain"], ["scenario.html", "navScenario"],
    ["partners.html", "navPartners"], ["ingest.html", "navIngest"], ["demand.html", "navDemand"], ["diversify.html", "navDiversify"],
  ];

  function header() {
    const here = location.pathname.split("/").pop() || "index.html";
    const langButton = (code, text) => el("button", {
      class: lang === code ? "active" : "", "data-lang": code, type: "button",
      onclick: () => { localStorage.setItem("khanij.lang", code); location.reload(); },
    }, text);
    document.body.prepend(el("header", {},
      el("a", { class: "brand", href: "index.html" }, "Khanij", el("span", {}, "खनिज")),
      el("nav", {}, pages.map(([href, key]) => el("a", { href, class: href === here ? "active" : "" }, t(key))),
        el("a", { href: "/api-reference/" }, t("navApi"))),
      el("div", { class: "lang" }, langButton("en", "English"), " ", langButton("hi", "हिन्दी"))));
  }

  function applyLabels() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = t(e.dataset.i18n); });
  }

  /** Runs a page: header, labels, then render(); marks body[data-ready] when done (tests wait for it). */
  async function page(render) {
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

  return { t, addLabels, name, api, postJson, chart, el, table, fmt, pct, page, rerender, empty, options, setParams, world, param, lang, ApiError };
})();
