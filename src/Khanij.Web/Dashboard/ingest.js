// Ingestion review: paste a text → proposed events with their evidence highlighted in the text → accept or reject each.
"use strict";

K.method({ "*": ["ingest", ""] });

K.page(async () => {
  const [countries, frameworks, minerals] = await Promise.all([K.api("/api/countries"), K.api("/api/frameworks"), K.api("/api/minerals")]);
  const mineralName = id => K.name(minerals.find(m => m.id === id) ?? { id });
  const byIso3 = new Map(countries.map(c => [c.iso3, c]));
  const byFramework = new Map(frameworks.map(f => [f.id, f]));
  const partyName = id => K.name(byIso3.get(id) ?? byFramework.get(id)) || id;
  document.getElementById("ingest").addEventListener("click", () => K.rerender(ingest));
  // The review queue as it stands (e.g. proposals from `khanij ingest add`), until a text is pasted here.
  const waiting = await K.api("/api/partners/records?review=proposed");
  if (waiting.length > 0) {
    drawProposals(waiting, null);
  } else {
    document.getElementById("proposals").textContent = K.t("nothingYet");
  }
  await drawQueue();

  async function drawQueue() {
    const records = await K.api("/api/partners/records");
    const states = ["proposed", "accepted", "rejected"];
    K.chart("queue-chart").setOption({
      tooltip: {}, grid: { left: 90, right: 40, top: 10, bottom: 30 },
      xAxis: { type: "value", minInterval: 1 }, yAxis: { type: "category", data: states.map(s => K.t(s)) },
      series: [{ type: "bar", data: states.map(s => records.filter(r => r.review === s).length), label: { show: true, position: "right" },
        itemStyle: { color: p => ["#e08a4f", "#3a7d44", "#a4161a"][p.dataIndex] } }],
    });
  }

  async function ingest() {
    const result = await K.postJson("/api/ingest", { name: document.getElementById("doc-name").value, text: document.getElementById("text").value });
    drawText(result.document.text, result.events.flatMap(e => e.evidence));
    document.getElementById("doc-note").replaceChildren(K.el("span", { translate: "no" }, result.document.name),
      ` · ${K.t("language")} ${K.t("lang_" + result.document.language)} · ${K.t("published")} ${result.document.published ?? "–"} · `
      + `${result.events.length} ${K.t("events")}`, result.warnings.length ? " · " + result.warnings.join(" ") : "");
    const o = result.outcome;
    // Events the registry refused are counted in the page's language; the checker's own messages (field paths and rules, English only)
    // sit folded under a heading that says so.
    document.getElementById("outcome-note").replaceChildren(`${o.created.length} ${K.t("created")} · ${o.merged.length} ${K.t("merged")} · `
      + `${o.unchanged} ${K.t("unchanged")}`, ...(o.skipped.length ? [` · ${o.skipped.length} ${K.t("skipped")}`,
        K.el("details", { class: "skipped" }, K.el("summary", {}, K.t("skippedWhy")),
          K.el("ul", { lang: "en", translate: "no" }, o.skipped.map(s => K.el("li", {}, s))))] : []));
    drawProposals(result.records, result.document.name);
    await drawQueue();
  }

  function drawText(text, evidence) {
    const view = document.getElementById("text-view");
    const spans = [];
    for (const ev of evidence) {
      let at = text.indexOf(ev);
      while (at >= 0) { spans.push([at, at + ev.length]); at = text.indexOf(ev, at + ev.length); }
    }
    spans.sort((a, b) => a[0] - b[0]);
    const parts = [];
    let pos = 0;
    for (const [from, to] of spans) {
      if (from < pos) continue;
      parts.push(text.slice(pos, from), K.el("mark", {}, text.slice(from, to)));
      pos = to;
    }
    parts.push(text.slice(pos));
    view.replaceChildren(...parts);
  }

  function drawProposals(records, doc) {
    const box = document.getElementById("proposals");
    if (records.length === 0) {
      box.replaceChildren(K.el("p", { class: "empty" }, K.t("noEvents")));
      return;
    }
    box.replaceChildren(...records.map(r => {
      const state = K.el("span", { class: "pill" + (r.review === "accepted" ? " on" : ""), "data-state": r.review }, K.t(r.review));
      const evidence = r.sources.filter(s => doc == null || s.document === doc).flatMap(s => s.evidence);
      const act = async (verb) => {
        const updated = (await K.api(`/api/partners/records/${encodeURIComponent(r.id)}/${verb}`, { method: "POST" })).record;
        state.textContent = K.t(updated.review);
        state.dataset.state = updated.review;
        state.className = "pill" + (updated.review === "accepted" ? " on" : "");
        await drawQueue();
      };
      return K.el("div", { class: "card proposal", "data-record": r.id },
        K.el("b", {}, K.recordTitle(r, partyName, mineralName)), " ", state,
        K.el("div", { class: "note" }, `${r.id} · ${K.t("kind_" + r.kind)}${r.instrument ? " · " + K.t("instr_" + r.instrument) : ""} · ${r.date ?? "–"} · `
          + `${r.parties.map(partyName).join(", ")} · ${r.minerals.map(mineralName).join(", ")}`),
        r.officials?.length ? K.el("div", { class: "note officials" }, `${K.t("officials")}: `, K.el("span", { translate: "no" }, K.officials(r))) : "",
        // The evidence is quoted from the text, in the text's own language.
        K.el("ul", {}, evidence.map(e => K.el("li", { translate: "no" }, K.el("mark", {}, e)))),
        K.el("button", { type: "button", class: "small", "data-action": "accept", onclick: () => K.rerender(() => act("accept")) }, K.t("accept")), " ",
        K.el("button", { type: "button", class: "small", "data-action": "reject", onclick: () => K.rerender(() => act("reject")) }, K.t("reject")));
    }));
  }
});
