using SocialReport.Core.Readers;

namespace SocialReport.Core.Commands;

/// <summary>A noun as it is counted: "1 groupe", "2 groupes".</summary>
public sealed record Countable(string One, string Other);

/// <summary>Everything the engine says, in the chat's language.</summary>
public sealed record Phrases
{
    public static readonly Phrases Fr = new()
    {
        Welcome = "Bienvenue ! Vous recevrez chaque semaine le Social Report, la revue de presse des réseaux sociaux.",
        WelcomeGroup = "Bonjour ! Je publie chaque semaine le Social Report, la revue de presse des réseaux sociaux. Un administrateur du groupe peut l’abonner avec /start ; /help liste les commandes.",
        Subscribed = "C’est noté : cette conversation est abonnée.",
        AlreadySubscribed = "Cette conversation est déjà abonnée.",
        Stopped = "Désabonnement confirmé : vous ne recevrez plus le Social Report. Pour revenir, envoyez /start ou /subscribe.",
        NotSubscribed = "Cette conversation n’était pas abonnée. /subscribe pour s’abonner.",
        StoppedMention = "Désabonnement confirmé : cette conversation ne recevra plus le Social Report. Pour revenir, écrivez {0} subscribe.",
        NotSubscribedMention = "Cette conversation n’était pas abonnée. {0} subscribe pour l’abonner.",
        GroupAdminsOnly = "Seuls les administrateurs du groupe peuvent abonner ou désabonner le groupe.",
        EmptyArchive = "Aucune édition n’a encore été publiée.",
        EditionNotFound = "Je ne trouve pas cette édition. /archive liste les éditions.",
        StoryNotFound = "Je ne trouve pas cet article.",
        TopicTitle = "Sujet : {0}",
        TopicsTitle = "Sujets fréquents",
        TopicsHint = "Choisissez un sujet, ou tapez /topic suivi de mots, par exemple /topic whatsapp.",
        SearchTitle = "Recherche : {0}",
        SearchUsage = "Tapez /search suivi de mots, par exemple /search chiffrement.",
        NoResults = "Aucun article ne correspond à « {0} ».",
        ArchiveTitle = "Éditions passées",
        More = "Voir plus ▶",
        Range = "{0}–{1} sur {2}",
        HelpTitle = "Commandes",
        LanguageSet = "Langue de l’interface : français.",
        LanguageUsage = "Choisissez la langue : /lang fr ou /lang en.",
        Unknown = "Je ne connais pas la commande « {0} ». /help liste les commandes.",
        Refused = "Désolé, cette commande est réservée aux éditeurs du Social Report.",
        RateLimited = "Doucement ! Trop de commandes en une minute ; réessayez dans un instant.",
        PublishUsage = "Envoyez le fichier de l’édition (.md, .txt ou .html) avec /publish en légende, ou /publish suivi d’un chemin ou d’une adresse.",
        Published = "Édition du {0} publiée ({1}). Voici ce que verront les lecteurs :",
        Revised = "Édition du {0} mise à jour (révision {1}). Voici ce que verront les lecteurs :",
        Unchanged = "L’édition du {0} est déjà publiée à l’identique.",
        ImportFailed = "Édition refusée : {0}",
        StatsTitle = "Statistiques",
        BroadcastPlan = "Diffusion de l’édition du {0} : {1}, durée estimée {2}.",
        BroadcastAudience = "{0} : {1}, {2}, {3} ; {4}, {5}",
        BroadcastChannelOff = "{0} est désactivé : cette diffusion laisse de côté {1} ; un prochain /broadcast les servira une fois le canal activé.",
        BroadcastNobody = "Personne à qui envoyer l’édition du {0} : aucune conversation n’est abonnée.",
        BroadcastAllServed = "Personne à qui envoyer l’édition du {0} : toutes les conversations abonnées l’ont déjà reçue ({1}). /broadcast {2} force la renvoie à tous.",
        BroadcastForced = "Forcée : tout le monde la reçoit à nouveau.",
        BroadcastConfirm = "Confirmez avec /confirm (ou le bouton) dans les 10 minutes ; /cancel pour annuler.",
        BroadcastUsage = "/broadcast [édition] [force], ou /broadcast [édition] at 2020-03-06T09:00 Europe/Paris pour la programmer.",
        BroadcastScheduled = "Diffusion de {0} programmée à {1} ({2}).",
        BroadcastNotScheduled = "Diffusion non programmée : {0}",
        BroadcastStarted = "Diffusion {0} lancée.",
        BroadcastRunning = "Diffusion {0} en cours",
        BroadcastCompleted = "Diffusion {0} terminée",
        BroadcastCancelled = "Diffusion {0} arrêtée",
        BroadcastCounts = "envoyés {0} · échecs {1} · bloqués {2} · restants {3} · {4}/s · depuis {5}",
        BroadcastEta = "· reste environ {0}",
        BroadcastSkipped = "· non envoyés {0} (désabonnés ou canal désactivé)",
        BroadcastRequestDropped = "Diffusion annulée : rien n’a été envoyé.",
        BroadcastStopped = "Diffusion {0} arrêtée : ce qui est envoyé le reste ; /broadcast reprend pour les autres.",
        ScheduleCancelled = "Programmation {0} annulée.",
        NothingToConfirm = "Rien à confirmer : envoyez d’abord /broadcast (une demande expire après 10 minutes).",
        NothingToCancel = "Aucune diffusion en cours ni en attente.",
        ConfirmLabel = "Confirmer",
        CancelLabel = "Annuler",
        StatsBroadcasts = "Diffusions récentes :",
        StatsSchedules = "Programmées :",
        ChannelSubscribed = "Le canal {0} est abonné.",
        ChannelNotAdmin = "Vous devez être administrateur de {0}, et le bot aussi, pour l’abonner.",
        ChannelUnknown = "Je ne trouve pas le canal {0} : ajoutez d’abord le bot comme administrateur.",
        StatsChannel = "{0} : {1}",
        SingularZero = true,
        Sends = new("envoi", "envois"),
        PrivateChats = new("privée", "privées"),
        Groups = new("groupe", "groupes"),
        Channels = new("canal", "canaux"),
        AlreadyServed = new("déjà servie", "déjà servies"),
        ToSend = new("à envoyer", "à envoyer"),
        SubscribedChats = new("conversation abonnée", "conversations abonnées"),
        Stories = new("article", "articles"),
        Editions = new("édition", "éditions"),
        States = new Dictionary<SubscriptionState, Countable>
        {
            [SubscriptionState.New] = new("nouvelle", "nouvelles"),
            [SubscriptionState.Active] = new("active", "actives"),
            [SubscriptionState.Stopped] = new("désabonnée", "désabonnées"),
            [SubscriptionState.Blocked] = new("bloquée", "bloquées"),
            [SubscriptionState.Gone] = new("disparue", "disparues"),
        },
        Commands =
        [
            ("start", "s’abonner et recevoir la dernière édition"),
            ("latest", "la dernière édition"),
            ("topic", "les articles sur un sujet, par exemple /topic whatsapp"),
            ("search", "chercher dans tous les articles"),
            ("archive", "les éditions passées"),
            ("lang", "changer de langue : /lang fr ou /lang en"),
            ("stop", "se désabonner"),
            ("help", "cette aide"),
        ],
        EditorCommands =
        [
            ("publish", "publier une édition (fichier joint, chemin ou adresse)"),
            ("preview", "voir une édition comme les lecteurs"),
            ("stats", "abonnés et diffusions"),
            ("broadcast", "diffuser une édition aux abonnés"),
        ],
    };

    public static readonly Phrases En = new()
    {
        Welcome = "Welcome! You will get the Social Report, the weekly social media press review, every week.",
        WelcomeGroup = "Hello! I post the Social Report, the weekly social media press review. A group admin can subscribe the group with /start; /help lists the commands.",
        Subscribed = "Done: this chat is subscribed.",
        AlreadySubscribed = "This chat is already subscribed.",
        Stopped = "Unsubscribed: you will no longer receive the Social Report. To come back, send /start or /subscribe.",
        NotSubscribed = "This chat was not subscribed. /subscribe to subscribe.",
        StoppedMention = "Unsubscribed: this chat will no longer receive the Social Report. To come back, write {0} subscribe.",
        NotSubscribedMention = "This chat was not subscribed. {0} subscribe to subscribe it.",
        GroupAdminsOnly = "Only the group's admins can subscribe or unsubscribe the group.",
        EmptyArchive = "No edition has been published yet.",
        EditionNotFound = "I can't find that edition. /archive lists them.",
        StoryNotFound = "I can't find that story.",
        TopicTitle = "Topic: {0}",
        TopicsTitle = "Frequent topics",
        TopicsHint = "Pick a topic, or type /topic and some words, e.g. /topic whatsapp.",
        SearchTitle = "Search: {0}",
        SearchUsage = "Type /search and some words, e.g. /search encryption.",
        NoResults = "No story matches “{0}”.",
        ArchiveTitle = "Past editions",
        More = "More ▶",
        Range = "{0}–{1} of {2}",
        HelpTitle = "Commands",
        LanguageSet = "Interface language: English.",
        LanguageUsage = "Choose a language: /lang fr or /lang en.",
        Unknown = "I don't know the command “{0}”. /help lists the commands.",
        Refused = "Sorry, this command is for the Social Report's editors only.",
        RateLimited = "Slow down! Too many commands in a minute; try again in a moment.",
        PublishUsage = "Send the edition file (.md, .txt or .html) with /publish as its caption, or /publish followed by a path or an address.",
        Published = "Edition of {0} published ({1}). This is what readers will see:",
        Revised = "Edition of {0} updated (revision {1}). This is what readers will see:",
        Unchanged = "The edition of {0} is already published, unchanged.",
        ImportFailed = "Edition rejected: {0}",
        StatsTitle = "Statistics",
        BroadcastPlan = "Broadcast of the edition of {0}: {1}, estimated duration {2}.",
        BroadcastAudience = "{0}: {1}, {2}, {3}; {4}, {5}",
        BroadcastChannelOff = "{0} is off: this broadcast leaves out {1}; a later /broadcast serves them once the channel is on.",
        BroadcastNobody = "Nobody to send the edition of {0} to: no chat is subscribed.",
        BroadcastAllServed = "Nobody to send the edition of {0} to: every subscribed chat already has it ({1}). /broadcast {2} force sends it to everyone again.",
        BroadcastForced = "Forced: everyone gets it again.",
        BroadcastConfirm = "Confirm with /confirm (or the button) within 10 minutes; /cancel to drop it.",
        BroadcastUsage = "/broadcast [edition] [force], or /broadcast [edition] at 2020-03-06T09:00 Europe/Paris to schedule it.",
        BroadcastScheduled = "Broadcast of {0} scheduled at {1} ({2}).",
        BroadcastNotScheduled = "Broadcast not scheduled: {0}",
        BroadcastStarted = "Broadcast {0} started.",
        BroadcastRunning = "Broadcast {0} running",
        BroadcastCompleted = "Broadcast {0} completed",
        BroadcastCancelled = "Broadcast {0} stopped",
        BroadcastCounts = "sent {0} · failed {1} · blocked {2} · remaining {3} · {4}/s · for {5}",
        BroadcastEta = "· about {0} left",
        BroadcastSkipped = "· not sent {0} (unsubscribed or channel off)",
        BroadcastRequestDropped = "Broadcast dropped: nothing was sent.",
        BroadcastStopped = "Broadcast {0} stopped: what was sent stays sent; /broadcast resumes for the others.",
        ScheduleCancelled = "Schedule {0} cancelled.",
        NothingToConfirm = "Nothing to confirm: send /broadcast first (a request expires after 10 minutes).",
        NothingToCancel = "No broadcast running or waiting.",
        ConfirmLabel = "Confirm",
        CancelLabel = "Cancel",
        StatsBroadcasts = "Recent broadcasts:",
        StatsSchedules = "Scheduled:",
        ChannelSubscribed = "Channel {0} is subscribed.",
        ChannelNotAdmin = "You must be an admin of {0}, and so must the bot, to subscribe it.",
        ChannelUnknown = "I can't find the channel {0}: add the bot as an admin first.",
        StatsChannel = "{0}: {1}",
        SingularZero = false,
        Sends = new("send", "sends"),
        PrivateChats = new("private", "private"),
        Groups = new("group", "groups"),
        Channels = new("channel", "channels"),
        AlreadyServed = new("already served", "already served"),
        ToSend = new("to send", "to send"),
        SubscribedChats = new("subscribed chat", "subscribed chats"),
        Stories = new("story", "stories"),
        Editions = new("edition", "editions"),
        States = new Dictionary<SubscriptionState, Countable>
        {
            [SubscriptionState.New] = new("new", "new"),
            [SubscriptionState.Active] = new("active", "active"),
            [SubscriptionState.Stopped] = new("stopped", "stopped"),
            [SubscriptionState.Blocked] = new("blocked", "blocked"),
            [SubscriptionState.Gone] = new("gone", "gone"),
        },
        Commands =
        [
            ("start", "subscribe and get the latest edition"),
            ("latest", "the latest edition"),
            ("topic", "stories about a topic, e.g. /topic whatsapp"),
            ("search", "search all stories"),
            ("archive", "past editions"),
            ("lang", "change language: /lang fr or /lang en"),
            ("stop", "unsubscribe"),
            ("help", "this help"),
        ],
        EditorCommands =
        [
            ("publish", "publish an edition (attached file, path or address)"),
            ("preview", "see an edition as readers will"),
            ("stats", "subscribers and deliveries"),
            ("broadcast", "send an edition to subscribers"),
        ],
    };

    public static Phrases For(string language) => language == "en" ? En : Fr;

    public required string Welcome { get; init; }
    public required string WelcomeGroup { get; init; }
    public required string Subscribed { get; init; }
    public required string AlreadySubscribed { get; init; }
    public required string Stopped { get; init; }
    public required string NotSubscribed { get; init; }
    /// <summary>Where commands mention the bot (<see cref="Inbound.Mention"/>, the {0}): a Teams channel.</summary>
    public required string StoppedMention { get; init; }
    public required string NotSubscribedMention { get; init; }
    public required string GroupAdminsOnly { get; init; }
    public required string EmptyArchive { get; init; }
    public required string EditionNotFound { get; init; }
    public required string StoryNotFound { get; init; }
    public required string TopicTitle { get; init; }
    public required string TopicsTitle { get; init; }
    public required string TopicsHint { get; init; }
    public required string SearchTitle { get; init; }
    public required string SearchUsage { get; init; }
    public required string NoResults { get; init; }
    public required string ArchiveTitle { get; init; }
    public required string More { get; init; }
    public required string Range { get; init; }
    public required string HelpTitle { get; init; }
    public required string LanguageSet { get; init; }
    public required string LanguageUsage { get; init; }
    public required string Unknown { get; init; }
    public required string Refused { get; init; }
    public required string RateLimited { get; init; }
    public required string PublishUsage { get; init; }
    public required string Published { get; init; }
    public required string Revised { get; init; }
    public required string Unchanged { get; init; }
    public required string ImportFailed { get; init; }
    public required string StatsTitle { get; init; }
    public required string BroadcastPlan { get; init; }
    public required string BroadcastAudience { get; init; }
    public required string BroadcastChannelOff { get; init; }
    public required string BroadcastNobody { get; init; }
    public required string BroadcastAllServed { get; init; }
    public required string BroadcastForced { get; init; }
    public required string BroadcastConfirm { get; init; }
    public required string BroadcastUsage { get; init; }
    public required string BroadcastScheduled { get; init; }
    public required string BroadcastNotScheduled { get; init; }
    public required string BroadcastStarted { get; init; }
    public required string BroadcastRunning { get; init; }
    public required string BroadcastCompleted { get; init; }
    public required string BroadcastCancelled { get; init; }
    public required string BroadcastCounts { get; init; }
    public required string BroadcastEta { get; init; }
    public required string BroadcastSkipped { get; init; }
    public required string BroadcastRequestDropped { get; init; }
    public required string BroadcastStopped { get; init; }
    public required string ScheduleCancelled { get; init; }
    public required string NothingToConfirm { get; init; }
    public required string NothingToCancel { get; init; }
    public required string ConfirmLabel { get; init; }
    public required string CancelLabel { get; init; }
    public required string StatsBroadcasts { get; init; }
    public required string StatsSchedules { get; init; }
    public required string ChannelSubscribed { get; init; }
    public required string ChannelNotAdmin { get; init; }
    public required string ChannelUnknown { get; init; }
    public required string StatsChannel { get; init; }

    /// <summary>French counts 0 like 1 ("0 envoi"); English says "0 sends".</summary>
    public required bool SingularZero { get; init; }
    public required Countable Sends { get; init; }
    public required Countable PrivateChats { get; init; }
    public required Countable Groups { get; init; }
    public required Countable Channels { get; init; }
    public required Countable AlreadyServed { get; init; }
    public required Countable ToSend { get; init; }
    public required Countable SubscribedChats { get; init; }
    public required Countable Stories { get; init; }
    public required Countable Editions { get; init; }
    public required IReadOnlyDictionary<SubscriptionState, Countable> States { get; init; }
    public required IReadOnlyList<(string Name, string Description)> Commands { get; init; }
    public required IReadOnlyList<(string Name, string Description)> EditorCommands { get; init; }

    /// <summary>"1 envoi", "2 envois", "1 send", "0 sends".</summary>
    public string Count(int count, Countable noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {(count == 1 || (count == 0 && SingularZero) ? noun.One : noun.Other)}");

    public string Format(string phrase, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, phrase, args);
}
