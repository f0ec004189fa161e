// Methodology: the project's method documents (docs/*.md), rendered by the server (GET /api/methodology/{doc}); charts link here.
"use strict";

K.page(async () => {
  const doc = K.param("doc") ?? "risk";
  const [list, d] = await Promise.all([K.api("/api/methodology"), K.api(`/api/methodology/${encodeURIComponent(doc)}`)]);
  document.getElementById("title").replaceChildren(`${K.t("navMethod")} · `, K.el("span", { translate: "no" }, d.title));
  document.getElementById("docs").replaceChildren(...list.map(x =>
    K.el("li", {}, K.el("a", { href: `methodology.html?doc=${x.doc}`, class: x.doc === d.doc ? "active" : "", translate: "no" }, x.title))));
  document.getElementById("headings").replaceChildren(...d.headings.filter(h => h.level === 2 && h.id).map(h =>
    K.el("li", {}, K.el("a", { href: `#${h.id}`, translate: "no" }, h.text))));
  // The server renders the document (Markdig, raw HTML disabled); it is parsed here, never run: the page's CSP allows no inline script.
  const parsed = new DOMParser().parseFromString(d.html, "text/html");
  const article = document.getElementById("doc");
  article.replaceChildren(...parsed.body.childNodes);
  article.querySelectorAll("a[href^='methodology.html']").forEach(a => { a.href = K.el("a", { href: a.getAttribute("href") }).getAttribute("href"); });
  document.getElementById("doc-note").replaceChildren(K.el("span", { translate: "no" }, `docs/${d.doc}.md`), K.lang === "en" ? "" : ` · ${K.t("methodEnglishOnly")}`);
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
});
