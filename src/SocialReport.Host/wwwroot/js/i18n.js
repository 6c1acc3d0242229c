// The pages' own words in French and English: the browser's language (fr… → French, anything else → English) until
// the reader picks one with the FR/EN switch, which the browser remembers. Static text carries data-i18n="key"
// (data-i18n-label: its aria-label); the pages' scripts ask I18n.t("key", …) and redraw on "i18n:change".
// What the server says (an import error, a problem's detail) stays as the server wrote it.
"use strict";

const I18n = (() => {
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  const texts = {
    en: {
      "skip": "Skip to content",
      "nav.label": "Site",
      "nav.preview": "Preview",
      "nav.try": "Try it",
      "nav.status": "Status",
      "lang.label": "Language",

      "preview.title": "Preview · Social Report",
      "preview.h1": "Preview an edition",
      "preview.lead": "See an edition as readers will get it on each channel, made by the channels' own renderers. Nothing here publishes or sends anything.",
      "preview.archive": "From the archive",
      "preview.edition": "Edition",
      "preview.langLabel": "Labels and buttons in",
      "preview.langEdition": "the edition's language",
      "preview.langFr": "French",
      "preview.langEn": "English",
      "preview.submit": "Preview",
      "preview.file": "From a file",
      "preview.fileLabel": "Edition file (.md, .txt or .html)",
      "preview.fileHint": "Or drop the file on this box. It is imported, never published.",
      "preview.fileSubmit": "Preview the file",
      "preview.problems": "Problems",
      "preview.kinds": "Messages shown",
      "preview.kindCover": "Cover",
      "preview.kindStory": "Story cards",
      "preview.kindFull": "Full-text messages",
      "preview.option": (date, title, n) => `${date} · ${title} (${plural(n, "story", "stories")})`,
      "preview.empty": "The archive is empty: preview a file instead.",
      "preview.rendering": "Rendering…",
      "preview.fromArchive": id => `Edition ${id} from the archive.`,
      "preview.importing": name => `Importing ${name}…`,
      "preview.refused": (name, detail) => `${name} cannot be previewed: ${detail}`,
      "preview.imported": name => `${name}, imported for this preview only (not published).`,
      "preview.undated": name => `${name} says nowhere when it was published: previewed as of today. Give its date above.`,
      "preview.dateLabel": "Edition date (when the file does not say)",
      "preview.facts": (n, language, authors) => `${plural(n, "story", "stories")} · language ${language}` + (authors ? ` · by ${authors}` : ""),
      "preview.noProblem": "No problem found.",
      "preview.error": "Error",
      "preview.warning": "Warning",
      "preview.channelCount": (name, n) => `${name}: ${plural(n, "message", "messages")}`,
      "preview.others": names => `Other channels: ${names}`,
      "preview.note": (n, hidden) => `${plural(n, "message", "messages")}${hidden ? `, ${hidden} hidden by the filter above` : ""}.`,
      "preview.unreadable": message => `The archive cannot be read: ${message}`,
      "preview.tooMany": "Too many previews from this address: wait a little.",
      "preview.tooLarge": "The file is over 2 MB, the most an edition may be.",
      "channel.text": "Plain text (console)",
      "kind.cover": "cover",
      "kind.story": "story",
      "kind.full": "full text",
      "unit.characters": "characters",
      "unit.bytes": "bytes",
      "teams.button": command => `This button would send “${command}” to the bot.`,
      "teams.unavailable": "The Teams drawing is unavailable: this server was built without Node.js, so it lacks the Adaptive Cards renderer.",

      "try.title": "Try it · Social Report",
      "try.h1": "Try the bot",
      "try.lead": "The same bot as on Telegram and Teams, answering here. This conversation is yours alone and never receives broadcasts.",
      "try.log": "Conversation",
      "try.message": "Message",
      "try.send": "Send",
      "try.suggestions": "Try:",
      "try.unreachable": message => `The bot cannot be reached: ${message}`,
      "try.tooMany": "Too many messages from this address: wait a little.",
      "try.tooLong": "This message is too long.",

      "status.title": "Status · Social Report",
      "status.h1": "Status",
      "status.disabledBefore": "The status page is disabled: set",
      "status.disabledAfter": "in the configuration to enable it.",
      "status.editorsOnly": "Editors only",
      "status.refused": "That is not the status token.",
      "status.token": "Status token",
      "status.signIn": "Sign in",
      "status.subscribers": "Subscribers",
      "status.broadcasts": "Broadcasts",
      "status.signOut": "Sign out",
      "status.noChat": "No chat yet.",
      "status.caption": "Chats by channel and subscription state",
      "status.channel": "Channel",
      "state.active": "active",
      "state.new": "new",
      "state.stopped": "stopped",
      "state.blocked": "blocked",
      "state.gone": "gone",
      "state.total": "total",
      "status.progress": (id, done, total) => `${id}: ${done} of ${total} delivered`,
      "status.sent": "sent",
      "status.failed": "failed",
      "status.blocked": "blocked",
      "status.gone": "gone",
      "status.skipped": "skipped",
      "status.pending": "to go",
      "status.throttled": "throttled",
      "status.noBroadcasts": "No broadcasts yet.",
      "status.running": "Running",
      "status.noneRunning": "None running.",
      "status.past": "Past",
      "status.noneYet": "None yet.",
    },
    fr: {
      "skip": "Aller au contenu",
      "nav.label": "Site",
      "nav.preview": "Aperçu",
      "nav.try": "Essayer",
      "nav.status": "État",
      "lang.label": "Langue",

      "preview.title": "Aperçu · Social Report",
      "preview.h1": "Prévisualiser une édition",
      "preview.lead": "Voyez une édition telle que les lecteurs la recevront sur chaque canal, produite par les propres moteurs de rendu des canaux. Rien ici ne publie ni n’envoie quoi que ce soit.",
      "preview.archive": "Depuis les archives",
      "preview.edition": "Édition",
      "preview.langLabel": "Libellés et boutons en",
      "preview.langEdition": "langue de l’édition",
      "preview.langFr": "français",
      "preview.langEn": "anglais",
      "preview.submit": "Prévisualiser",
      "preview.file": "Depuis un fichier",
      "preview.fileLabel": "Fichier de l’édition (.md, .txt ou .html)",
      "preview.fileHint": "Ou déposez le fichier sur ce cadre. Il est importé, jamais publié.",
      "preview.fileSubmit": "Prévisualiser le fichier",
      "preview.problems": "Problèmes",
      "preview.kinds": "Messages affichés",
      "preview.kindCover": "Couverture",
      "preview.kindStory": "Cartes des articles",
      "preview.kindFull": "Messages en texte intégral",
      "preview.option": (date, title, n) => `${date} · ${title} (${plural(n, "article", "articles")})`,
      "preview.empty": "Les archives sont vides : prévisualisez plutôt un fichier.",
      "preview.rendering": "Rendu en cours…",
      "preview.fromArchive": id => `Édition ${id} des archives.`,
      "preview.importing": name => `Import de ${name}…`,
      "preview.refused": (name, detail) => `${name} ne peut pas être prévisualisé : ${detail}`,
      "preview.imported": name => `${name}, importé pour cet aperçu seulement (non publié).`,
      "preview.undated": name => `${name} ne dit nulle part quand il a paru : aperçu daté d’aujourd’hui. Indiquez sa date ci-dessus.`,
      "preview.dateLabel": "Date de l’édition (si le fichier ne la dit pas)",
      "preview.facts": (n, language, authors) => `${plural(n, "article", "articles")} · langue ${language}` + (authors ? ` · par ${authors}` : ""),
      "preview.noProblem": "Aucun problème trouvé.",
      "preview.error": "Erreur",
      "preview.warning": "Avertissement",
      "preview.channelCount": (name, n) => `${name} : ${plural(n, "message", "messages")}`,
      "preview.others": names => `Autres canaux : ${names}`,
      "preview.note": (n, hidden) => `${plural(n, "message", "messages")}${hidden ? `, dont ${hidden} masqués par le filtre ci-dessus` : ""}.`,
      "preview.unreadable": message => `Les archives ne peuvent pas être lues : ${message}`,
      "preview.tooMany": "Trop d’aperçus depuis cette adresse : patientez un peu.",
      "preview.tooLarge": "Le fichier dépasse 2 Mo, la taille maximale d’une édition.",
      "channel.text": "Texte brut (console)",
      "kind.cover": "couverture",
      "kind.story": "article",
      "kind.full": "texte intégral",
      "unit.characters": "caractères",
      "unit.bytes": "octets",
      "teams.button": command => `Ce bouton enverrait « ${command} » au bot.`,
      "teams.unavailable": "Le rendu Teams n’est pas disponible : ce serveur a été compilé sans Node.js, il n’a donc pas le moteur de rendu Adaptive Cards.",

      "try.title": "Essayer · Social Report",
      "try.h1": "Essayer le bot",
      "try.lead": "Le même bot que sur Telegram et Teams, qui répond ici. Cette conversation n’appartient qu’à vous et ne reçoit jamais de diffusion.",
      "try.log": "Conversation",
      "try.message": "Message",
      "try.send": "Envoyer",
      "try.suggestions": "Essayez :",
      "try.unreachable": message => `Le bot est injoignable : ${message}`,
      "try.tooMany": "Trop de messages depuis cette adresse : patientez un peu.",
      "try.tooLong": "Ce message est trop long.",

      "status.title": "État · Social Report",
      "status.h1": "État",
      "status.disabledBefore": "La page d’état est désactivée : définissez",
      "status.disabledAfter": "dans la configuration pour l’activer.",
      "status.editorsOnly": "Réservé aux éditeurs",
      "status.refused": "Ce n’est pas le jeton d’état.",
      "status.token": "Jeton d’état",
      "status.signIn": "Se connecter",
      "status.subscribers": "Abonnés",
      "status.broadcasts": "Diffusions",
      "status.signOut": "Se déconnecter",
      "status.noChat": "Aucune conversation pour l’instant.",
      "status.caption": "Conversations par canal et par état d’abonnement",
      "status.channel": "Canal",
      "state.active": "actives",
      "state.new": "nouvelles",
      "state.stopped": "arrêtées",
      "state.blocked": "bloquées",
      "state.gone": "disparues",
      "state.total": "total",
      "status.progress": (id, done, total) => `${id} : ${done} sur ${total} remis`,
      "status.sent": "envoyés",
      "status.failed": "en échec",
      "status.blocked": "bloqués",
      "status.gone": "disparus",
      "status.skipped": "ignorés",
      "status.pending": "restants",
      "status.throttled": "ralentis",
      "status.noBroadcasts": "Aucune diffusion pour l’instant.",
      "status.running": "En cours",
      "status.noneRunning": "Aucune en cours.",
      "status.past": "Passées",
      "status.noneYet": "Aucune pour l’instant.",
    },
  };

  const storageKey = "socialreport.lang";
  let lang = initial();

  function initial() {
    let saved = null;
    try { saved = localStorage.getItem(storageKey); } catch { /* storage off: follow the browser */ }
    if (saved in texts) return saved;
    return (navigator.language || "").toLowerCase().startsWith("fr") ? "fr" : "en";
  }

  function t(key, ...args) {
    const text = texts[lang][key] ?? texts.en[key] ?? key;
    return typeof text === "function" ? text(...args) : text;
  }

  function apply() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
    for (const button of document.querySelectorAll("button[data-lang]")) button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }

  function use(next) {
    if (next === lang || !(next in texts)) return;
    lang = next;
    try { localStorage.setItem(storageKey, lang); } catch { /* remembered for this page only */ }
    apply();
    document.dispatchEvent(new Event("i18n:change"));
  }

  document.addEventListener("click", event => {
    const button = event.target.closest("button[data-lang]");
    if (button) use(button.dataset.lang);
  });
  apply();

  return {
    t,
    get lang() { return lang; },
    number: n => new Intl.NumberFormat(lang).format(n),
  };
})();
