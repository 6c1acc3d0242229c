// A Teams activity's Adaptive Cards drawn by the official renderer (npm "adaptivecards"), Markdown by markdown-it
// with raw HTML off, as Teams does. Buttons do not reach the bot here: they say what they would send.
"use strict";

window.TeamsPreview = (() => {
  // A host built without Node.js has no renderer (wwwroot/lib is empty): the Teams column says so, the rest still works.
  if (!window.AdaptiveCards || !window.markdownit) {
    return {
      render() {
        const frame = document.createElement("div");
        frame.className = "teams-frame teams-unavailable";
        frame.textContent = I18n.t("teams.unavailable");
        return frame;
      },
    };
  }

  const markdown = window.markdownit({ html: false, linkify: false, typographer: false });
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text);
    result.didProcess = true;
  };

  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E0E0E0" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: {
        backgroundColor: "#FFFFFF",
        foregroundColors: {
          default: { default: "#242424", subtle: "#616161" },
          accent: { default: "#5B5FC7", subtle: "#4F52B2" },
          attention: { default: "#C4314B", subtle: "#A72037" },
          good: { default: "#237B4B", subtle: "#1D6A40" },
          warning: { default: "#835C00", subtle: "#6F4E00" },
        },
      },
      emphasis: { backgroundColor: "#F5F5F5", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
    },
    actions: {
      maxActions: 10, spacing: "default", buttonSpacing: 8, actionsOrientation: "horizontal", actionAlignment: "left",
      showCard: { actionMode: "inline", inlineTopMargin: 8 },
    },
    adaptiveCard: { allowCustomStyle: false },
  });

  function render(activity, say) {
    const frame = document.createElement("div");
    frame.className = "teams-frame";
    const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
    for (const attachment of attachments) {
      if (attachment.contentType !== "application/vnd.microsoft.card.adaptive") continue;
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.onExecuteAction = action => {
        if (action instanceof AdaptiveCards.OpenUrlAction) {
          if (/^https?:/i.test(action.url || "")) window.open(action.url, "_blank", "noopener,noreferrer");
        } else if (action instanceof AdaptiveCards.SubmitAction || action instanceof AdaptiveCards.ExecuteAction) {
          const data = action.data && typeof action.data === "object" ? action.data : {};
          say(I18n.t("teams.button", data.command ?? data.text ?? JSON.stringify(action.data)));
        }
      };
      card.parse(attachment.content);
      const element = card.render();
      const host = document.createElement("div");
      host.className = "teams-card";
      if (element) host.append(element);
      frame.append(host);
    }
    return frame;
  }

  return { render };
})();
