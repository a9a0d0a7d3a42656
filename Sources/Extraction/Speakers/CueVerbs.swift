/// Verbs that attribute speech or writing ("said", "told", "wrote"), shared by the actor rules (a name followed
/// by one is a person or an organisation that speaks) and the speaker rules.
enum CueVerbs {
    /// Every cue verb form, lower-cased.
    static let all: Set<String> = [
        "echoes", "echoed", "blurted", "ruled", "scolded", "lauded", "vowed", "pleads", "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "wrote",
        "writes", "writing", "asked", "asks", "asking", "noted", "notes", "noting", "argued", "argues", "arguing",
        "insisted", "insists", "insisting", "warned", "warns", "warning", "stated", "states", "declared",
        "declares", "posted", "posts", "responded", "responds", "replied", "replies", "continued", "continues",
        "acknowledged", "acknowledges", "claimed", "claims", "claiming", "recalled", "recalls", "recalling",
        "stressed", "stresses", "suggested", "suggests", "explained", "explains", "explaining", "tweeted", "tweets",
        "announced", "announces", "admitted", "admits", "conceded", "concedes", "countered", "counters", "observed",
        "observes", "remarked", "testified", "emphasized", "emphasised", "emphasizes", "emphasises", "predicted",
        "predicts", "vowed", "vows", "promised", "promises", "joked", "jokes", "quipped", "shouted", "yelled",
        "cried", "whispered", "cautioned", "cautions", "complained", "complains", "agreed", "agrees", "confirmed",
        "confirms", "denied", "denies", "charged", "contended", "contends", "maintained", "maintains", "mused",
        "laughed", "exclaimed", "recounted", "recounts", "believes", "believed", "thinks", "wondered", "wonders",
        "urged", "urges", "demanded", "demands", "reiterated", "reiterates", "repeated", "boasted", "blasted",
        "retorted", "asserted", "asserts", "reported", "reports", "texted", "emailed", "messaged", "concluded",
        "concludes", "elaborated", "pleaded", "begged", "offered", "interjected", "chimed", "fumed", "sniped",
        "scoffed", "snapped", "lamented", "laments", "acknowledging", "describes", "described", "calls", "called",
        "reads", "read", "sang", "sings", "chanted", "advised", "advises", "informed", "assured", "reminded",
        "indicated", "indicates", "commented", "comments", "answered", "answers", "pointed", "proclaimed",
        "mentioned", "mentions", "estimated", "estimates", "figured", "guessed", "worried", "worries", "hopes",
        "hoped", "feels", "felt", "thought", "knows", "know",
    ]

    /// Verbs that, right after a name, mark someone speaking (people and organisations alike).
    static let speech: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks", "noted", "notes",
        "argued", "argues", "insisted", "insists", "warned", "warns", "explained", "explains", "recalled",
        "recalls", "replied", "replies", "responded", "responds", "acknowledged", "acknowledges", "tweeted",
        "testified", "stressed", "stresses", "joked", "quipped", "continued", "believes", "thinks", "admitted",
        "conceded", "laughed", "stated", "declared", "claimed", "claims", "suggested", "suggests", "posted",
        "countered", "emphasized", "emphasised", "recounted", "wondered", "urged", "reiterated", "vowed",
        "predicted", "cautioned", "complained", "agreed", "confirmed", "denied", "announced", "observed",
        "remarked", "mused", "exclaimed", "texted", "emailed",
    ]

    /// Adverbs and auxiliaries that may stand between a speaker and the verb ("Trump also said", "she has said").
    static let fillers: Set<String> = [
        "also", "then", "later", "previously", "recently", "once", "never", "still", "already", "again", "earlier",
        "first", "has", "had", "have", "would", "will", "simply", "flatly", "only", "even", "repeatedly",
        "publicly", "privately", "quickly", "bluntly", "frankly", "finally", "initially", "subsequently", "often",
        "just", "further", "separately", "similarly", "likewise", "famously", "angrily", "openly", "proudly",
        "reportedly", "allegedly", "herself", "himself", "tearfully", "calmly", "softly", "wryly",
    ]
}
