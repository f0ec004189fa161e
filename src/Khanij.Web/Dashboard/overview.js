// Overview: the catalogue and criticality lists; ranked exposure and the criticality matrix join when the risk API is there.
"use strict";

K.page(async () => {
  const [minerals, countries, frameworks] = await Promise.all([K.api("/api/minerals"), K.api("/api/countries"), K.api("/api/frameworks")]);
  const stats = document.getElementById("stats");
  for (const [n, key] of [[minerals.length, "minerals"], [minerals.filter(m => m.india2023).length, "listIndia"],
    [countries.length, "countries"], [frameworks.length, "frameworks"]]) {
    stats.append(K.el("div", { class: "stat" }, K.el("b", {}, n), K.el("span", {}, K.t(key))));
  }

  const lists = [["listIndia", "india2023"], ["listEu", "eu2023"], ["listUs", "us2022"]];
  K.chart("lists-chart").setOption({
    tooltip: {}, grid: { left: 110, right: 30, top: 10, bottom: 30 },
    xAxis: { type: "value", name: K.t("count") }, yAxis: { type: "category", data: lists.map(([k]) => K.t(k)) },
    series: [{ type: "bar", data: lists.map(([, f]) => minerals.filter(m => m[f]).length), itemStyle: { color: "#b8572a" }, label: { show: true, position: "right" } }],
  });

  const groups = [
    ["inAll", m => m.india2023 && m.eu2023 && m.us2022],
    ["onlyIndia", m => m.india2023 && !m.eu2023 && !m.us2022],
    ["notIndia", m => !m.india2023 && (m.eu2023 || m.us2022)],
  ];
  K.chart("overlap-chart").setOption({
    tooltip: { trigger: "item", formatter: p => `${p.name}: ${p.value}<br>${p.data.names}` },
    series: [{
      type: "pie", radius: ["35%", "70%"],
      data: groups.map(([k, f]) => {
        const ms = minerals.filter(f);
        return { name: K.t(k), value: ms.length, names: ms.map(K.name).join(", ") };
      }),
    }],
  });

  K.table("minerals-table", ["id", "name", "hindi", "symbols", "hsCodes", "onLists"],
    minerals.map(m => [
      K.el("a", { href: `mineral.html?id=${encodeURIComponent(m.id)}` }, m.id), m.name_en, m.names_hi.join(", "), m.symbols.join(" "),
      m.hs_codes.slice(0, 4).join(" "),
      lists.filter(([, f]) => m[f]).map(([k]) => K.el("span", { class: "pill on" }, K.t(k))),
    ]));
});
