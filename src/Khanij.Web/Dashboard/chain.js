// Supply chain: Sankey of a mineral's flows from mines through refineries to cathode materials (Cheng et al. 2024, about 2020).
"use strict";

// Cheng's nodes that are not places or products (untraced trade, unattributed sources): drawn only on request, their tonnes named in the note.
const unattributed = n => n.kind === "category" && n.name !== "Non-Battery Cathode Products" || /^Unknown Raw Material Source/.test(n.name);

K.method({ "sankey-chart": ["data", "cheng-et-al-2024-supply-chain"] });

K.page(async () => {
  const [minerals, countries] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries")]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  let id = K.param("id") ?? "lithium";
  let showAll = K.param("all") === "1";
  const first = await K.api(`/api/minerals/${encodeURIComponent(id)}/chain`);
  K.options("mineral", first.minerals_with_data.map(m => [m, K.name(minerals.find(x => x.id === m) ?? { id: m })]), first.mineral_id);
  const toggle = document.getElementById("show-all");
  toggle.checked = showAll;
  let current = first;
  document.getElementById("mineral").addEventListener("change", e => {
    id = e.target.value;
    K.setParams({ id });
    K.rerender(async () => { current = await K.api(`/api/minerals/${encodeURIComponent(id)}/chain`); draw(current); });
  });
  toggle.addEventListener("change", () => {
    showAll = toggle.checked;
    K.setParams({ all: showAll ? "1" : "" });
    K.rerender(async () => draw(current));
  });
  draw(first);

  /** A node's label: the country or region in the page's language and its role; Cheng's own category names from the catalogue. */
  function label(n) {
    if (n.kind === "category" || n.kind === "chemistry" || /^Unknown Raw Material Source/.test(n.name)) {
      return K.t("chain_" + n.name.replace(/_mine$/, "").replace(/<br\s*\/?>/g, " ").replace(/[^A-Za-z]+/g, "_").replace(/^_|_$/g, ""));
    }
    const region = n.name.replace(/_(mine|ref_poss|ref|cath_poss)$/, "");
    const place = n.iso3 ? K.name(byIso3.get(n.iso3)) : K.t("region_" + region.replace(/[^A-Za-z]+/g, "_"));
    return `${place} · ${K.t("kind_" + n.kind)}`;
  }

  function draw(chain) {
    const mineral = minerals.find(m => m.id === chain.mineral_id);
    document.getElementById("title").textContent = `${K.t("navChain")} · ${K.name(mineral)}`;
    if (chain.links.length === 0) {
      K.empty("sankey-chart", K.t("noChain"));
      document.getElementById("chain-note").textContent = K.t("noChain");
      return;
    }
    const hidden = new Set(chain.nodes.filter(n => !showAll && unattributed(n)).map(n => n.name));
    const links = chain.links.filter(l => !hidden.has(l.source) && !hidden.has(l.target));
    const shown = new Set(links.flatMap(l => [l.source, l.target]));
    const nodes = chain.nodes.filter(n => shown.has(n.name));
    const leftOut = chain.links.filter(l => hidden.has(l.source) || hidden.has(l.target)).reduce((s, l) => s + l.value, 0);
    const labels = new Map(chain.nodes.map(n => [n.name, label(n)]));
    const maxDepth = Math.max(...nodes.map(n => n.depth));
    K.chart("sankey-chart").setOption({
      tooltip: {
        trigger: "item",
        formatter: p => p.dataType === "edge"
          ? `${labels.get(p.data.source)} → ${labels.get(p.data.target)}\n${K.qty(p.data.value)}`
          : `${labels.get(p.name)}: ${K.qty(p.value)}`,
      },
      series: [{
        type: "sankey", left: 10, right: 10, top: 10, bottom: 10, nodeGap: 6, layoutIterations: 32, emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.35 },
        // Labels sit right of their node, except in the last column, where they sit left so they stay inside the chart.
        label: { fontSize: 11, formatter: p => labels.get(p.name) },
        labelLayout: { hideOverlap: true },
        data: nodes.map(n => ({ name: n.name, depth: n.depth, label: n.depth === maxDepth ? { position: "left" } : undefined })),
        links: links.map(l => ({ source: l.source, target: l.target, value: l.value })),
      }],
    });
    const note = document.getElementById("chain-note");
    note.replaceChildren(`${links.length} ${K.t("flows")} · ${K.unitName(chain.unit === "t contained element" ? "t" : chain.unit)} `
      + `${K.t("containedElement")} · ${chain.year ?? ""} · `
      + (leftOut > 0 && !showAll ? `${K.t("leftOutUnattributed")}: ${K.qty(leftOut)} · ` : ""),
    K.el("span", { translate: "no" }, chain.sources.join("; ")));
  }
});
