// The editors' status page: counts of subscribers and broadcasts, refreshed every 2 seconds while signed in.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const t = I18n.t;
  const number = n => I18n.number(n);
  const states = ["active", "new", "stopped", "blocked", "gone"];
  let timer = null;
  let last = null;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function subscribersTable(rows) {
    if (rows.length === 0) return element("p", null, t("status.noChat"));
    const channels = [...new Set(rows.map(r => r.channel))];
    const table = element("table");
    table.append(element("caption", null, t("status.caption")));
    const head = element("tr");
    head.append(element("th", null, t("status.channel")));
    for (const state of states) head.append(element("th", null, t(`state.${state}`)));
    head.append(element("th", null, t("state.total")));
    for (const th of head.children) th.scope = "col";
    const thead = element("thead");
    thead.append(head);
    table.append(thead);
    const body = element("tbody");
    for (const channel of channels) {
      const tr = element("tr");
      const th = element("th", null, channel);
      th.scope = "row";
      tr.append(th);
      let total = 0;
      for (const state of states) {
        const count = rows.filter(r => r.channel === channel && r.state === state).reduce((sum, r) => sum + r.count, 0);
        total += count;
        tr.append(element("td", null, number(count)));
      }
      tr.append(element("td", null, number(total)));
      body.append(tr);
    }
    table.append(body);
    return table;
  }

  function broadcast(b) {
    const box = element("div", "broadcast");
    const done = b.total - b.pending;
    box.append(element("h3", null, `${b.editionId} · ${b.id} · ${b.state}`));
    const progress = element("progress");
    progress.max = Math.max(b.total, 1);
    progress.value = done;
    progress.setAttribute("aria-label", t("status.progress", b.id, number(done), number(b.total)));
    box.append(progress);
    const counts = ["sent", "failed", "blocked", "gone", "skipped", "pending", "throttled"].map(k => `${number(b[k])} ${t(`status.${k}`)}`);
    if (b.rate) counts.push(`${number(Math.round(b.rate * 10) / 10)}/s`);
    box.append(element("p", null, counts.join(" · ")));
    return box;
  }

  function show(status) {
    last = status;
    $("subscribers").replaceChildren(subscribersTable(status.subscribers));
    const running = $("running");
    const past = $("past");
    if (!status.broadcasts.available || (status.broadcasts.running.length === 0 && status.broadcasts.past.length === 0)) {
      running.replaceChildren(element("p", null, t("status.noBroadcasts")));
      past.replaceChildren();
      return;
    }
    running.replaceChildren(element("h3", null, t("status.running")));
    if (status.broadcasts.running.length === 0) running.append(element("p", null, t("status.noneRunning")));
    for (const b of status.broadcasts.running) running.append(broadcast(b));
    past.replaceChildren(element("h3", null, t("status.past")));
    if (status.broadcasts.past.length === 0) past.append(element("p", null, t("status.noneYet")));
    for (const b of status.broadcasts.past) past.append(broadcast(b));
  }

  async function refresh() {
    let response;
    try {
      response = await fetch("/api/status", { credentials: "same-origin", cache: "no-store" });
    } catch {
      timer = setTimeout(refresh, 2000);
      return;
    }
    if (response.status === 404) {
      $("disabled").hidden = false;
      $("sign-in").hidden = true;
      $("status").hidden = true;
      return;
    }
    if (response.status === 401) {
      $("sign-in").hidden = false;
      $("status").hidden = true;
      return;
    }
    if (response.ok) {
      $("sign-in").hidden = true;
      $("status").hidden = false;
      show(await response.json());
    }
    timer = setTimeout(refresh, 2000);
  }

  if (new URLSearchParams(location.search).has("refused")) $("refused").hidden = false;
  document.addEventListener("i18n:change", () => {
    if (last) show(last);
  });
  document.addEventListener("visibilitychange", () => {
    clearTimeout(timer);
    if (!document.hidden) refresh();
  });
  refresh();
})();
