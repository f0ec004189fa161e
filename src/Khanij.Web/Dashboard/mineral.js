// Mineral page: world map of shares at a stage, top producers, HHI over years and projections, import partners, restrictions in force;
// then the mineral sheet (GET /api/minerals/{id}/sheet, as khanij mineral M --json): production by country over every year of every source,
// reserves, the selected country's imports, recycling, IEA demand, every restriction, reported facts, and what the pack does not have.
"use strict";

K.method({
  "map-chart": ["risk", ""], "producers-chart": ["risk", ""], "hhi-chart": ["risk", ""], "imports-chart": ["risk", ""], "*": ["data", ""],
});
const src = text => K.el("span", { translate: "no" }, text);
K.page(async () => {
  const [minerals, countries] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries"), K.world()]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const byNumeric = new Map(countries.map(c => [c.numeric, c]));
  const countryName = iso3 => K.name(byIso3.get(iso3)) || iso3;
  // Country names link to the country profile; only catalogue codes become links, through encodeURIComponent into a relative URL.
  const countryLink = iso3 => byIso3.has(iso3) ? K.el("a", { href: `country.html?code=${encodeURIComponent(iso3)}` }, countryName(iso3)) : String(iso3);
  // The sheet's places: a country, or an aggregate the source prints, such as "(world_total)".
  const target = t => t === "all" ? K.t("target_all") : byIso3.has(t) ? countryName(t) : (t ?? "");
  const placeName = p => p.startsWith("(") ? (p === "(world_total)" ? K.t("worldTotal") : K.term("place_", p.slice(1, -1))) : countryName(p);
  const placeCell = (p, isCountry) => isCountry ? countryLink(p) : placeName(p);
  const palette = ["#b8572a", "#2f6690", "#3a7d44", "#8e5572", "#d4a017", "#4f5d75", "#c0392b", "#16a085", "#7f8c8d", "#6c3483"];
  const dashes = ["solid", "dashed", "dotted"];
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
    const [sel, series, imports, restrictions, sheet] = await Promise.all([
      K.api(`/api/minerals/${mineral.id}/supply?stage=${state.stage}${state.table ? "&table=" + encodeURIComponent(state.table) : ""}`),
      K.api(`/api/minerals/${mineral.id}/concentration?stage=${state.stage}`),
      K.api(`/api/minerals/${mineral.id}/imports?country=${state.country}&stage=${state.stage}`),
      K.api(`/api/minerals/${mineral.id}/restrictions?stage=${state.stage}&country=${state.country}`),
      K.api(`/api/minerals/${encodeURIComponent(mineral.id)}/sheet?country=${encodeURIComponent(state.country)}`),
    ]);
    K.options("table", sel.available.map(a => [a.key, `${K.sourceName(a.source)} ${a.year}${a.scenario ? ` · ${K.t("projection")} ${K.termText("scen_", a.scenario)}` : ""}`]), sel.table?.key);
    drawAbout(mineral);
    drawShares(sel.table);
    drawHhi(series);
    drawImports(imports);
    drawRestrictions(restrictions);
    drawSheet(sheet);
  }

  function drawAbout(m) {
    document.getElementById("about").replaceChildren(K.el("p", {},
      src(m.name_en), ` · ${m.names_hi.join(", ")} · `, src(m.symbols.join(" ")), ` · HS ${m.hs_codes.join(" ")}`));
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
          return p.data ? `${K.name(c)}: ${K.pct(p.data.share)} (${K.qty(p.data.amount, table.unit)})` : (c ? K.name(c) : "");
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
    document.getElementById("map-note").replaceChildren(
      `${K.sourceName(table.source)} ${table.year}${table.scenario ? " (" + K.t("projection") + ": " + K.termText("scen_", table.scenario) + ")" : ""} · `,
      K.term("measure_", table.measure), ` · ${K.unitName(table.unit)} `, K.term("basis_", table.basis), " · "
      + `${K.t("hhi")} ${K.fmt(table.hhi, 0)} · ${K.t("top1")} ${K.pct(table.top1_share)} · ${K.t("top3")} ${K.pct(table.top3_share)} · `
      + `${K.t("residual")}: ${K.fmt(table.residual, 0)}${withheld} · `, src(table.sources.join("; ")));
    document.getElementById("producers-note").replaceChildren(...K.serverNote(table.notes.join(" ")));
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
      // Legends name the publisher, the projection and the measure in words, not ids ("iea · base_case").
      const key = `${K.sourceName(p.source)}${p.scenario ? ` · ${K.t("projection")} ${K.termText("scen_", p.scenario)}` : ""} · ${K.termText("measure_", p.measure)}`;
      if (!groups.has(key)) groups.set(key, { projection: !!p.scenario, points: [] });
      if (p.hhi != null) groups.get(key).points.push([p.year, Math.round(p.hhi)]);
    }
    chart.setOption({
      tooltip: { trigger: "axis" }, legend: { type: "scroll", bottom: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 60 },
      xAxis: { type: "value", min: "dataMin", max: "dataMax", axisLabel: { formatter: v => String(v) } },
      yAxis: { type: "value", name: K.t("hhi"), max: 10000, axisLabel: { formatter: v => K.fmt(v, 0) } },
      series: [...groups.entries()].map(([name, g]) => ({
        name, type: "line", data: g.points.sort((a, b) => a[0] - b[0]), symbolSize: 6, lineStyle: { type: g.projection ? "dashed" : "solid" },
        // The threshold's label sits inside the plot, above the line's end (at the line's end it was cut off by the chart's edge).
        markLine: name === [...groups.keys()][0] ? { silent: true, symbol: "none", data: [{ yAxis: 2500 }], lineStyle: { color: "#a4161a" },
          label: { position: "insideEndTop", formatter: `2 500: ${K.t("highlyConcentrated")}`, color: "#a4161a" } } : undefined,
      })),
    });
  }

  function drawImports(p) {
    const chart = K.chart("imports-chart");
    chart.clear();
    const note = document.getElementById("imports-note");
    if (!p.has_imports) {
      K.empty("imports-chart", K.t("noTrade"));
      note.replaceChildren(K.t("noTrade") + " ", ...K.serverNote(p.notes.join(" ")));
      return;
    }
    chart.setOption({
      tooltip: { trigger: "item", formatter: x => `${x.name}: ${K.pct(x.data.share)} (${K.qty(x.value)})` },
      series: [{
        type: "pie", radius: ["30%", "60%"], avoidLabelOverlap: true, labelLayout: { hideOverlap: true },
        // Slices under 3 % carry no label (their names crowd into each other); the tooltip names every slice.
        data: p.shares.slice(0, 12).map(s => ({ name: countryName(s.iso3), value: s.value, share: s.share, label: { show: s.share >= 0.03 },
          labelLine: { show: s.share >= 0.03 } })),
      }],
    });
    note.replaceChildren(`${countryName(p.perspective)} ${p.year} · ${K.qty(p.total_imports)} `, K.term("basis_", p.content_basis),
      ` · ${K.t("hhi")} ${K.fmt(p.hhi, 0)} · ${K.pct(p.share_from_partners)} ${K.t("partnersShare")} · `
      + `${K.pct(p.share_from_restricting)} ${K.t("restrictingShare")} · `, src(p.sources.join("; ")));
  }

  function drawRestrictions(rows) {
    K.table("restrictions-table", ["country", "restriction", "scope", "since", "target"],
      rows.map(r => [countryLink(r.iso3), K.term("restr_", r.measure), r.scope, r.effective || r.announced, target(r.target)]));
    document.getElementById("restrictions-note").replaceChildren(rows.length ? src(rows[0].source) : K.t("noRestrictions"));
  }

  // ---- The mineral sheet ----


  function drawSheet(s) {
    drawProduction(s.production);
    drawReserves(s.reserves);
    drawTrade(s);
    drawRecycling(s.recycling);
    drawDemand(s.demand);
    K.table("sheet-restrictions", ["country", "restriction", "scope", "status", "since", "target", "source"],
      s.restrictions.map(r => [countryLink(r.iso3), K.term("restr_", r.measure), r.scope, K.term("status_", r.status), r.effective || r.announced,
        target(r.target), src(`${r.provenance.source_file}:${r.provenance.line}`)]));
    K.table("facts-table", ["item", "value", "unit", "period", "publisher", "confidence"],
      s.reported_facts.map(f => [f.item, f.value, f.unit, f.period, src(`${f.publisher} (${f.provenance.source_file}:${f.provenance.line})`),
        K.term("confidence_", f.confidence)]));
    const missing = document.getElementById("missing");
    missing.replaceChildren(...(s.missing.length ? s.missing : [K.t("nothingMissing")]).map(m => K.el("li", {}, m)));
  }

  // Series that share a stage, measure, unit and basis are drawn in one chart on one time axis, each source its own line style
  // (the editions of one publisher cover different years; sources never add up). Different bases get different charts.
  function drawProduction(all) {
    const holder = document.getElementById("production-series");
    holder.replaceChildren();
    if (!all.length) {
      holder.append(K.el("p", { class: "empty" }, K.t("noData")));
      return;
    }
    const groups = new Map();
    for (const s of all) {
      const key = [s.stage, s.measure, s.unit, s.basis].join("|").toLowerCase();
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(s);
    }
    [...groups.values()].forEach((series, g) => {
      const id = `production-chart-${g}`;
      const tableId = `production-table-${g}`;
      const first = series[0];
      const notes = series.flatMap((s, i) => [i ? " | " : "", src(`${K.sourceName(s.source)}: ${s.edition} · ${s.files.join(", ")}`),
        s.has_estimates ? " · " + K.t("includesEstimates") : ""]);
      holder.append(K.el("div", { class: "series", "data-stage": first.stage },
        K.el("h3", {}, `${K.t(first.stage)} · `, K.term("measure_", first.measure), ` · ${K.unitName(first.unit)}, `, K.term("basis_", first.basis)),
        K.el("div", { class: "chart", id }), K.el("table", { id: tableId }), K.el("p", { class: "note" }, notes)));
      const years = [...new Set(series.flatMap(s => s.years))].sort((a, b) => a - b);
      const latest = new Map();
      for (const s of series) for (const r of s.rows) if (r.is_country) {
        const v = [...r.values].reverse().find(x => x != null);
        if (v != null) latest.set(r.place, Math.max(latest.get(r.place) ?? 0, v));
      }
      const top = [...latest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(e => e[0]);
      const chart = K.chart(id);
      chart.clear();
      chart.setOption({
        tooltip: { trigger: "axis", valueFormatter: v => K.qty(v, first.unit) },
        legend: { type: "scroll", bottom: 0 },
        grid: { left: 70, right: 20, top: 34, bottom: 60 },
        xAxis: { type: "category", data: years.map(String) },
        yAxis: { type: "value", name: K.unitName(first.unit), axisLabel: { formatter: v => K.fmt(v, 0) } },
        series: series.flatMap((s, i) => top.filter(p => s.rows.some(r => r.place === p)).map(p => {
          const row = s.rows.find(r => r.place === p);
          return {
            name: `${countryName(p)} · ${K.sourceName(s.source)}`, type: "line", connectNulls: false, symbolSize: 6,
            lineStyle: { type: dashes[i % dashes.length] }, itemStyle: { color: palette[top.indexOf(p) % palette.length] },
            data: years.map(y => { const k = s.years.indexOf(y); return k < 0 ? null : row.values[k]; }),
          };
        })),
      });
      // The figures themselves: top places and the world total, every year of every source (— withheld or not in that source).
      const columns = series.flatMap(s => s.years.map(y => ({ s, y })));
      const places = [...top, ...new Set(series.flatMap(s => s.rows.filter(r => !r.is_country).map(r => r.place)))];
      K.table(tableId, ["place", ...columns.map(c => ({ text: `${c.y} · ${K.sourceName(c.s.source)}`, num: true }))],
        places.map(p => [placeCell(p, !p.startsWith("(")), ...columns.map(c => {
          const row = c.s.rows.find(r => r.place === p);
          return row ? K.fmt(row.values[c.s.years.indexOf(c.y)], 3) : "–";
        })]));
    });
  }

  function drawReserves(tables) {
    const holder = document.getElementById("reserves");
    if (!tables.length) {
      holder.replaceChildren(K.el("p", { class: "empty" }, K.t("noData")));
      return;
    }
    holder.replaceChildren(...tables.flatMap((r, i) => {
      const t = K.el("table", { id: `reserves-table-${i}`, "data-source": r.source });
      return [K.el("h3", {}, `${K.sourceName(r.source)} · ${K.unitName("t")}, `, K.term("basis_", r.basis)), t,
        K.el("p", { class: "note" }, src(`${r.edition} · ${r.files.join(", ")}`))];
    }));
    // Tables are filled once they are in the page (their CSV buttons go after them).
    tables.forEach((r, i) => {
      const rows = [...r.rows.filter(x => x.is_country).slice(0, 10), ...r.rows.filter(x => !x.is_country)];
      K.table(`reserves-table-${i}`, ["place", { key: "tonnes", num: true }], rows.map(x => [placeCell(x.place, x.is_country), K.fmt(x.tonnes, 3)]));
    });
  }

  function drawTrade(s) {
    const t = s.trade;
    document.getElementById("trade-title").textContent = `${K.t("countryTrade")}: ${countryName(s.perspective)}`;
    // One row per stage: the latest trade year's partners in tonnes of contained mineral (the import side of docs/risk.md §4).
    K.table("trade-table", ["stage", "year", { key: "tonnes", num: true }, "partners"],
      t.imports.map(i => [K.t(i.stage), i.year, K.el("span", {}, `${K.qty(i.tonnes)} `, K.term("basis_", i.content_basis)),
        i.partners.slice(0, 6).flatMap((p, n) => [n ? ", " : "", countryLink(p.partner), ` ${K.pct(p.share, 0)}`])]));
    if (!t.imports.length) document.getElementById("trade-table").replaceChildren();
    document.getElementById("trade-note").replaceChildren(...(t.imports.length
      ? t.imports.flatMap((i, n) => [n ? " | " : "", `${K.t(i.stage)}: HS ${i.hs_codes} · `, src(i.source), " · ", ...K.serverNote(i.notes.join(" "))])
      : [t.extracts.length ? "" : K.t("noImports")]));
    K.table("extracts-table", ["source", "year", "hs", "flow", "partner", { key: "tonnes", num: true }, { key: "valueUsd", num: true }],
      t.extracts.map(e => [src(e.source), e.year, e.hs_code, K.term("flow_", e.flow), e.partner_iso3 ? countryLink(e.partner_iso3) : K.term("place_", e.partner_aggregate ?? "World"),
        K.fmt(e.quantity_t, 1), K.fmt(e.value_usd, 0)]));
    if (!t.extracts.length) document.getElementById("extracts-table").replaceChildren();
    document.getElementById("coverage").replaceChildren(...t.coverage.map(c => K.el("li", {}, c)));
  }

  function drawRecycling(r) {
    const line = (key, value) => K.el("p", {}, K.el("b", {}, `${K.t(key)}: `), value);
    document.getElementById("recycling").replaceChildren(
      line("rateUsed", r.rate_percent == null ? K.t("noRate") : `${K.fmt(r.rate_percent, 2)} %`),
      line("factor", K.fmt(r.factor, 3)),
      // UNEP's printed ranges keep the publisher's notation (element name, footnote letters).
      line("eolRr", r.eol_rr_range ? src(r.eol_rr_range) : "–"), line("rc", r.rc_range ? src(r.rc_range) : "–"),
      K.el("p", { class: "note" }, ...quoting(r.basis, r.entry_as_printed), " · ", src(r.sources.join(" · "))));
  }

  // The basis quotes UNEP's entry as printed ('32d', footnote letters included): that quotation is the publisher's notation, not translated.
  function quoting(text, printed) {
    const quote = `'${printed}'`;
    const at = printed ? text.indexOf(quote) : -1;
    return at < 0 ? [text] : [text.slice(0, at), "'", src(printed), "'", text.slice(at + quote.length)];
  }

  function drawDemand(rows) {
    const note = document.getElementById("demand-note");
    if (!rows.length) {
      K.empty("demand-chart", K.t("noData"));
      note.textContent = "";
      return;
    }
    const groups = new Map();
    for (const d of rows) {
      const key = `${K.termText("scen_", d.scenario)} · ${K.t(d.table)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push([d.year, d.tonnes]);
    }
    const chart = K.chart("demand-chart");
    chart.clear();
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: v => K.qty(v) }, legend: { type: "scroll", bottom: 0 },
      grid: { left: 80, right: 20, top: 34, bottom: 60 },
      xAxis: { type: "value", min: "dataMin", max: "dataMax", axisLabel: { formatter: v => String(v) } },
      yAxis: { type: "value", name: K.unitName("t"), axisLabel: { formatter: v => K.fmt(v, 0) } },
      series: [...groups.entries()].map(([name, points]) => ({ name, type: "line", symbolSize: 6, data: points.sort((a, b) => a[0] - b[0]) })),
    });
    note.replaceChildren(`${K.unitName("t")} · `, src([...new Set(rows.map(d => d.source))].join("; ")));
  }
});
