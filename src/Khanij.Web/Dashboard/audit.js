"use strict";
// The audit log for admins (GET /api/audit). Text goes in with textContent only: entries hold what users typed.
(() => {
  const status = document.getElementById("status");
  const body = document.querySelector("#entries tbody");
  async function load() {
    const params = new URLSearchParams();
    const since = document.getElementById("since").value.trim();
    const user = document.getElementById("user").value.trim();
    if (since) params.set("since", since);
    if (user) params.set("user", user);
    const res = await fetch("/api/audit?" + params);
    body.replaceChildren();
    if (!res.ok) {
      status.textContent = res.status === 401 ? "Sign in first (signin.html)." : res.status === 403 ? "The audit log is for admins." : `Error ${res.status}.`;
      return;
    }
    const entries = await res.json();
    for (const e of entries.reverse()) {
      const row = document.createElement("tr");
      for (const v of [e.at_utc, e.actor, e.action, e.target, e.before ?? "", e.after ?? "", e.detail]) {
        const cell = document.createElement("td");
        cell.textContent = v;
        row.append(cell);
      }
      body.append(row);
    }
    status.textContent = `${entries.length} entries, newest first.`;
  }
  document.getElementById("filter").addEventListener("submit", e => { e.preventDefault(); load(); });
  load();
})();
