// Partnerships: a country's timeline of accepted records, the graph of who works with whom, partnerships, follow-ups.
"use strict";

K.method({ "*": ["registry", ""] });

K.page(async () => {
  const [countries, frameworks, minerals] = await Promise.all([K.api("/api/countries"), K.api("/api/frameworks"), K.api("/api/minerals")]);
  const mineralName = id => K.name(minerals.find(m => m.id === id) ?? { id });
  const title = r => K.recordTitle(r, partyName, mineralName);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const byFramework = new Map(frameworks.map(f => [f.id, f]));
  const partyName = id => K.name(byIso3.get(id) ?? byFramework.get(id)) || id;
  let country = K.param("country") ?? "IND";
  K.options("country", countries.map(c => [c.iso3, K.name(c)]).sort((a, b) => a[1].localeCompare(b[1])), country);
  document.getElementById("country").addEventListener("change", e => {
    country = e.target.value;
    K.setParams({ country });
    K.rerender(draw);
  });
  await draw();

  async function draw() {
    const [timeline, graph, partners, followups] = await Promise.all([
      K.api(`/api/partners/timeline?country=${country}`), K.api("/api/partners/graph"), K.api(`/api/partners?country=${country}`),
      K.api("/api/partners/followups"),
    ]);
    document.getElementById("title").textContent = `${K.t("navPartners")} · ${partyName(country)}`;
    drawTimeline(timeline);
    drawGraph(graph);
    K.table("partners-table", ["counterpart", "instruments", "minerals", "since", "latest", "status"],
      partners.map(p => [p.counterpart ? partyName(p.counterpart) : p.parties.map(partyName).join(" + "), p.instruments.map(i => K.t("instr_" + i)).join(", "),
        p.minerals.map(m => m === "critical_minerals" ? K.t("criticalMinerals") : mineralName(m)).join(", "), p.since ?? "–", p.latest ?? "–", p.status ? K.term("status_", p.status) : "–"]));
    K.table("followups-table", ["due", "status", "owner", "commitment", "country"],
      followups.map(f => [f.record.commitment?.due ?? "–", K.term("status_", f.status), K.el("span", { translate: "no" }, f.record.commitment?.owner ?? ""),
        // The commitment as recorded (an extracted sentence or the curator's words), in its own language, quoted under a label in the page's language.
        f.record.commitment?.text ? K.el("span", {}, `${K.t("quoted")}: `, K.el("q", { translate: "no", lang: /[\u0900-\u097F]/.test(f.record.commitment.text) ? "hi" : "en" },
          f.record.commitment.text)) : title(f.record),
        f.record.parties.map(partyName).join(", ")]));
    document.getElementById("followups-note").textContent = followups.length ? `${K.t("asOf")} ${followups[0].as_of}` : K.t("noFollowups");
    drawProposals(await K.api("/api/partners/records?review=proposed"));
  }

  function drawProposals(records) {
    const box = document.getElementById("proposals");
    if (records.length === 0) {
      box.replaceChildren(K.el("p", { class: "empty" }, K.t("noProposals")));
      return;
    }
    box.replaceChildren(...records.map(r => {
      const act = async verb => {
        const decision = await K.api(`/api/partners/records/${encodeURIComponent(r.id)}/${verb}?country=${encodeURIComponent(country)}`, { method: "POST" });
        await draw();
        drawImpact(decision.impact, r.id);
      };
      return K.el("div", { class: "proposal", "data-record": r.id },
        K.el("b", {}, title(r)), " ",
        K.el("span", { class: "note" }, `${r.id} · ${r.parties.map(partyName).join(", ")} · ${r.minerals.map(mineralName).join(", ")} · ${(r.stages ?? []).map(x => K.termText("stage_", x)).join(", ")}`
          + (r.conflicts?.length ? ` · ${K.t("conflicts")}: ${r.conflicts.map(c => `${c.field} ${c.kept} / ${c.incoming}`).join("; ")}` : "")), " ",
        r.officials?.length ? K.el("span", { class: "note officials" }, `${K.t("officials")}: `, K.el("span", { translate: "no" }, K.officials(r)), " ") : "",
        K.el("button", { type: "button", class: "small", "data-action": "accept", onclick: () => K.rerender(() => act("accept")) }, K.t("accept")), " ",
        K.el("button", { type: "button", class: "small", "data-action": "reject", onclick: () => K.rerender(() => act("reject")) }, K.t("reject")));
    }));
  }

  function drawImpact(impact, id) {
    const box = document.getElementById("impact");
    const share = v => v == null ? "–" : K.pct(v);
    const risk = v => v.toFixed(3);
    const head = K.el("p", { class: "note", "data-impact": id }, `${K.t("impactTitle")} ${partyName(impact.country)} (${impact.comparison})`);
    if (impact.records.length === 0) {
      box.replaceChildren(head, K.el("p", {}, K.t("impactNone")));
      return;
    }
    const table = K.el("table", { id: "impact-table" });
    box.replaceChildren(head, table,
      ...impact.partners.map(p => K.el("p", { class: "note" }, `${p.mineral} ${p.stage}: `
        + (p.gained.length ? `${K.t("partnersGained")} ${p.gained.map(partyName).join(", ")} ` : "")
        + (p.lost.length ? `${K.t("partnersLost")} ${p.lost.map(partyName).join(", ")} ` : "") + `(${p.records.join(", ")})`)),
      K.el("p", { class: "note" }, impact.method));
    K.table("impact-table", ["mineral", "stage", "source", "year", "partnerShare", "supplyRisk", "because"],
      impact.rows.map(r => [r.mineral, r.stage, r.source, `${r.year}${r.scenario ? " " + r.scenario : ""}`,
        `${share(r.partner_share_before)} → ${share(r.partner_share_after)}`, `${risk(r.supply_risk_before)} → ${risk(r.supply_risk_after)}`, r.records.join(", ")]));
  }

  function drawTimeline(records) {
    const dated = records.filter(r => r.date);
    if (dated.length === 0) {
      K.empty("timeline-chart", K.t("emptyRegistry"));
      document.getElementById("timeline-note").textContent = K.t("emptyRegistry");
      return;
    }
    const kinds = ["partnership", "occasion", "project", "investment", "commitment"];
    const toTime = d => Date.parse(d.length === 4 ? d + "-07-01" : d.length === 7 ? d + "-15" : d);
    K.chart("timeline-chart").setOption({
      tooltip: { trigger: "item", formatter: p => `${p.data.date} · ${p.data.readable}\n${p.data.title}\n${p.data.parties}\n${p.data.id}` },
      grid: { left: 110, right: 40, top: 30, bottom: 40 },
      // Month names in the page's language (ECharts' own time labels are English only).
      xAxis: { type: "time", axisLabel: { hideOverlap: true, formatter: v => {
        const d = new Date(v);
        return d.getMonth() === 0 && d.getDate() === 1 ? String(d.getFullYear()) : d.toLocaleDateString(K.locale, { month: "short" });
      } } }, yAxis: { type: "category", data: kinds.map(k => K.t("kind_" + k)) },
      series: [{
        type: "scatter", symbolSize: 16, itemStyle: { color: "#b8572a" },
        // Short labels (parties and instrument); labels that would collide are moved, then hidden (each record's tooltip has it all).
        // lineHeight above the font size: ECharts moves and hides labels by their box, and a box as tall as the text's glyphs (not the
        // shorter span zrender measures) keeps labels in neighbouring rows from touching.
        label: { show: true, position: "top", fontSize: 10, lineHeight: 14, formatter: p => p.data.short },
        // A label that would run past the right edge is right-aligned to it.
        labelLayout: p => {
          const w = K.chart("timeline-chart").getWidth();
          return p.labelRect.x + p.labelRect.width > w - 4
            ? { x: w - 4, align: "right", moveOverlap: "shiftX", hideOverlap: true } : { moveOverlap: "shiftX", hideOverlap: true };
        },
        data: dated.map(r => ({ value: [toTime(r.date), kinds.indexOf(r.kind)], date: r.date, title: r.title, readable: title(r), id: r.id,
          parties: r.parties.map(partyName).join(", "), short: `${r.parties.map(partyName).join("–")} ${K.t("instr_" + (r.instrument || r.kind))}` })),
      }],
    });
    document.getElementById("timeline-note").textContent = `${records.length} ${K.t("records")}`;
  }

  function drawGraph(graph) {
    if (graph.nodes.length === 0) {
      K.empty("graph-chart", K.t("emptyRegistry"));
      return;
    }
    K.chart("graph-chart").setOption({
      tooltip: { formatter: p => p.dataType === "edge" ? `${partyName(p.data.source)} – ${partyName(p.data.target)}: ${p.data.records.join(", ")}`
        : `${partyName(p.data.name)}: ${p.data.value} ${K.t("records")}` },
      series: [{
        // Nodes start on a circle (ECharts otherwise scatters them at random), so the settled layout, and which labels collide, is the same
        // on every load of the same records. lineHeight above the font size for the same reason as the timeline's: hideOverlap then judges
        // by the glyphs' height. (A fixed ring layout was tried: ECharts drew some of its edges beside their nodes.)
        type: "graph", layout: "force", roam: true, draggable: true,
        force: { initLayout: "circular", repulsion: 220, edgeLength: [60, 160], layoutAnimation: false },
        label: { show: true, formatter: p => partyName(p.data.name), fontSize: 11, lineHeight: 15 },
        labelLayout: { hideOverlap: true },
        data: graph.nodes.map(n => ({ name: n.id, value: n.records, symbolSize: 12 + 5 * Math.sqrt(n.records),
          itemStyle: { color: n.kind === "framework" ? "#5a7d9a" : n.id === country ? "#8c2d04" : "#e08a4f" } })),
        links: graph.edges.map(e => ({ source: e.source, target: e.target, records: e.records, lineStyle: { width: Math.min(8, e.records.length), opacity: 0.6 } })),
      }],
    });
  }
});
