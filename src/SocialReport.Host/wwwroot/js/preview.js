// The preview page: pick an edition (or a file), then show every channel's messages side by side with their budgets.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const names = { telegram: "Telegram", teams: "Microsoft Teams", text: "Plain text (console)" };
  const number = new Intl.NumberFormat("en");
  let shown = null;

  function say(text, isError = false) {
    const box = $("message");
    box.textContent = text;
    box.classList.toggle("error", isError);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function problemText(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.statusText;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  async function loadEditions() {
    const response = await fetch("/api/editions");
    const editions = response.ok ? await response.json() : [];
    const select = $("edition");
    select.replaceChildren();
    for (const edition of editions) {
      const option = element("option", null, `${edition.date} · ${edition.title} (${edition.stories} stories)`);
      option.value = edition.id;
      select.append(option);
    }
    if (editions.length === 0) {
      say("The archive is empty: preview a file instead.");
      return;
    }
    const wanted = new URLSearchParams(location.search).get("edition");
    if (wanted && editions.some(e => e.id === wanted)) select.value = wanted;
    await previewArchived();
  }

  async function previewArchived() {
    const id = $("edition").value;
    if (!id) return;
    const lang = $("lang").value;
    say("Rendering…");
    const response = await fetch(`/api/editions/${encodeURIComponent(id)}/preview${lang ? `?lang=${lang}` : ""}`);
    if (!response.ok) return say(await problemText(response), true);
    history.replaceState(null, "", `/?edition=${encodeURIComponent(id)}`);
    show(await response.json(), `Edition ${id} from the archive.`);
  }

  async function previewFile(file) {
    const form = new FormData();
    form.append("file", file);
    if ($("lang").value) form.append("lang", $("lang").value);
    say(`Importing ${file.name}…`);
    const response = await fetch("/api/preview", { method: "POST", body: form });
    if (!response.ok) {
      clear();
      return say(`${file.name} cannot be previewed: ${await problemText(response)}`, true);
    }
    show(await response.json(), `${file.name}, imported for this preview only (not published).`);
  }

  function clear() {
    shown = null;
    $("summary").hidden = true;
    $("kinds").hidden = true;
    $("channels").replaceChildren();
  }

  function show(preview, origin) {
    shown = preview;
    const edition = preview.edition;
    $("summary-title").textContent = `${edition.title} · ${edition.date}`;
    $("summary-facts").textContent =
      `${origin} ${edition.stories.length} stories · language ${edition.language}` +
      (edition.authors.length ? ` · by ${edition.authors.join(", ")}` : "");
    const problems = $("problems");
    problems.replaceChildren();
    if (preview.problems.length === 0) problems.append(element("li", "ok", "No problem found."));
    for (const problem of preview.problems) {
      problems.append(element("li", problem.severity, `${problem.severity === "error" ? "Error" : "Warning"}: ${problem.message}`));
    }
    $("summary").hidden = false;
    $("kinds").hidden = false;
    drawChannels();
    say(`${origin} ${preview.channels.map(c => `${names[c.channel] ?? c.channel}: ${c.messages.length} messages`).join(" · ")}.`);
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
      details.append(element("summary", null, `Other channels: ${others.map(c => names[c.channel] ?? c.channel).join(", ")}`));
      for (const channel of others) details.append(drawChannel(channel, kinds));
      container.append(details);
    }
  }

  function drawChannel(channel, kinds) {
    const section = element("section", `channel channel-${channel.channel}`);
    section.dataset.channel = channel.channel;
    const title = element("h2", null, names[channel.channel] ?? channel.channel);
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
    note.textContent = `${channel.messages.length} messages${hidden ? `, ${hidden} hidden by the filter above` : ""}.`;
    return section;
  }

  function drawMessage(channel, message, position, note) {
    const item = element("li", "message");
    item.dataset.kind = message.kind;
    const header = element("p", "message-meta");
    header.append(element("span", "kind", `#${position} · ${message.kind}`));
    for (const budget of message.budgets) {
      const text = `${budget.name} ${number.format(budget.used)} / ${number.format(budget.limit)} ${budget.unit}`;
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
  }

  $("pick").addEventListener("submit", event => {
    event.preventDefault();
    previewArchived();
  });
  $("edition").addEventListener("change", previewArchived);
  $("kinds").addEventListener("change", drawChannels);
  setUpDrop();
  loadEditions().catch(error => say(`The archive cannot be read: ${error.message}`, true));
})();
