// Scenario runner: a quick form or a scenario JSON → POST /api/simulate → shortfalls by stage, downstream, Monte Carlo distribution.
"use strict";

K.method({ "*": ["simulation", ""] });

/** "Electric vehicles" → the catalogue's word for the IEA sector (key sector_Electric_vehicles). */
const sectorName = s => K.t("sector_" + s.replace(/[^A-Za-z]+/g, "_"));
/** A histogram metric "cobalt/refining/IND/shortfall_fraction" in words. */
let metricLabel = m => m;

K.page(async () => {
  const [minerals, countries, examples] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries"), K.api("/api/scenarios")]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const countryName = iso3 => K.name(byIso3.get(iso3)) || iso3;
  const mineralName = id => K.name(minerals.find(m => m.id === id) ?? { id });
  const sortedCountries = countries.map(c => [c.iso3, K.name(c)]).sort((a, b) => a[1].localeCompare(b[1]));
  K.options("q-country", sortedCountries, "COD");
  K.options("q-perspective", sortedCountries, "IND");
  K.options("q-mineral", minerals.map(m => [m.id, K.name(m)]), "cobalt");
  K.options("q-stage", ["mining", "refining"].map(s => [s, K.t(s)]), "mining");
  metricLabel = m => {
    const [mineral, stage, who, what] = m.split("/");
    return `${mineralName(mineral)} · ${K.t(stage)} · ${who === "world" ? K.t("world") : countryName(who)} · ${K.t("metric_" + what)}`;
  };
  // The bundled examples have Hindi titles in the catalogue; a scenario of one's own keeps its title.
  const exampleName = e => K.tOr("scenario_" + e.file.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "_"), e.name);
  K.options("example", examples.map(e => [e.file, exampleName(e)]), examples.find(e => e.file.startsWith("drc-"))?.file ?? examples[0]?.file);
  const textarea = document.getElementById("scenario");
  const loadExample = () => { textarea.value = examples.find(e => e.file === document.getElementById("example").value)?.json ?? ""; };
  document.getElementById("example").addEventListener("change", loadExample);
  document.getElementById("run").addEventListener("click", () => K.rerender(run));
  document.getElementById("q-build").addEventListener("click", () => { textarea.value = JSON.stringify(quickScenario(), null, 2); K.rerender(run); });
  let last = null;
  document.getElementById("metric").addEventListener("change", () => drawHistogram(last));
  loadExample();
  if (textarea.value) await run();

  function quickScenario() {
    const v = id => document.getElementById(id).value;
    const country = v("q-country"), mineral = v("q-mineral");
    return {
      name: `${countryName(country)} · ${mineralName(mineral)} · ${K.t(v("q-stage"))}`, perspective: v("q-perspective"), horizon_months: 12, runs: Number(v("q-runs")), seed: 42,
      shocks: [{
        name: `${country}-${mineral}`, kind: "cut", country, minerals: [mineral], stage: v("q-stage"),
        fraction: { dist: "triangular", min: Number(v("q-min")), mode: Number(v("q-mode")), max: Number(v("q-max")) },
        duration_months: Number(v("q-months")), start_month: 0, probability: 1,
      }],
    };
  }

  async function run() {
    // In the page's language, as K.api does: the server writes its notes and warnings from its catalogue.
    const res = await fetch("/api/simulate", { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": K.lang }, body: textarea.value });
    const body = await res.json();
    if (!res.ok) {
      const fields = body.errors ? Object.entries(body.errors).map(([f, m]) => `${f}: ${m.join(" ")}`).join("\n") : "";
      throw new K.ApiError(`${body.title ?? ""}\n${fields || body.detail || ""}`, res.status, body);
    }
    last = body;
    draw(body);
  }

  function draw(body) {
    const r = body.report;
    const example = examples.find(e => e.name === r.scenario);
    document.getElementById("title").textContent = `${K.t("navScenario")} · ${example ? exampleName(example) : r.scenario}`;
    const labels = [], world = [], country = [];
    for (const m of r.minerals) {
      for (const s of m.stages) {
        labels.push(`${mineralName(m.mineral)} · ${K.t(s.stage)}`);
        world.push(s.world_shortfall_fraction);
        country.push(s.country.shortfall_fraction);
      }
    }
    K.chart("shortfall-chart").setOption({
      tooltip: { trigger: "axis", valueFormatter: v => K.pct(v) }, legend: { bottom: 0 },
      grid: { left: 60, right: 20, top: 20, bottom: 60 },
      xAxis: { type: "category", data: labels }, yAxis: { type: "value", axisLabel: { formatter: v => K.pct(v, 0) } },
      series: [
        { name: K.t("world"), type: "bar", data: world, itemStyle: { color: "#b8572a" } },
        { name: countryName(r.perspective), type: "bar", data: country, itemStyle: { color: "#23313f" } },
      ],
    });
    document.getElementById("shortfall-note").replaceChildren(
      `${K.fmt(r.runs, 0)} ${K.t("runsLabel")} · ${K.t("seed")} ${r.seed} · ${K.t("elapsed")} ${K.fmt(r.elapsed_seconds, 2)} ${K.t("seconds")} · `,
      K.el("span", { translate: "no" }, r.shocks.map(s => `${s.name}: ${s.country}${s.target ? "→" + s.target : ""} ${s.minerals.join(",")} ${s.stage} `
        + `${s.fraction} × ${s.duration_months}`).join("; ")), ` (${K.t("shockNote")})`);

    // Tonnes by end use and battery GWh not made are different quantities: two grids, each with its own axis and unit.
    const sectors = r.minerals.flatMap(m => m.sectors.map(s => ({ name: `${mineralName(m.mineral)} · ${sectorName(s.sector)}`, world: s.world_shortfall_t, country: s.country_shortfall_t })));
    const battery = r.minerals.flatMap(m => m.battery.map(b => ({ name: `${mineralName(m.mineral)} · ${b.chemistry}`, world: b.world_gwh_not_made, country: b.country_gwh_not_made })));
    if (sectors.length === 0 && battery.length === 0) {
      K.empty("sector-chart", K.t("noDownstream"));
    } else {
      const n = sectors.length, b = battery.length, split = b === 0 ? 1 : n === 0 ? 0 : Math.max(0.35, Math.min(0.75, n / (n + b)));
      const grids = [], xAxes = [], yAxes = [], series = [];
      const add = (rows, unit, top, height) => {
        const i = grids.length;
        grids.push({ left: 230, right: 70, top: `${top}%`, height: `${height}%` });
        xAxes.push({ type: "value", gridIndex: i, name: K.unitName(unit), nameGap: 8, axisLabel: { formatter: v => K.fmt(v, 0), hideOverlap: true } });
        yAxes.push({ type: "category", gridIndex: i, data: rows.map(x => x.name), axisLabel: { width: 215, overflow: "truncate" } });
        series.push({ name: K.t("world"), type: "bar", xAxisIndex: i, yAxisIndex: i, data: rows.map(x => x.world), itemStyle: { color: "#b8572a" },
          tooltip: { valueFormatter: v => K.qty(v, unit) } });
        series.push({ name: countryName(r.perspective), type: "bar", xAxisIndex: i, yAxisIndex: i, data: rows.map(x => x.country), itemStyle: { color: "#23313f" },
          tooltip: { valueFormatter: v => K.qty(v, unit) } });
      };
      if (n) add(sectors, "t", 4, 80 * split - 8);
      if (b) add(battery, "GWh", 4 + 80 * split + (n ? 6 : 0), 80 * (1 - split) - (n ? 6 : 0));
      K.chart("sector-chart").setOption({ tooltip: { trigger: "axis" }, legend: { bottom: 0 }, grid: grids, xAxis: xAxes, yAxis: yAxes, series }, true);
    }
    document.getElementById("sector-note").replaceChildren(...K.serverNote(r.minerals.flatMap(m => m.notes).join(" ")));

    K.options("metric", body.histograms.map(h => [h.metric, metricLabel(h.metric)]),
      body.histograms.find(h => h.metric.includes(`/${r.perspective}/`) && h.bins.length > 1)?.metric ?? body.histograms[0]?.metric);
    drawHistogram(body);

    const rows = [];
    for (const m of r.minerals) {
      for (const s of m.stages) {
        for (const [key, st] of Object.entries(s.distribution ?? {})) {
          if (s.country.shortfall_fraction == null && !key.startsWith("world")) continue;   // a stage the perspective does not take
          // Fractions read as percentages, tonnes with their unit and sensible precision (not "1,59,337.076" beside "0.389").
          const show = key.endsWith("_fraction") ? v => K.pct(v, 1) : v => K.qty(v, "t");
          rows.push([`${mineralName(m.mineral)} · ${K.t(s.stage)}`, `${key.startsWith("world") ? K.t("world") : countryName(r.perspective)} · ${K.t("metric_" + key.replace(/^world_/, ""))}`,
            show(st.mean), show(st.median), show(st.p95), show(st.cvar95)]);
        }
      }
    }
    K.table("stats-table", ["stage", "metric", { key: "mean", num: true }, { key: "median", num: true }, { key: "p95", num: true }, { key: "cvar", num: true }], rows);
    // The one partner definition (docs/risk.md §7.3), listed whether or not partner priority is on.
    const partners = r.partners.partners.map(p => countryName(p.iso3)).join(", ");
    const fws = r.partners.frameworks;
    document.getElementById("warnings").replaceChildren(`${K.t("partnersOfCountry")} ${countryName(r.perspective)} (`
      + `${fws.length ? `${K.t("fellowMembers")} ${fws.join(", ")} ${K.t("andRegistry")}` : K.t("registryOnly")}`
      + `${r.parameters.partner_priority ? "; " + K.t("servedFirst") : ""}): ${partners || "–"}. ` + r.warnings.join(" "));
  }

  function drawHistogram(body) {
    const h = body?.histograms.find(x => x.metric === document.getElementById("metric").value);
    if (!h) {
      K.empty("mc-chart", K.t("single"));
      document.getElementById("mc-note").textContent = K.t("single");
      return;
    }
    K.chart("mc-chart").setOption({
      tooltip: { trigger: "axis", formatter: p => `${K.pct(h.bins[p[0].dataIndex].from)} – ${K.pct(h.bins[p[0].dataIndex].to)}: ${p[0].value} ${K.t("runsLabel")}` },
      grid: { left: 60, right: 20, top: 36, bottom: 40 },
      xAxis: { type: "category", data: h.bins.map(b => K.pct((b.from + b.to) / 2, 1)) }, yAxis: { type: "value", name: K.t("runsLabel") },
      series: [{ type: "bar", barCategoryGap: "2%", data: h.bins.map(b => b.count), itemStyle: { color: "#5a7d9a" } }],
    });
    document.getElementById("mc-note").textContent = `${metricLabel(h.metric)}: ${K.pct(h.min)} – ${K.pct(h.max)}`;
  }
});
