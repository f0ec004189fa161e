"use strict";
// Sign-in page of a shared server: posts the name and password, then returns to the dashboard. No inline script (CSP).
(() => {
  const status = document.getElementById("status");
  const signout = document.getElementById("signout");
  async function me() {
    const res = await fetch("/api/auth/me");
    if (res.ok) {
      const who = await res.json();
      status.textContent = `Signed in as ${who.name} (${who.role}).`;
      signout.hidden = false;
    }
  }
  document.getElementById("signin").addEventListener("submit", async e => {
    e.preventDefault();
    const res = await fetch("/api/auth/signin", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: document.getElementById("name").value, password: document.getElementById("password").value }),
    });
    document.getElementById("password").value = "";
    if (res.ok) { location.href = "index.html"; return; }
    const problem = res.headers.get("Content-Type")?.includes("json") ? await res.json() : null;
    status.textContent = problem?.detail ?? (res.status === 429 ? "Too many attempts; wait a minute." : "Sign-in failed.");
  });
  signout.addEventListener("submit", async e => {
    e.preventDefault();
    await fetch("/api/auth/signout", { method: "POST" });
    status.textContent = "Signed out.";
    signout.hidden = true;
  });
  me();
})();
