// Supply chain: Sankey of a mineral's flows from mines through refineries to cathode materials (Cheng et al. 2024, about 2020).
"use strict";

K.page(async () => {
  const [minerals, countries] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries")]);
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  let id = K.param("id") ?? "lithium";
  const first = await K.api(`/api/minerals/${encodeURIComponent(id)}/chain`);
  K.options("mineral", first.minerals_with_data.map(m => [m, K.name(minerals.find(x => x.id === m)) || m]), first.mineral_id);
  document.getElementById("mineral").addEventListener("change", e => {
    id = e.target.value;
    K.setParams({ id });
    K.rerender(async () => draw(await K.api(`/api/minerals/${encodeURIComponent(id)}/chain`)));
  });
  draw(first);

  function label(n) {
    const place = n.iso3 ? K.name(byIso3.get(n.iso3)) : n.name.replace(/_(mine|ref_poss|ref|cath_poss)$/, "");
    const kind = K.t("kind_" + n.kind);
    return kind.startsWith("kind_") ? place : `${place} · ${kind}`;
  }

  function draw(chain) {
    const mineral = minerals.find(m => m.id === chain.mineral_id);
    document.getElementById("title").textContent = `${K.t("navChain")} · ${K.name(mineral)}`;
    if (chain.links.length === 0) {
      K.empty("sankey-chart", K.t("noChain"));
      document.getElementById("chain-note").textContent = K.t("noChain");
      return;
    }
    const labels = new Map(chain.nodes.map(n => [n.name, label(n)]));
    K.chart("sankey-chart").setOption({
      tooltip: {
        trigger: "item",
        formatter: p => p.dataType === "edge"
          ? `${labels.get(p.data.source)} → ${labels.get(p.data.target)}\n${K.fmt(p.data.value, 0)} t`
          : `${labels.get(p.name)}: ${K.fmt(p.value, 0)} t`,
      },
      series: [{
        type: "sankey", left: 10, right: 230, top: 10, bottom: 10, nodeGap: 6, layoutIterations: 32, emphasis: { focus: "adjacency" },
        lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.35 },
        label: { fontSize: 11, formatter: p => labels.get(p.name) },
        data: chain.nodes.map(n => ({ name: n.name, depth: n.depth })),
        links: chain.links.map(l => ({ source: l.source, target: l.target, value: l.value })),
      }],
    });
    document.getElementById("chain-note").textContent =
      `${chain.links.length} ${K.t("flows")} · ${chain.unit} · ${chain.year ?? ""} · ${chain.sources.join("; ")}`;
  }
});
