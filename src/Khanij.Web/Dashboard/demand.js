// Demand: a country's mineral needs from a shipped deployment scenario, and needs against secured supply (GET /api/demand).
"use strict";

K.method({ "*": ["demand", ""] });

K.page(async () => {
  const [files, minerals] = await Promise.all([K.api("/api/demand/scenarios"), K.api("/api/minerals")]);
  const mineralName = id => K.name(minerals.find(m => m.id === id) ?? { id });
  const chosen = K.param("scenario") ?? files[0];
  K.options("scenario", files.map(f => [f, f]), chosen);
  document.getElementById("scenario").addEventListener("change", e => { K.setParams({ scenario: e.target.value }); K.rerender(render); });
  await render();

  async function render() {
    const file = document.getElementById("scenario").value;
    const r = await K.api("/api/demand?scenario=" + encodeURIComponent(file));
    document.getElementById("scenario-name").replaceChildren(r.scenario, ` — ${r.country}`);
    const label = t => `${mineralName(t.mineral_id)} ${t.year}`;
    const techs = [...new Set(r.totals.flatMap(t => Object.keys(t.by_technology)))];
    K.chart("needs-chart").setOption({
      tooltip: { trigger: "axis", valueFormatter: v => K.qty(v) }, legend: { top: 0 },
      grid: { left: 80, right: 20, top: 40, bottom: 110 },
      xAxis: { type: "category", data: r.totals.map(label), axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: "value", name: K.unitName("t"), axisLabel: { formatter: v => K.fmt(v, 0) } },
      series: techs.map(tech => ({ name: K.t("tech_" + tech), type: "bar", stack: "t", data: r.totals.map(t => t.by_technology[tech] ?? 0) })),
    });
    document.getElementById("needs-note").textContent = K.t("needsNote");
    K.chart("gap-chart").setOption({
      tooltip: { trigger: "axis", valueFormatter: v => K.qty(v) }, legend: { top: 0 },
      grid: { left: 80, right: 20, top: 40, bottom: 110 },
      xAxis: { type: "category", data: r.gap.map(label), axisLabel: { rotate: 45, interval: 0 } },
      yAxis: { type: "value", name: K.unitName("t"), axisLabel: { formatter: v => K.fmt(v, 0) } },
      series: [
        { name: K.t("secured"), type: "bar", stack: "g", data: r.gap.map(g => Math.min(g.secured_tonnes, g.need_tonnes)) },
        { name: K.t("unsecured"), type: "bar", stack: "g", data: r.gap.map(g => g.unsecured_tonnes) },
        { name: K.t("need"), type: "line", data: r.gap.map(g => g.need_tonnes) },
      ],
    });
    document.getElementById("gap-note").textContent = r.gap.some(g => g.is_upper_bound) ? "≤ " + K.t("upperBound") : "";
    K.table("gap-table", ["mineral", "year", { key: "needT", num: true }, { key: "securedT", num: true }, { key: "unsecuredT", num: true }, "basis"],
      r.gap.map(g => [mineralName(g.mineral_id), g.year, K.fmt(g.need_tonnes, 0), K.fmt(g.secured_tonnes, 0),
        (g.is_upper_bound && g.unsecured_tonnes > 0 ? "≤ " : "") + K.fmt(g.unsecured_tonnes, 0),
        K.el("span", {}, ...K.serverNote(g.items.map(i => i.not_counted == null ? `${i.label}: ${K.fmt(i.tonnes, 0)} t (${i.basis})` : `${i.label}: ${K.t("notCounted")} — ${i.not_counted}`).join("; ")))]));
    K.table("missing-table", ["year", "technology", { key: "value", num: true }, "unit", "reason", "citation"],
      r.not_computed.map(n => [n.year, K.t("tech_" + n.technology), K.fmt(n.value, 2), K.unitName(n.unit), n.reason, K.el("span", { translate: "no" }, n.citation)]));
    K.table("sources-table", ["id", "citation", "url"], r.sources.map(s => [K.el("span", { translate: "no" }, s.id), K.el("span", { translate: "no" }, s.citation), K.el("span", { translate: "no" }, s.url ?? "")]));
    document.getElementById("notes").replaceChildren(...K.serverNote([...r.notes, ...r.omitted.map(o => K.t("leftOut") + ": " + o), ...r.world_missing].join(" ")));
  }
});
