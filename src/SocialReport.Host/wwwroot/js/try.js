// The try-it chat: each message goes to the bot's command engine as the "web" channel; cards come back as HTML in
// which the server encoded every text. Card buttons send their command back, and paging replaces the card.
"use strict";

(() => {
  const log = document.getElementById("log");
  const input = document.getElementById("text");
  const key = "socialreport.session";

  function session() {
    let id = localStorage.getItem(key);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      const bytes = crypto.getRandomValues(new Uint8Array(18));
      id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      localStorage.setItem(key, id);
    }
    return id;
  }

  function add(className, content) {
    const item = document.createElement("li");
    item.className = className;
    if (typeof content === "string") item.textContent = content;
    else item.append(content);
    log.append(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  function cardElement(card) {
    const template = document.createElement("template");
    template.innerHTML = card.html; // built by the server's WebCardRenderer: all card text is encoded there
    const article = template.content.firstElementChild;
    article.tabIndex = -1;
    return article;
  }

  // A tapped button is not a message of the reader's, as in Telegram: only typed text shows on their side.
  async function send(text, fromButton = false, origin = null) {
    if (!fromButton) add("from-reader", text);
    let response;
    try {
      response = await fetch("/api/chat", {
        method: "POST",
        // The bot answers in the page's language until the reader's /lang.
        headers: { "Content-Type": "application/json", "Accept-Language": I18n.lang },
        body: JSON.stringify({ text, session: session(), fromButton }),
      });
    } catch (error) {
      add("from-bot error", I18n.t("try.unreachable", error.message));
      return;
    }
    if (!response.ok) {
      let detail = response.statusText;
      if (response.status === 429) detail = I18n.t("try.tooMany");
      else if (response.status === 413) detail = I18n.t("try.tooLong");
      else try { detail = (await response.json()).detail ?? detail; } catch { /* not JSON */ }
      add("from-bot error", detail);
      return;
    }
    const reply = await response.json();
    const cards = reply.cards.map(cardElement);
    let first = null;
    cards.forEach((card, i) => {
      if (i === 0 && reply.editsOriginal && origin && origin.isConnected) {
        origin.replaceWith(card);
      } else {
        add("from-bot", card);
      }
      first ??= card;
    });
    if (fromButton && first) first.focus({ preventScroll: false });
  }

  document.getElementById("chat").addEventListener("submit", event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  document.querySelector(".suggestions").addEventListener("click", event => {
    const button = event.target.closest("button[data-command]");
    if (button) send(button.dataset.command);
  });

  log.addEventListener("click", event => {
    const button = event.target.closest("button[data-command]");
    if (!button) return;
    send(button.dataset.command, true, button.closest("article.card"));
  });
})();
