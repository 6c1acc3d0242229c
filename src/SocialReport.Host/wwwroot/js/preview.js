// The preview page: pick an edition (or a file), then show every channel's messages side by side with their budgets.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const t = I18n.t;
  const names = { telegram: "Telegram", teams: "Microsoft Teams" };
  const channelName = channel => names[channel] ?? (channel === "text" ? t("channel.text") : channel);
  let shown = null;
  let origin = null;
  let lastFile = null;
  let editions = [];

  const { say, element } = Page;
  const problemText = response => Page.problemText(response, "preview");

  async function loadEditions() {
    const response = await fetch("/api/editions");
    editions = response.ok ? await response.json() : [];
    drawEditions();
    if (editions.length === 0) {
      say(t("preview.empty"));
      return;
    }
    const wanted = new URLSearchParams(location.search).get("edition");
    if (wanted && editions.some(e => e.id === wanted)) $("edition").value = wanted;
    await previewArchived();
  }

  function drawEditions() {
    const select = $("edition");
    const selected = select.value;
    select.replaceChildren();
    for (const edition of editions) {
      const option = element("option", null, t("preview.option", edition.date, edition.title, edition.stories));
      option.value = edition.id;
      select.append(option);
    }
    if (selected) select.value = selected;
  }

  async function previewArchived() {
    const id = $("edition").value;
    if (!id) return;
    const lang = $("lang").value;
    say(t("preview.rendering"));
    const response = await fetch(`/api/editions/${encodeURIComponent(id)}/preview${lang ? `?lang=${lang}` : ""}`);
    if (!response.ok) return say(await problemText(response), true);
    history.replaceState(null, "", `/?edition=${encodeURIComponent(id)}`);
    show(await response.json(), () => t("preview.fromArchive", id));
  }

  async function previewFile(file) {
    lastFile = file;
    const form = new FormData();
    form.append("file", file);
    if ($("lang").value) form.append("lang", $("lang").value);
    if ($("date").value) form.append("date", $("date").value);
    say(t("preview.importing", file.name));
    const response = await fetch("/api/preview", { method: "POST", body: form });
    if (!response.ok) {
      clear();
      return say(t("preview.refused", file.name, await problemText(response)), true);
    }
    const preview = await response.json();
    show(preview, () => t(preview.dateMissing ? "preview.undated" : "preview.imported", file.name));
    if (preview.dateMissing) $("date").focus();
  }

  function clear() {
    shown = null;
    origin = null;
    $("summary").hidden = true;
    $("kinds").hidden = true;
    $("channels").replaceChildren();
  }

  // from: a function, so that its words follow the language switch.
  function show(preview, from) {
    shown = preview;
    origin = from;
    drawSummary();
    $("summary").hidden = false;
    $("kinds").hidden = false;
    drawChannels();
  }

  function drawSummary() {
    if (!shown) return;
    const edition = shown.edition;
    $("summary-title").textContent = `${edition.title} · ${edition.date}`;
    $("summary-facts").textContent = `${origin()} ${t("preview.facts", edition.stories.length, edition.language, edition.authors.join(", "))}`;
    const problems = $("problems");
    problems.replaceChildren();
    if (shown.problems.length === 0) problems.append(element("li", "ok", t("preview.noProblem")));
    for (const problem of shown.problems) {
      problems.append(element("li", problem.severity, `${t(problem.severity === "error" ? "preview.error" : "preview.warning")}: ${problem.message}`));
    }
    say(`${origin()} ${shown.channels.map(c => t("preview.channelCount", channelName(c.channel), c.messages.length)).join(" · ")}.`);
  }

  function visibleKinds() {
    return new Set([...$("kinds").querySelectorAll("input:checked")].map(i => i.value));
  }

  function drawChannels() {
    const container = $("channels");
    container.replaceChildren();
    if (!shown) return;
    const kinds = visibleKinds();
    let main = shown.channels.filter(c => c.channel === "telegram" || c.channel === "teams");
    if (main.length === 0) main = shown.channels;
    const others = shown.channels.filter(c => !main.includes(c));
    for (const channel of main) container.append(drawChannel(channel, kinds));
    if (others.length) {
      const details = element("details", "others");
      details.append(element("summary", null, t("preview.others", others.map(c => channelName(c.channel)).join(", "))));
      for (const channel of others) details.append(drawChannel(channel, kinds));
      container.append(details);
    }
  }

  function drawChannel(channel, kinds) {
    const section = element("section", `channel channel-${channel.channel}`);
    section.dataset.channel = channel.channel;
    const title = element("h2", null, channelName(channel.channel));
    title.id = `channel-${channel.channel}`;
    section.setAttribute("aria-labelledby", title.id);
    section.append(title);
    const note = element("p", "channel-note");
    note.setAttribute("aria-live", "polite");
    section.append(note);
    if (channel.error) section.append(element("p", "error", channel.error));
    const list = element("ol", "messages");
    let count = 0;
    channel.messages.forEach((message, index) => {
      if (!kinds.has(message.kind)) return;
      count++;
      list.append(drawMessage(channel.channel, message, index + 1, note));
    });
    section.append(list);
    const hidden = channel.messages.length - count;
    note.textContent = t("preview.note", channel.messages.length, hidden);
    return section;
  }

  function drawMessage(channel, message, position, note) {
    const item = element("li", "message");
    item.dataset.kind = message.kind;
    const header = element("p", "message-meta");
    header.append(element("span", "kind", `#${position} · ${t(`kind.${message.kind}`)}`));
    for (const budget of message.budgets) {
      const text = `${budget.name} ${I18n.number(budget.used)} / ${I18n.number(budget.limit)} ${t(`unit.${budget.unit}`)}`;
      header.append(element("span", `budget${budget.used > budget.limit ? " over" : ""}`, text));
    }
    item.append(header);
    for (const problem of message.problems) item.append(element("p", "error", problem));
    if (channel === "telegram") {
      item.append(TelegramPreview.render(message.payload));
    } else if (channel === "teams") {
      item.append(TeamsPreview.render(message.payload, text => { note.textContent = text; }));
    } else {
      item.append(element("pre", "plain", message.text));
    }
    return item;
  }

  function setUpDrop() {
    const zone = $("upload");
    const input = $("file");
    zone.addEventListener("dragover", event => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", event => {
      event.preventDefault();
      zone.classList.remove("dragging");
      const file = event.dataTransfer?.files?.[0];
      if (file) previewFile(file);
    });
    zone.addEventListener("submit", event => {
      event.preventDefault();
      if (input.files[0]) previewFile(input.files[0]);
    });
    input.addEventListener("change", () => {
      if (input.files[0]) previewFile(input.files[0]);
    });
    // A date given after a preview that lacked one: preview the same file again with it.
    $("date").addEventListener("change", () => {
      if (lastFile) previewFile(lastFile);
    });
  }

  $("pick").addEventListener("submit", event => {
    event.preventDefault();
    previewArchived();
  });
  $("edition").addEventListener("change", previewArchived);
  $("kinds").addEventListener("change", drawChannels);
  document.addEventListener("i18n:change", () => {
    drawEditions();
    drawSummary();
    drawChannels();
  });
  setUpDrop();
  loadEditions().catch(error => say(t("preview.unreadable", error.message), true));
})();
