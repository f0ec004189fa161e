// Overview: a country's ranked exposure (the brief), the criticality matrix, and the catalogue's criticality lists.
"use strict";

K.method({
  "risk-chart": ["risk", ""], "matrix-chart": ["risk", ""], "risk-table": ["risk", ""], "lists-chart": ["data", ""], "overlap-chart": ["data", ""],
  "minerals-table": ["data", ""],
});

/** A brief row's vintages in words ("USGS (MCS 2026) 2024 supply · 2021 trade · WGI 2022"), from the row's fields. */
function vintage(v) {
  const source = v.label.slice(0, v.label.indexOf(` ${v.supply_year} `)) || v.supply_source.toUpperCase();
  return K.el("span", {}, K.el("span", { translate: "no" }, source), ` ${[`${v.supply_year} ${v.supply_scenario ? `${K.t("supplyProjection")} (${v.supply_scenario})` : K.t("supplyWord")}`,
    v.trade_year ? `${v.trade_year} ${K.t("tradeWord")}` : null, v.wgi_year ? `WGI ${v.wgi_year}` : null].filter(Boolean).join(" · ")}`);
}
const listKeys = { "India 2023": "listIndia", "EU 2023": "listEu", "US 2022": "listUs" };

K.page(async () => {
  const [minerals, countries, frameworks] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries"), K.api("/api/frameworks")]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const mineralName = id => K.name(minerals.find(m => m.id === id) ?? { id });
  const state = { country: K.param("country") ?? "IND", year: K.param("year") ?? "2024" };
  K.options("country", countries.map(c => [c.iso3, K.name(c)]).sort((a, b) => a[1].localeCompare(b[1])), state.country);
  document.getElementById("year").value = state.year;
  for (const id of ["country", "year"]) {
    document.getElementById(id).addEventListener("change", e => {
      state[id] = e.target.value;
      K.setParams(state);
      K.rerender(drawBrief);
    });
  }
  drawCatalogue();
  await drawBrief();

  async function drawBrief() {
    const brief = await K.api(`/api/brief?country=${state.country}&year=${encodeURIComponent(state.year)}`);
    document.getElementById("title").textContent = `${K.t("overview")} · ${K.name(byIso3.get(brief.perspective))} · ${brief.year}`
      + (brief.projection ? ` · ${brief.projection}` : "");
    const stats = document.getElementById("stats");
    stats.replaceChildren(...[[brief.rows.length, "rowsWithData"], [brief.critical_list ? K.t(listKeys[brief.critical_list] ?? brief.critical_list) : K.t("noList"), "criticalList"],
      [brief.partner_count, "partnerCountries"], [brief.wgi_year ?? "–", "wgiYear"], [frameworks.length, "frameworks"]]
      .map(([n, key]) => K.el("div", { class: "stat" }, K.el("b", {}, n), K.el("span", {}, K.t(key)))));

    const top = brief.rows.slice(0, 25).reverse();
    K.chart("risk-chart").setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: v => K.fmt(v) },
      grid: { left: 170, right: 40, top: 10, bottom: 30 },
      xAxis: { type: "value", name: K.t("supplyRisk") },
      yAxis: { type: "category", data: top.map(r => `${mineralName(r.mineral)} · ${K.t(r.stage)}`), axisLabel: { fontSize: 11 } },
      series: [{
        type: "bar",
        data: top.map(r => ({ value: r.supply_risk, itemStyle: { color: r.restricted_share > 0 ? "#8c2d04" : "#e08a4f",
          decal: r.restricted_share > 0 ? { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -0.7 } : null } })),
      }],
    });

    const withImportance = brief.matrix.filter(p => p.importance != null);
    K.chart("matrix-chart").setOption({
      tooltip: { trigger: "item", formatter: p => `${mineralName(p.data.id)} (${K.t(p.data.stage)})\n${K.t("supplyRisk")}: ${K.fmt(p.value[1])}\n`
        + `${K.t("importance")}: ${K.fmt(p.value[0])}\n${p.data.basis}` },
      // Axis names sit beside their axes (a name above the top of the value axis was cut at the chart's edge, "आपूत जाखम").
      grid: { left: 70, right: 40, top: 20, bottom: 50 },
      xAxis: { type: "value", name: K.t("importance"), nameLocation: "middle", nameGap: 30, min: 0, max: 10 },
      yAxis: { type: "value", name: K.t("supplyRisk"), nameLocation: "middle", nameGap: 40, min: 0 },
      series: [{
        type: "scatter", symbolSize: 14, itemStyle: { color: "#b8572a", opacity: 0.85 },
        label: { show: true, position: "right", fontSize: 11, formatter: p => mineralName(p.data.id) },
        // Labels of nearby points move apart; one that still collides is hidden (the tooltip names every point).
        labelLayout: { moveOverlap: "shiftY", hideOverlap: true },
        data: withImportance.map(p => ({ value: [p.importance, p.supply_risk], id: p.mineral_id, stage: p.driving_stage, basis: p.importance_basis })),
        markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#5b6876" }, data: [{ xAxis: 5 }, { yAxis: 1 }] },
      }],
    });
    const missing = brief.matrix.filter(p => p.importance == null).map(p => mineralName(p.mineral_id));
    document.getElementById("matrix-note").textContent = `${K.t("importanceStatement")} ${missing.length ? K.t("noImportance") + " " + missing.join(", ") + "." : ""}`;

    // Exposure columns are over the world without the country's own output (docs/risk.md §7.1); its own share is shown apart.
    K.table("risk-table", ["mineral", "stage", "dataVintages", { key: "ownShare", num: true }, "top1Share", { key: "hhi", num: true },
      { key: "restrictedShare", num: true }, { key: "importHhi", num: true }, { key: "supplyRisk", num: true }],
    brief.rows.map(r => [
      K.el("a", { href: `mineral.html?id=${r.mineral}&stage=${r.stage}&country=${brief.perspective}` }, mineralName(r.mineral)), K.t(r.stage),
      vintage(r.vintage), r.domestic_share == null ? "–" : K.pct(r.domestic_share),
      r.exposure.top1_country ? `${K.name(byIso3.get(r.exposure.top1_country))} ${K.pct(r.exposure.top1_share)}` : "–", K.fmt(r.exposure.hhi, 0),
      K.pct(r.restricted_share), K.fmt(r.imports?.hhi, 0), K.fmt(r.supply_risk)]));
    const partners = brief.partners.partners.map(p => K.name(byIso3.get(p.iso3) ?? { iso3: p.iso3 })).join(", ");
    const list = brief.critical_list ? K.t(listKeys[brief.critical_list] ?? brief.critical_list) : null;
    const fws = brief.partners.frameworks;
    document.getElementById("sources-note").replaceChildren(
      `${list ? `${K.t("coversList")} ${list}` : K.t("coversAll")}. ${K.t("partnersOf")} (${fws.length ? `${K.t("fellowMembers")} ${fws.join(", ")} ${K.t("andRegistry")}` : K.t("registryOnly")}): `
      + `${partners || "–"}. `, K.el("span", { translate: "no" }, brief.sources.join("; ")));
  }

  function drawCatalogue() {
    const lists = [["listIndia", "india2023"], ["listEu", "eu2023"], ["listUs", "us2022"]];
    K.chart("lists-chart").setOption({
      tooltip: {}, grid: { left: 110, right: 30, top: 10, bottom: 30 },
      xAxis: { type: "value", name: K.t("count") }, yAxis: { type: "category", data: lists.map(([k]) => K.t(k)) },
      series: [{ type: "bar", data: lists.map(([, f]) => minerals.filter(m => m[f]).length), itemStyle: { color: "#b8572a" }, label: { show: true, position: "right" } }],
    });
    const groups = [
      ["inAll", m => m.india2023 && m.eu2023 && m.us2022],
      ["onlyIndia", m => m.india2023 && !m.eu2023 && !m.us2022],
      ["notIndia", m => !m.india2023 && (m.eu2023 || m.us2022)],
    ];
    K.chart("overlap-chart").setOption({
      tooltip: { trigger: "item", formatter: p => `${p.name}: ${p.value}\n${p.data.names}` },
      series: [{
        type: "pie", radius: ["35%", "70%"],
        data: groups.map(([k, f]) => {
          const ms = minerals.filter(f);
          return { name: K.t(k), value: ms.length, names: ms.map(K.name).join(", ") };
        }),
      }],
    });
    K.table("minerals-table", ["mineral", "nameEnglish", "hindi", "symbols", "hsCodes", "onLists"],
      minerals.map(m => [
        K.el("a", { href: `mineral.html?id=${encodeURIComponent(m.id)}` }, K.name(m)), K.el("span", { translate: "no" }, m.name_en), m.names_hi.join(", "), K.el("span", { translate: "no" }, m.symbols.join(" ")),
        m.hs_codes.slice(0, 4).join(" "),
        lists.filter(([, f]) => m[f]).map(([k]) => K.el("span", { class: "pill on" }, K.t(k))),
      ]));
  }
});
