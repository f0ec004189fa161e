// Diversify: today's and the recommended import mix as bars and as two world maps shaded by share, the objective before and after,
// binding constraints (GET /api/diversify).
"use strict";

K.method({ "*": ["demand", ""] });

K.page(async () => {
  const [countries, minerals] = await Promise.all([K.api("/api/countries"), K.api("/api/minerals"), K.world()]);
  const mineralById = new Map(minerals.map(m => [m.id, m]));
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const byNumeric = new Map(countries.map(c => [c.numeric, c]));
  for (const key of ["mineral", "stage", "country", "objective", "cap"]) {
    const v = K.param(key);
    if (v != null) document.getElementById(key).value = v;
  }
  document.getElementById("run").addEventListener("click", () => K.rerender(render));
  await render();

  async function render() {
    const v = id => document.getElementById(id).value;
    const q = new URLSearchParams({ mineral: v("mineral"), stage: v("stage"), country: v("country"), objective: v("objective"), cap: v("cap") });
    if (v("objective") === "cvar") q.set("scenario", v("scenario"));
    K.setParams({ mineral: v("mineral"), stage: v("stage"), country: v("country"), objective: v("objective"), cap: v("cap") });
    const r = await K.api("/api/diversify?" + q.toString());
    const res = r.result;
    const shown = res.mix.filter(m => m.today > 0.0005 || m.recommended > 0.0005);
    const label = iso3 => K.name(byIso3.get(iso3)) || iso3;
    K.chart("mix-chart").setOption({
      tooltip: { trigger: "axis", valueFormatter: x => K.pct(x) }, legend: { top: 0 },
      xAxis: { type: "category", data: shown.map(m => m.iso3), axisLabel: { rotate: 60 } }, yAxis: { type: "value", axisLabel: { formatter: x => K.pct(x, 0) } },
      series: [
        { name: K.t("today"), type: "bar", data: shown.map(m => m.today) },
        { name: K.t("recommended"), type: "bar", data: shown.map(m => m.recommended) },
      ],
    });
    document.getElementById("mix-note").replaceChildren(...(res.is_feasible
      ? [`${K.name(mineralById.get(r.mineral) ?? { id: r.mineral })} · ${K.t(r.stage)} · ${label(r.country)} · ${r.trade_year}: ${K.t(r.objective === "cvar" ? "objCvar" : "objRisk")} `
        + `${K.fmt(res.before, 4)} → ${K.fmt(res.after, 4)}`
        + (r.supply_risk_before != null ? `; ${K.t("supplyRisk")} ${K.fmt(r.supply_risk_before, 3)}${r.supply_risk_after != null ? " → " + K.fmt(r.supply_risk_after, 3) : ""}` : "")
        + ". ", K.el("span", { translate: "no" }, r.supply_risk_formula)]
      : [K.t("infeasible") + " ", res.conflicts.join(" ")]));
    // Both maps share one colour scale, so the same shade means the same share on either.
    const max = Math.max(0.01, ...shown.map(m => Math.max(m.today, m.recommended)));
    for (const [id, key] of [["map-today", "today"], ["map-recommended", "recommended"]]) {
      const data = shown.filter(m => m[key] > 0.0005 && byIso3.get(m.iso3))
        .map(m => ({ name: byIso3.get(m.iso3).numeric, value: m[key], iso3: m.iso3, alone: m.alone }));
      const map = K.chart(id);
      map.clear();
      map.setOption({
        tooltip: {
          trigger: "item",
          formatter: p => p.data
            ? `${label(p.data.iso3)}: ${K.pct(p.data.value)}${p.data.alone != null ? ` (${r.objective} ${K.t("alone")} ${K.fmt(p.data.alone, 4)})` : ""}`
            : (byNumeric.get(p.name) ? K.name(byNumeric.get(p.name)) : ""),
        },
        visualMap: { min: 0, max, left: 10, bottom: 20, text: [K.pct(max, 0), "0 %"], calculable: true,
          inRange: { color: ["#f7e3d3", "#b8572a", "#5a1e05"] }, formatter: v => K.pct(v, 0) },
        series: [{
          type: "map", map: "world", roam: true, zoom: 1.15, emphasis: { label: { show: false } },
          itemStyle: { areaColor: "#e5e8ec", borderColor: "#9aa5b1", borderWidth: 0.4 }, data,
        }],
      });
    }
    const list = document.getElementById("binding");
    list.replaceChildren(...(res.binding.length ? res.binding.map(b => K.el("li", {}, b.in_words)) : [K.el("li", {}, K.t("noBinding"))]));
    document.getElementById("notes").replaceChildren(res.notes.join(" "), r.scenario ? ` ${K.t("scenarioWord")}: ${r.scenario}` : "");
  }
});
