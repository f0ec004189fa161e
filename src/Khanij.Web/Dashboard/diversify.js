// Diversify: today's and the recommended import mix as bars, the objective before and after, binding constraints (GET /api/diversify).
"use strict";

K.addLabels({
  en: { objective: "Objective", scenarioFile: "Scenario (cvar)", cap: "Cap", run: "Recommend", mixes: "Today's and the recommended mix",
        binding: "Binding constraints", today: "Today", recommended: "Recommended", infeasible: "No mix meets the constraints:" },
  hi: { objective: "उद्देश्य", scenarioFile: "परिदृश्य (cvar)", cap: "सीमा", run: "सुझाव दें", mixes: "आज का और सुझाया गया मिश्रण",
        binding: "बाध्यकारी शर्तें", today: "आज", recommended: "सुझाया गया", infeasible: "कोई मिश्रण शर्तें पूरी नहीं करता:" },
});

K.page(async () => {
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
    K.chart("mix-chart").setOption({
      tooltip: { trigger: "axis", valueFormatter: x => K.pct(x) }, legend: { top: 0 },
      xAxis: { type: "category", data: shown.map(m => m.iso3), axisLabel: { rotate: 60 } }, yAxis: { type: "value", axisLabel: { formatter: x => K.pct(x, 0) } },
      series: [
        { name: K.t("today"), type: "bar", data: shown.map(m => m.today) },
        { name: K.t("recommended"), type: "bar", data: shown.map(m => m.recommended) },
      ],
    });
    document.getElementById("mix-note").textContent = res.is_feasible
      ? `${r.mineral} ${r.stage}, ${r.country}, ${r.trade_year}: ${r.objective} ${K.fmt(res.before, 4)} → ${K.fmt(res.after, 4)}`
        + (r.supply_risk_before != null ? `; supply-risk score ${K.fmt(r.supply_risk_before, 3)}${r.supply_risk_after != null ? " → " + K.fmt(r.supply_risk_after, 3) : ""}` : "")
        + `. ${r.supply_risk_formula}`
      : K.t("infeasible") + " " + res.conflicts.join(" ");
    const list = document.getElementById("binding");
    list.replaceChildren(...res.binding.map(b => K.el("li", {}, b.in_words)));
    document.getElementById("notes").textContent = res.notes.join(" ") + (r.scenario ? " Scenario: " + r.scenario : "");
  }
});
