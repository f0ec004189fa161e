// Country profile: production and reserves by mineral, imports and their partners (with the pack's coverage gaps named),
// export restrictions imposed and faced, frameworks and partnerships. One call: GET /api/countries/{code}/profile (as khanij country C --json).
"use strict";

K.method({ "*": ["data", ""], "imports-chart": ["risk", ""], "imports-table": ["risk", ""] });

K.page(async () => {
  const [countries, minerals] = await Promise.all([K.api("/api/countries"), K.api("/api/minerals")]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const byMineral = new Map(minerals.map(m => [m.id, m]));
  const countryName = iso3 => K.name(byIso3.get(iso3)) || iso3;
  const mineralName = id => K.name(byMineral.get(id) ?? { id });
  let code = K.param("code") ?? "IND";
  K.options("country", countries.map(c => [c.iso3, K.name(c)]).sort((a, b) => a[1].localeCompare(b[1])), code);
  document.getElementById("country").addEventListener("change", e => {
    code = e.target.value;
    K.setParams({ code });
    K.rerender(draw);
  });
  await draw();

  // Links carry only ids from the API through encodeURIComponent into a relative URL; text is set as text (K.el), never as HTML.
  function target(t) { return t === "all" ? K.t("target_all") : byIso3.has(t) ? countryName(t) : (t ?? ""); }
  function countryLink(iso3) {
    return byIso3.has(iso3) ? K.el("a", { href: `country.html?code=${encodeURIComponent(iso3)}` }, countryName(iso3)) : String(iso3);
  }
  function mineralLink(id, perspective) {
    return K.el("a", { href: `mineral.html?id=${encodeURIComponent(id)}&country=${encodeURIComponent(perspective)}` }, mineralName(id));
  }
  function list(target, items, emptyText) {
    document.getElementById(target).replaceChildren(...(items.length ? items : [emptyText]).map(i => K.el("li", {}, i)));
  }

  async function draw() {
    const p = await K.api(`/api/countries/${encodeURIComponent(code)}/profile`);
    code = p.iso3;
    document.getElementById("title").textContent = `${countryName(p.iso3)} (${p.iso3})`;
    const stat = (value, label) => K.el("div", { class: "stat" }, K.el("b", {}, String(value)), K.el("span", {}, K.t(label)));
    document.getElementById("stats").replaceChildren(
      stat(p.production.length, "productionRows"), stat(p.reserves.length, "reserveRows"),
      stat(p.imports.length, "importedMinerals"), stat(p.imposes.length, "restrictionsImposed"));
    drawShares(p);
    drawImports(p);
    K.table("production-table", ["mineral", "stage", "measure", "source", "year", { key: "tonnes", num: true }, { key: "worldShare", num: true }, "basis"],
      p.production.map(r => [mineralLink(r.mineral_id, p.iso3), K.t(r.stage), K.term("measure_", r.measure),
        K.el("span", { translate: "no" }, `${r.source} (${r.edition})`), r.year, K.fmt(r.tonnes, 3), K.pct(r.world_share), K.term("basis_", r.basis)]));
    document.getElementById("production-note").replaceChildren(...(p.production.length
      ? [`${K.t("line")}: `, K.el("span", { translate: "no" }, [...new Set(p.production.map(r => r.line.split(":")[0]))].join(", "))] : [K.t("noneListed")]));
    K.table("reserves-table", ["mineral", "source", { key: "tonnes", num: true }, "basis"],
      p.reserves.map(r => [mineralLink(r.mineral_id, p.iso3), K.el("span", { translate: "no" }, `${r.source} (${r.edition})`), K.fmt(r.tonnes, 3), K.term("basis_", r.basis)]));
    document.getElementById("reserves-note").replaceChildren(p.reserves.length
      ? K.el("span", { translate: "no" }, [...new Set(p.reserves.map(r => r.line.split(":")[0]))].join(", ")) : K.t("noneListed"));
    K.table("imports-table", ["mineral", "stage", "year", { key: "tonnes", num: true }, "basis", "hs", "partners"],
      p.imports.map(i => [mineralLink(i.mineral_id, p.iso3), K.t(i.stage), i.year, K.fmt(i.tonnes, 0), K.term("basis_", i.content_basis), i.hs_codes,
        i.partners.slice(0, 4).flatMap((x, n) => [n ? ", " : "", countryLink(x.partner), ` ${K.pct(x.share, 0)}`])]));
    K.table("extracts-table", ["source", "year", "hs", "flow", "partner", { key: "tonnes", num: true }, { key: "valueUsd", num: true }],
      p.extracts.map(e => [K.el("span", { translate: "no" }, e.source), e.year, e.hs_code, K.term("flow_", e.flow),
        e.partner_iso3 ? countryLink(e.partner_iso3) : K.term("place_", e.partner_aggregate ?? "World"),
        K.fmt(e.quantity_t, 1), K.fmt(e.value_usd, 0)]));
    list("gaps", p.import_gaps, K.t("noneListed"));
    K.table("imposes-table", ["restriction", "minerals", "scope", "status", "since", "target"],
      p.imposes.map(r => [K.term("restr_", r.measure), r.mineral_ids.flatMap((m, n) => [n ? ", " : "", byMineral.has(m) ? mineralLink(m, p.iso3) : mineralName(m)]),
        r.scope, K.term("status_", r.status), r.effective || r.announced, target(r.target)]));
    K.table("faces-table", ["country", "restriction", "minerals", "status", "target"],
      p.faces.map(r => [countryLink(r.iso3), K.term("restr_", r.measure),
        r.mineral_ids.flatMap((m, n) => [n ? ", " : "", byMineral.has(m) ? mineralLink(m, p.iso3) : mineralName(m)]), K.term("status_", r.status), target(r.target)]));
    list("frameworks", p.frameworks.map(f => K.el("span", { translate: "no" }, f)), K.t("noFrameworks"));
    K.table("partnerships-table", ["partner", "minerals", "basis", "record"],
      p.partnerships.map(x => [countryLink(x.partner), x.minerals.flatMap((m, n) => [n ? ", " : "", byMineral.has(m) ? mineralLink(m, p.iso3) : mineralName(m)]),
        K.term("basis_", x.basis), x.record_id]));
    if (!p.partnerships.length) document.getElementById("partnerships-table").replaceChildren(K.el("caption", {}, K.t("noPartnerships")));
  }

  function drawShares(p) {
    const rows = p.production.filter(r => r.world_share != null).sort((a, b) => b.world_share - a.world_share).slice(0, 20).reverse();
    if (!rows.length) {
      K.empty("share-chart", K.t("noneListed"));
      return;
    }
    const chart = K.chart("share-chart");
    chart.clear();
    chart.setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: v => K.pct(v) },
      grid: { left: 230, right: 60, top: 10, bottom: 30 },
      xAxis: { type: "value", max: 1, axisLabel: { formatter: v => K.pct(v, 0) } },
      yAxis: { type: "category", data: rows.map(r => `${mineralName(r.mineral_id)} · ${K.t(r.stage)} · ${K.sourceName(r.source)} ${r.year}`) },
      series: [{ type: "bar", data: rows.map(r => r.world_share), itemStyle: { color: "#b8572a" }, label: { show: true, position: "right", formatter: x => K.pct(x.value) } }],
    });
  }

  function drawImports(p) {
    const note = document.getElementById("imports-note");
    if (!p.imports.length) {
      K.empty("imports-chart", K.t("noneListed"));
      note.replaceChildren(p.import_gaps.join(" "));
      return;
    }
    // The partners that matter most across minerals get their own colour; the rest are "other". Shares, so products of different weight compare.
    const weight = new Map();
    for (const i of p.imports) for (const x of i.partners) weight.set(x.partner, (weight.get(x.partner) ?? 0) + x.share);
    const top = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 7).map(e => e[0]);
    const rows = [...p.imports].reverse();
    const chart = K.chart("imports-chart");
    chart.clear();
    chart.setOption({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: v => K.pct(v) },
      legend: { type: "scroll", bottom: 0 },
      grid: { left: 130, right: 30, top: 10, bottom: 50 },
      xAxis: { type: "value", max: 1, axisLabel: { formatter: v => K.pct(v, 0) } },
      yAxis: { type: "category", data: rows.map(i => `${mineralName(i.mineral_id)} · ${K.t(i.stage)} ${i.year}`) },
      series: [...top.map(iso3 => ({
        name: countryName(iso3), type: "bar", stack: "share",
        data: rows.map(i => i.partners.find(x => x.partner === iso3)?.share ?? 0),
      })), {
        name: K.t("other"), type: "bar", stack: "share", itemStyle: { color: "#c9ced6" },
        data: rows.map(i => i.partners.filter(x => !top.includes(x.partner)).reduce((s, x) => s + x.share, 0)),
      }],
    });
    note.replaceChildren(`${K.t("containedNote")} `, K.el("span", { translate: "no" }, [...new Set(p.imports.map(i => i.source))].join("; ")));
  }
});
