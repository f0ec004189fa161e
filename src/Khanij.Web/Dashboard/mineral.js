// Mineral page: world map of shares at a stage, top producers, HHI over years and projections, import partners, restrictions in force.
"use strict";

K.addLabels({
  en: {
    table: "Source and year", importer: "Importing country", worldShares: "Where it is produced: share of world supply",
    topProducers: "Largest producers", hhiOverTime: "Concentration (HHI) over years and projections",
    hhiNote: "HHI 0–10 000 over named countries; above 2 500 is highly concentrated. Dashed lines are projections.",
    importPartners: "Where the importer's supply comes from", restrictionsInForce: "Export restrictions in force", about: "About this mineral",
    residual: "not attributed to a country", withheld: "withheld by the source", projection: "projection", noTrade: "No trade data for this mineral and stage.",
    measure: "Measure", restriction: "Restriction", scope: "Scope", since: "Since", target: "Target", noRestrictions: "None in the register.",
    hhi: "HHI", top1: "Largest", top3: "Top 3", partnersShare: "from partner countries", restrictingShare: "from restricting countries",
  },
  hi: {
    table: "स्रोत और वर्ष", importer: "आयातक देश", worldShares: "उत्पादन कहाँ होता है: विश्व आपूर्ति में हिस्सा",
    topProducers: "सबसे बड़े उत्पादक", hhiOverTime: "संकेंद्रण (HHI): वर्षवार और अनुमान",
    hhiNote: "HHI 0–10 000, नामित देशों पर; 2 500 से ऊपर अत्यधिक संकेंद्रित। धराशायी रेखाएँ अनुमान हैं।",
    importPartners: "आयातक की आपूर्ति कहाँ से आती है", restrictionsInForce: "लागू निर्यात प्रतिबंध", about: "इस खनिज के बारे में",
    residual: "किसी देश को न दिया गया", withheld: "स्रोत ने रोका", projection: "अनुमान", noTrade: "इस खनिज और चरण का व्यापार आँकड़ा नहीं है।",
    measure: "माप", restriction: "प्रतिबंध", scope: "दायरा", since: "कब से", target: "लक्ष्य", noRestrictions: "रजिस्टर में कोई नहीं।",
    hhi: "HHI", top1: "सबसे बड़ा", top3: "शीर्ष 3", partnersShare: "साझेदार देशों से", restrictingShare: "प्रतिबंध लगाने वाले देशों से",
  },
});

K.page(async () => {
  const [minerals, countries] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries"), K.world()]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const byNumeric = new Map(countries.map(c => [c.numeric, c]));
  const countryName = iso3 => K.name(byIso3.get(iso3)) || iso3;
  const state = {
    id: K.param("id") ?? "lithium", stage: K.param("stage") ?? "mining", table: K.param("table") ?? "", country: K.param("country") ?? "IND",
  };
  K.options("mineral", minerals.map(m => [m.id, K.name(m)]), state.id);
  K.options("stage", ["mining", "refining"].map(s => [s, K.t(s)]), state.stage);
  K.options("importer", countries.map(c => [c.iso3, K.name(c)]).sort((a, b) => a[1].localeCompare(b[1])), state.country);
  for (const [key, id] of [["id", "mineral"], ["stage", "stage"], ["table", "table"], ["country", "importer"]]) {
    document.getElementById(id).addEventListener("change", e => {
      state[key] = e.target.value;
      if (key !== "table" && key !== "country") state.table = "";
      K.setParams(state);
      K.rerender(render);
    });
  }
  await render();

  async function render() {
    const mineral = minerals.find(m => m.id === state.id) ?? await K.api(`/api/minerals/${encodeURIComponent(state.id)}`);
    document.getElementById("title").textContent = `${K.name(mineral)} · ${K.t(state.stage)}`;
    const [sel, series, imports, restrictions] = await Promise.all([
      K.api(`/api/minerals/${mineral.id}/supply?stage=${state.stage}${state.table ? "&table=" + encodeURIComponent(state.table) : ""}`),
      K.api(`/api/minerals/${mineral.id}/concentration?stage=${state.stage}`),
      K.api(`/api/minerals/${mineral.id}/imports?country=${state.country}&stage=${state.stage}`),
      K.api(`/api/minerals/${mineral.id}/restrictions?stage=${state.stage}&country=${state.country}`),
    ]);
    K.options("table", sel.available.map(a => [a.key, `${a.source} ${a.year}${a.scenario ? " · " + a.scenario : ""}`]), sel.table?.key);
    drawAbout(mineral);
    drawShares(sel.table);
    drawHhi(series);
    drawImports(imports);
    drawRestrictions(restrictions);
  }

  function drawAbout(m) {
    document.getElementById("about").replaceChildren(K.el("p", {},
      `${m.name_en} · ${m.names_hi.join(", ")} · ${m.symbols.join(" ")} · HS ${m.hs_codes.join(" ")}`));
  }

  function drawShares(table) {
    const map = K.chart("map-chart");
    const bars = K.chart("producers-chart");
    map.clear(); bars.clear();
    if (!table) {
      K.empty("map-chart", K.t("noData"));
      K.empty("producers-chart", K.t("noData"));
      document.getElementById("map-note").textContent = K.t("noData");
      return;
    }
    const max = Math.max(...table.shares.map(s => s.share), 0.01);
    map.setOption({
      tooltip: {
        trigger: "item",
        formatter: p => {
          const c = byNumeric.get(p.name);
          return p.data ? `${K.name(c)}: ${K.pct(p.data.share)} (${K.fmt(p.data.amount, 0)} ${table.unit})` : (c ? K.name(c) : "");
        },
      },
      visualMap: { min: 0, max, left: 10, bottom: 20, text: [K.pct(max, 0), "0 %"], calculable: true, inRange: { color: ["#f7e3d3", "#b8572a", "#5a1e05"] },
        formatter: v => K.pct(v, 0) },
      series: [{
        type: "map", map: "world", roam: true, zoom: 1.15, emphasis: { label: { show: false } },
        itemStyle: { areaColor: "#e5e8ec", borderColor: "#9aa5b1", borderWidth: 0.4 },
        data: table.shares.filter(s => byIso3.get(s.iso3)).map(s => ({ name: byIso3.get(s.iso3).numeric, value: s.share, share: s.share, amount: s.value })),
      }],
    });
    const top = table.shares.slice(0, 10).reverse();
    bars.setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: v => K.pct(v) },
      grid: { left: 130, right: 60, top: 10, bottom: 30 },
      xAxis: { type: "value", max: 1, axisLabel: { formatter: v => K.pct(v, 0) } },
      yAxis: { type: "category", data: top.map(s => countryName(s.iso3)) },
      series: [{ type: "bar", data: top.map(s => s.share), itemStyle: { color: "#b8572a" }, label: { show: true, position: "right", formatter: p => K.pct(p.value) } }],
    });
    const withheld = table.withheld.length ? ` · ${K.t("withheld")}: ${table.withheld.map(countryName).join(", ")}` : "";
    document.getElementById("map-note").textContent =
      `${table.source} ${table.year}${table.scenario ? " (" + K.t("projection") + ": " + table.scenario + ")" : ""} · ${table.measure} · ${table.unit} ${table.basis} · `
      + `${K.t("hhi")} ${K.fmt(table.hhi, 0)} · ${K.t("top1")} ${K.pct(table.top1_share)} · ${K.t("top3")} ${K.pct(table.top3_share)} · `
      + `${K.t("residual")}: ${K.fmt(table.residual, 0)}${withheld} · ${table.sources.join("; ")}`;
    document.getElementById("producers-note").textContent = table.notes.join(" ");
  }

  function drawHhi(series) {
    if (!series.some(p => p.hhi != null)) {
      K.empty("hhi-chart", K.t("noData"));
      return;
    }
    const chart = K.chart("hhi-chart");
    chart.clear();
    const groups = new Map();
    for (const p of series) {
      const key = `${p.source}${p.scenario ? " · " + p.scenario : ""} · ${p.measure}`;
      if (!groups.has(key)) groups.set(key, { projection: !!p.scenario, points: [] });
      if (p.hhi != null) groups.get(key).points.push([p.year, Math.round(p.hhi)]);
    }
    chart.setOption({
      tooltip: { trigger: "axis" }, legend: { type: "scroll", bottom: 0 },
      grid: { left: 60, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "value", min: "dataMin", max: "dataMax", axisLabel: { formatter: v => String(v) } },
      yAxis: { type: "value", name: K.t("hhi"), max: 10000 },
      series: [...groups.entries()].map(([name, g]) => ({
        name, type: "line", data: g.points.sort((a, b) => a[0] - b[0]), symbolSize: 6, lineStyle: { type: g.projection ? "dashed" : "solid" },
        markLine: name === [...groups.keys()][0] ? { silent: true, symbol: "none", data: [{ yAxis: 2500 }], lineStyle: { color: "#a4161a" } } : undefined,
      })),
    });
  }

  function drawImports(p) {
    const chart = K.chart("imports-chart");
    chart.clear();
    const note = document.getElementById("imports-note");
    if (!p.has_imports) {
      K.empty("imports-chart", K.t("noTrade"));
      note.textContent = [K.t("noTrade"), ...p.notes].join(" ");
      return;
    }
    chart.setOption({
      tooltip: { trigger: "item", formatter: x => `${x.name}: ${K.pct(x.data.share)} (${K.fmt(x.value, 0)} t)` },
      series: [{
        type: "pie", radius: ["30%", "65%"],
        data: p.shares.slice(0, 12).map(s => ({ name: countryName(s.iso3), value: s.value, share: s.share })),
      }],
    });
    note.textContent = `${countryName(p.perspective)} ${p.year} · ${K.fmt(p.total_imports, 0)} t ${p.content_basis ?? ""} · ${K.t("hhi")} ${K.fmt(p.hhi, 0)} · ${K.pct(p.share_from_partners)} ${K.t("partnersShare")} · `
      + `${K.pct(p.share_from_restricting)} ${K.t("restrictingShare")} · ${p.sources.join("; ")}`;
  }

  function drawRestrictions(rows) {
    K.table("restrictions-table", ["country", "restriction", "scope", "since", "target"],
      rows.map(r => [countryName(r.iso3), r.measure.replaceAll("_", " "), r.scope, r.effective || r.announced, r.target]));
    document.getElementById("restrictions-note").textContent = rows.length ? rows[0].source : K.t("noRestrictions");
  }
});
