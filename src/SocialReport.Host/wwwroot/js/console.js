// The editors' console: preview and publish an edition, plan / confirm / watch / cancel a broadcast (or a canary first),
// recall it, read its report, schedule one; the weekly totals as a small chart.
// Every POST sends the antiforgery token the session call gave; a lost session goes back to /login.
"use strict";

window.ConsoleBroadcast = { current: null };

(() => {
  const $ = id => document.getElementById(id);
  const t = I18n.t;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  let antiforgery = "";
  let preview = null;
  let stream = null;

  const { say, element } = Page;
  const problemText = response => Page.problemText(response, "console");

  async function call(path, body) {
    const options = body === undefined ? {} : {
      method: "POST",
      headers: { "X-CSRF-TOKEN": antiforgery, ...(body instanceof FormData ? {} : { "Content-Type": "application/json" }) },
      body: body instanceof FormData ? body : JSON.stringify(body),
    };
    const response = await fetch(path, { credentials: "same-origin", ...options });
    if (response.status === 401) {
      location.href = "/login";
      throw new Error(t("console.signedOut"));
    }
    if (!response.ok) throw new Error(await problemText(response));
    return response.json();
  }

  function editionForm() {
    const form = new FormData();
    const file = $("file").files[0];
    if (file) form.append("file", file);
    else form.append("text", $("text").value);
    form.append("format", $("format").value);
    if ($("date").value) form.append("date", $("date").value);
    form.append("lang", I18n.lang);
    return form;
  }

  async function showPreview() {
    if (!$("file").files[0] && !$("text").value.trim()) return say(t("console.nothing"), true);
    say(t("console.importing"));
    $("publish").disabled = true;
    try {
      preview = await call("/console/api/preview", editionForm());
    } catch (error) {
      preview = null;
      $("summary").hidden = true;
      $("channels").replaceChildren();
      return say(error.message, true);
    }
    drawPreview();
    $("publish").disabled = preview.dateMissing && !$("date").value;
    if (preview.dateMissing && !$("date").value) {
      say(t("console.undated"), true);
      $("date").focus();
    } else {
      say(t("console.previewed", preview.edition.title, preview.edition.date));
    }
  }

  function drawPreview() {
    if (!preview) return;
    $("summary-title").textContent = `${preview.edition.title} · ${preview.edition.date}`;
    const problems = $("problems");
    problems.replaceChildren();
    if (preview.problems.length === 0) problems.append(element("li", "ok", t("preview.noProblem")));
    for (const problem of preview.problems) {
      problems.append(element("li", problem.severity, `${t(problem.severity === "error" ? "preview.error" : "preview.warning")}: ${problem.message}`));
    }
    $("summary").hidden = false;
    const container = $("channels");
    container.replaceChildren();
    for (const channel of preview.channels.filter(c => c.channel === "telegram" || c.channel === "teams")) {
      const section = element("section", `channel channel-${channel.channel}`);
      section.dataset.channel = channel.channel;
      section.append(element("h3", null, channel.channel === "teams" ? "Microsoft Teams" : "Telegram"));
      const note = element("p", "channel-note");
      section.append(note);
      if (channel.error) section.append(element("p", "error", channel.error));
      const list = element("ol", "messages");
      for (const message of channel.messages.filter(m => m.kind !== "full")) {
        const item = element("li", "message");
        item.dataset.kind = message.kind;
        for (const problem of message.problems) item.append(element("p", "error", problem));
        item.append(channel.channel === "telegram"
          ? TelegramPreview.render(message.payload)
          : TeamsPreview.render(message.payload, text => { note.textContent = text; }));
        list.append(item);
      }
      section.append(list);
      container.append(section);
    }
  }

  async function publish() {
    $("publish").disabled = true;
    say(t("console.publishing"));
    try {
      const published = await call("/console/api/publish", editionForm());
      say(t(`console.published.${published.outcome}`, published.edition, published.revision));
      await loadEditions(published.edition);
      $("edition").focus();
    } catch (error) {
      say(error.message, true);
    } finally {
      $("publish").disabled = false;
    }
  }

  async function loadEditions(selected) {
    const response = await fetch("/api/editions?take=50");
    const editions = response.ok ? await response.json() : [];
    for (const select of [$("edition"), $("schedule-edition")]) {
      const keep = selected ?? select.value;
      select.replaceChildren();
      for (const edition of editions) {
        const option = element("option", null, `${edition.date} · ${edition.title}`);
        option.value = edition.id;
        select.append(option);
      }
      if (keep && editions.some(e => e.id === keep)) select.value = keep;
    }
  }

  async function plan() {
    $("plan-view").hidden = true;
    try {
      const share = $("canary").value.trim();
      const canary = share === "" ? null : Number(share);
      if (canary !== null && !(Number.isInteger(canary) && canary >= 1 && canary <= 50)) {
        $("canary").focus();
        return say(t("console.canaryInvalid"), true);
      }
      const planned = await call("/console/api/broadcasts/plan", { edition: $("edition").value, force: $("force").checked, lang: I18n.lang, canary });
      if (planned.running) {
        say(t("console.alreadyRunning", planned.running));
        return watch(planned.running);
      }
      $("plan-text").textContent = planned.canarySize == null ? planned.text
        : `${planned.text}\n\n${t("console.canaryPlan", planned.canary, planned.canarySize, planned.toSend)}`;
      $("plan-view").hidden = false;
      $("confirm").hidden = !planned.awaitsConfirmation;
      (planned.awaitsConfirmation ? $("confirm") : $("drop")).focus();
      say(t("console.planned", planned.toSend));
    } catch (error) {
      say(error.message, true);
    }
  }

  async function confirm() {
    $("confirm").disabled = true;
    try {
      const started = await call("/console/api/broadcasts/confirm", {});
      $("plan-view").hidden = true;
      say(started.canary ? t("console.canaryStarted", started.broadcast, started.canary) : t("console.started", started.broadcast));
      watch(started.broadcast);
    } catch (error) {
      say(error.message, true);
    } finally {
      $("confirm").disabled = false;
    }
  }

  async function drop() {
    try {
      await call("/console/api/broadcasts/drop", {});
    } finally {
      $("plan-view").hidden = true;
      say(t("console.dropped"));
    }
  }

  function setCurrent(id) {
    if (window.ConsoleBroadcast.current !== id) {
      $("report-view").hidden = true;
      $("recall-ask").hidden = true;
    }
    window.ConsoleBroadcast.current = id;
    for (const button of $("broadcast-actions").querySelectorAll("button")) button.dataset.broadcast = id ?? "";
    $("broadcast-actions").hidden = !id;
    $("canary-confirm").hidden = true;
    $("report-csv").href = id ? `/console/api/broadcasts/${encodeURIComponent(id)}/report.csv` : "#";
    document.dispatchEvent(new CustomEvent("console:broadcast", { detail: id }));
  }

  function watch(id) {
    if (stream) stream.close();
    setCurrent(id);
    $("progress-view").hidden = false;
    $("progress-view").dataset.state = "running";
    $("cancel").disabled = false;
    stream = new EventSource(`/console/api/broadcasts/${encodeURIComponent(id)}/events?lang=${I18n.lang}`);
    const update = event => {
      const progress = JSON.parse(event.data);
      $("progress-bar").max = Math.max(progress.total, 1);
      $("progress-bar").value = progress.total - progress.remaining;
      $("progress-text").textContent = progress.text;
      $("progress-view").dataset.state = progress.state;
      return progress;
    };
    stream.addEventListener("progress", update);
    stream.addEventListener("done", event => {
      update(event);
      stream.close();
      stream = null;
      $("cancel").disabled = true;
      loadBroadcasts();
      loadWeekly();
      if (window.ConsoleBroadcast.current !== id) return;
      if (JSON.parse(event.data).state === "canaryDone") {
        $("canary-confirm").hidden = false;
        say(t("console.canaryDone", id));
        showReport();
      } else if (!$("report-view").hidden) {
        showReport();
      }
    });
  }

  async function confirmCanary() {
    const id = window.ConsoleBroadcast.current;
    if (!id) return;
    $("canary-confirm").disabled = true;
    try {
      await call("/console/api/broadcasts/confirm-canary", { id });
      say(t("console.canaryConfirmed", id));
      watch(id);
    } catch (error) {
      say(error.message, true);
    } finally {
      $("canary-confirm").disabled = false;
    }
  }

  // Recall asks first, in the page: "Yes" sends it, "No" (or Escape) keeps the broadcast.
  function askRecall() {
    const id = window.ConsoleBroadcast.current;
    if (!id) return;
    $("recall-question").textContent = t("console.recallAsk", id);
    $("recall-ask").hidden = false;
    $("recall-no").focus();
  }

  function keepBroadcast() {
    $("recall-ask").hidden = true;
    $("recall").focus();
  }

  async function recall() {
    const id = window.ConsoleBroadcast.current;
    $("recall-ask").hidden = true;
    if (!id) return;
    try {
      const summary = await call("/console/api/broadcasts/recall", { id });
      say(recallText(summary));
      showReport();
    } catch (error) {
      say(error.message, true);
    }
  }

  function recallText(summary) {
    return t(summary.state === "done" ? "console.recallDone" : "console.recallRunning",
      summary.broadcastId, summary.deleted, summary.tooOld + summary.notFound + summary.forbidden + summary.failed, summary.left);
  }

  async function showReport() {
    const id = window.ConsoleBroadcast.current;
    if (!id) return;
    try {
      drawReport(await call(`/console/api/broadcasts/${encodeURIComponent(id)}/report`));
    } catch (error) {
      say(error.message, true);
    }
  }

  function drawReport(report) {
    const c = report.counts;
    $("report-title").textContent = t("console.reportTitle", report.broadcast.id, t(`console.state.${report.broadcast.state}`));
    $("report-totals").textContent = t("console.reportTotals", c.total, c.sent, c.failed, c.blocked, c.gone, c.skipped, c.pending, report.taps, report.opens);
    const lines = $("report-lines").tBodies[0];
    lines.replaceChildren();
    for (const line of report.lines) {
      const row = element("tr");
      row.append(element("th", null, line.channel));
      row.firstChild.scope = "row";
      for (const value of [line.kind, line.sent, line.failed, line.blocked, line.gone, line.skipped, line.pending]) row.append(element("td", null, String(value)));
      lines.append(row);
    }
    const reasons = $("report-reasons");
    reasons.replaceChildren(...report.reasons.slice(0, 20).map(r => element("li", null, `${r.state} · ${r.count} · ${r.reason || "—"}`)));
    if (report.reasons.length === 0) reasons.append(element("li", null, t("console.noReasons")));
    const stories = $("report-stories");
    stories.replaceChildren(...report.stories.map(s => element("li", null, t("console.storyCounts", s.story, s.taps, s.opens))));
    if (report.stories.length === 0) stories.append(element("li", null, t("console.noStories")));
    $("report-recall").textContent = report.broadcast.recall === "none" ? "" : recallText(report.recall);
    $("report-view").hidden = false;
  }

  // Three small bar charts (subscribers, sends, taps), one row each, each to its own scale; the table below says the same.
  async function loadWeekly() {
    let weeks;
    try {
      weeks = await call("/console/api/reports/weekly");
    } catch (error) {
      $("weekly-chart").replaceChildren(element("p", "error", error.message));
      return;
    }
    const table = $("weekly-table").tBodies[0];
    table.replaceChildren();
    for (const week of weeks) {
      const row = element("tr");
      row.append(element("th", null, week.week));
      row.firstChild.scope = "row";
      for (const value of [week.subscribers, week.sends, week.taps]) row.append(element("td", null, String(value)));
      table.append(row);
    }
    $("weekly-chart").replaceChildren(chart(weeks));
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chart(weeks) {
    const series = ["subscribers", "sends", "taps"];
    const label = 90, bar = 16, gap = 4, rowHeight = 50;
    const width = label + weeks.length * (bar + gap);
    const root = svg("svg", { viewBox: `0 0 ${width} ${series.length * rowHeight + 14}`, width, role: "img", "aria-labelledby": "weekly-svg-title" });
    root.append(svg("title", { id: "weekly-svg-title" }, t("console.weeklyChart", weeks.length)));
    series.forEach((name, index) => {
      const top = index * rowHeight;
      const highest = Math.max(0, ...weeks.map(w => w[name]));
      const max = Math.max(1, highest);
      root.append(svg("text", { x: 0, y: top + 30 }, `${t(`console.col.${name}`)} (${highest})`));
      weeks.forEach((week, i) => {
        const height = Math.round((week[name] / max) * (rowHeight - 10));
        const rect = svg("rect", { class: `bar-${name}`, x: label + i * (bar + gap), y: top + rowHeight - 6 - height, width: bar, height: Math.max(height, week[name] > 0 ? 1 : 0) });
        rect.append(svg("title", {}, `${week.week}: ${week[name]}`));
        root.append(rect);
      });
    });
    if (weeks.length > 0) {
      root.append(svg("text", { x: label, y: series.length * rowHeight + 12 }, weeks[0].week));
      root.append(svg("text", { x: width, y: series.length * rowHeight + 12, "text-anchor": "end" }, weeks[weeks.length - 1].week));
    }
    return root;
  }

  async function cancel() {
    const id = window.ConsoleBroadcast.current;
    if (!id) return;
    try {
      await call("/console/api/broadcasts/cancel", { id });
      say(t("console.cancelled", id));
    } catch (error) {
      say(error.message, true);
    }
  }

  async function loadBroadcasts() {
    const list = $("broadcasts");
    try {
      const status = await call("/console/api/broadcasts");
      list.replaceChildren();
      for (const broadcast of [...status.running, ...status.past]) {
        const item = element("li", null, `${broadcast.id} · ${t(`console.state.${broadcast.state}`)} · ${t("console.counts", broadcast.sent, broadcast.total)} `);
        const button = element("button", null, t("console.watch"));
        button.type = "button";
        button.addEventListener("click", () => watch(broadcast.id));
        item.append(button);
        list.append(item);
      }
      if (list.children.length === 0) list.append(element("li", null, t("console.noBroadcasts")));
    } catch (error) {
      list.replaceChildren(element("li", "error", error.message));
    }
  }

  function local(isoUtc) {
    return new Intl.DateTimeFormat(I18n.lang, { dateStyle: "full", timeStyle: "short", timeZone: zone }).format(new Date(isoUtc));
  }

  async function loadSchedules() {
    const list = $("schedules");
    try {
      const schedules = await call("/console/api/schedules");
      list.replaceChildren();
      for (const schedule of schedules) {
        const item = element("li", null, `${schedule.edition === "latest" ? t("console.latest") : schedule.edition} · ${local(schedule.dueAt)} (${zone}) `);
        item.dataset.schedule = schedule.id;
        const button = element("button", null, t("console.cancelSchedule"));
        button.type = "button";
        button.addEventListener("click", async () => {
          try {
            await call("/console/api/schedules/cancel", { id: schedule.id });
            say(t("console.scheduleCancelled"));
          } catch (error) {
            say(error.message, true);
          }
          loadSchedules();
        });
        item.append(button);
        list.append(item);
      }
      if (schedules.length === 0) list.append(element("li", null, t("console.noSchedules")));
    } catch (error) {
      list.replaceChildren(element("li", "error", error.message));
    }
  }

  async function schedule() {
    try {
      const added = await call("/console/api/schedules", { edition: $("schedule-edition").value, local: $("when").value, timeZone: zone, force: false });
      say(t("console.scheduled", local(added.dueAt), zone));
      loadSchedules();
    } catch (error) {
      say(error.message, true);
    }
  }

  function onSubmit(id, action) {
    $(id).addEventListener("submit", event => {
      event.preventDefault();
      action();
    });
  }

  async function start() {
    const session = await call("/console/api/session");
    antiforgery = session.antiforgery;
    $("editor").textContent = session.editor;
    document.querySelector("#sign-out input[name=__RequestVerificationToken]").value = antiforgery;
    $("zone").textContent = zone;
    onSubmit("upload", showPreview);
    onSubmit("plan", plan);
    onSubmit("schedule", schedule);
    $("publish").addEventListener("click", publish);
    $("confirm").addEventListener("click", confirm);
    $("drop").addEventListener("click", drop);
    $("cancel").addEventListener("click", cancel);
    $("canary-confirm").addEventListener("click", confirmCanary);
    $("recall").addEventListener("click", askRecall);
    $("recall-yes").addEventListener("click", recall);
    $("recall-no").addEventListener("click", keepBroadcast);
    $("recall-ask").addEventListener("keydown", event => { if (event.key === "Escape") keepBroadcast(); });
    $("report").addEventListener("click", showReport);
    $("date").addEventListener("change", () => { if (preview) showPreview(); });
    document.addEventListener("i18n:change", () => {
      drawPreview();
      loadBroadcasts();
      loadSchedules();
      loadWeekly();
      if (!$("report-view").hidden) showReport();
    });
    await Promise.all([loadEditions(), loadBroadcasts(), loadSchedules(), loadWeekly()]);
    document.body.dataset.ready = "true";
  }

  start().catch(error => say(error.message, true));
})();
