// What the preview page and the editors' console share: the message line, making elements, and a refusal in words.
"use strict";

window.Page = (() => {
  function say(text, isError = false) {
    const box = document.getElementById("message");
    box.textContent = text;
    box.classList.toggle("error", isError);
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // prefix: the page's strings in i18n.js ("preview" or "console"), which say 429 and 413 in the reader's language.
  async function problemText(response, prefix) {
    if (response.status === 429) return I18n.t(`${prefix}.tooMany`);
    if (response.status === 413) return I18n.t(`${prefix}.tooLarge`);
    try {
      const problem = await response.json();
      return problem.detail || problem.title || response.statusText;
    } catch {
      return `${response.status} ${response.statusText}`;
    }
  }

  return { say, element, problemText };
})();
