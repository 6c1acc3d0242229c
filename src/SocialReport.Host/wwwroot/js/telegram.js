// A Telegram message (sendMessage's text in HTML parse mode and its inline keyboard) drawn as a chat bubble.
// The HTML is parsed into an inert document and rebuilt element by element: only Telegram's own tags survive,
// with no attribute but a checked link; everything else becomes text. Nothing is ever assigned to innerHTML.
"use strict";

window.TelegramPreview = (() => {
  const tags = {
    b: "b", strong: "b", i: "i", em: "i", u: "u", ins: "u", s: "s", strike: "s", del: "s",
    code: "code", pre: "pre", blockquote: "blockquote", a: "a", "tg-spoiler": "span", span: "span",
  };
  const linkSchemes = /^(https?|tg|mailto):/i;

  function copy(source, target) {
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.append(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const name = tags[node.localName];
        if (!name || (node.localName === "span" && !node.classList.contains("tg-spoiler"))) {
          copy(node, target);
          continue;
        }
        const element = document.createElement(name);
        if (name === "span") element.className = "tg-spoiler";
        if (name === "a") {
          const href = node.getAttribute("href") || "";
          if (linkSchemes.test(href)) {
            element.href = href;
            element.target = "_blank";
            element.rel = "noopener noreferrer";
          }
        }
        copy(node, element);
        target.append(element);
      }
    }
  }

  function keyboard(markup) {
    const rows = markup && Array.isArray(markup.inline_keyboard) ? markup.inline_keyboard : [];
    const box = document.createElement("div");
    box.className = "tg-keyboard";
    for (const row of rows) {
      const line = document.createElement("div");
      line.className = "tg-row";
      for (const button of row) {
        let key;
        if (typeof button.url === "string" && /^https?:/i.test(button.url)) {
          key = document.createElement("a");
          key.href = button.url;
          key.target = "_blank";
          key.rel = "noopener noreferrer";
          key.className = "tg-button tg-url";
        } else {
          key = document.createElement("span");
          key.className = "tg-button";
          if (typeof button.callback_data === "string") {
            key.title = "sends " + button.callback_data;
            key.dataset.callback = button.callback_data;
          }
        }
        key.textContent = String(button.text ?? "");
        line.append(key);
      }
      box.append(line);
    }
    return box;
  }

  function render(payload) {
    const phone = document.createElement("div");
    phone.className = "tg-phone";
    const bubble = document.createElement("div");
    bubble.className = "tg-bubble";
    const parsed = new DOMParser().parseFromString(String(payload.text ?? ""), "text/html");
    copy(parsed.body, bubble);
    phone.append(bubble);
    if (payload.reply_markup) phone.append(keyboard(payload.reply_markup));
    return phone;
  }

  return { render };
})();
