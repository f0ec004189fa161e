// Demand: a country's mineral needs from a shipped deployment scenario, and needs against secured supply (GET /api/demand).
"use strict";

K.page(async () => {
  const files = await K.api("/api/demand/scenarios");
  const chosen = K.param("scenario") ?? files[0];
  K.options("scenario", files.map(f => [f, f]), chosen);
  document.getElementById("scenario").addEventListener("change", e => { K.setParams({ scenario: e.target.value }); K.rerender(render); });
  await render();

  async function render() {
    const file = document.getElementById("scenario").value;
    const r = await K.api("/api/demand?scenario=" + encodeURIComponent(file));
    document.getElementById("scenario-name").textContent = `${r.scenario} — ${r.country}`;
    const label = t => `${t.mineral_id} ${t.year}`;
    const techs = [...new Set(r.totals.flatMap(t => Object.keys(t.by_technology)))];
    K.chart("needs-chart").setOption({
      tooltip: { trigger: "axis" }, legend: { top: 0 },
      xAxis: { type: "category", data: r.totals.map(label), axisLabel: { rotate: 45 } }, yAxis: { type: "value" },
      series: techs.map(tech => ({ name: tech, type: "bar", stack: "t", data: r.totals.map(t => t.by_technology[tech] ?? 0) })),
    });
    document.getElementById("needs-note").textContent = "BatPaC kg/kWh × GWh × chemistry share; figures marked 'assumption' in the sources are the scenario author's.";
    K.chart("gap-chart").setOption({
      tooltip: { trigger: "axis" }, legend: { top: 0 },
      xAxis: { type: "category", data: r.gap.map(label), axisLabel: { rotate: 45 } }, yAxis: { type: "value" },
      series: [
        { name: K.t("secured"), type: "bar", stack: "g", data: r.gap.map(g => Math.min(g.secured_tonnes, g.need_tonnes)) },
        { name: K.t("unsecured"), type: "bar", stack: "g", data: r.gap.map(g => g.unsecured_tonnes) },
        { name: K.t("need"), type: "line", data: r.gap.map(g => g.need_tonnes) },
      ],
    });
    document.getElementById("gap-note").textContent = r.gap.some(g => g.is_upper_bound) ? "≤ " + K.t("upperBound") : "";
    K.table("gap-table", [K.t("mineral"), K.t("year"), K.t("need"), K.t("secured"), K.t("unsecured"), K.t("basis")],
      r.gap.map(g => [g.mineral_id, g.year, K.fmt(g.need_tonnes, 0), K.fmt(g.secured_tonnes, 0),
        (g.is_upper_bound && g.unsecured_tonnes > 0 ? "≤ " : "") + K.fmt(g.unsecured_tonnes, 0),
        g.items.map(i => i.not_counted == null ? `${i.label}: ${K.fmt(i.tonnes, 0)} t (${i.basis})` : `${i.label}: not counted — ${i.not_counted}`).join("; ")]));
    K.table("missing-table", [K.t("year"), "technology", K.t("value"), K.t("unit"), K.t("reason"), K.t("citation")],
      r.not_computed.map(n => [n.year, n.technology, K.fmt(n.value, 2), n.unit, n.reason, n.citation]));
    K.table("sources-table", ["id", K.t("citation"), "url"], r.sources.map(s => [s.id, s.citation, s.url ?? ""]));
    document.getElementById("notes").textContent = [...r.notes, ...r.omitted.map(o => "Left out: " + o), ...r.world_missing].join(" ");
  }
});
