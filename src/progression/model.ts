// Progression measurement (skattning; domain/participants.md §"Progression measurement"): the
// shared vocabulary of instruments, measurement plans, measurements and their scores. An
// instrument is configuration, not code: its items, scale, reverse-scored items, subscales,
// scoring and the text of every item in every portal language are a definition stored as JSON
// in a version of the instrument (src/progression/schema.ts). A version that is published is
// never changed (a database trigger refuses it); a changed instrument is a new version.
//
// Measurements belong to the participant register (register.measurements, register zone):
// who answered what, when. The association zone sees only aggregates that passed disclosure
// control (src/progression/results.ts).

/** The portal's languages (domain/portal.md): Swedish first, then the participants' languages. */
export const PORTAL_LANGUAGES = ["sv", "en", "ar", "so", "ti", "fa"] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

/** Right-to-left languages among them (dir="rtl" on the form). */
export const RTL_LANGUAGES: ReadonlySet<PortalLanguage> = new Set(["ar", "fa"]);

/** A text in every language it has; Swedish always. */
export type Texts = { sv: string } & Partial<Record<Exclude<PortalLanguage, "sv">, string>>;

/** Who answers: the participant (self-rating) or staff (the officer's rating). */
export const RESPONDENTS = ["deltagare", "personal"] as const;
export type Respondent = (typeof RESPONDENTS)[number];

export interface InstrumentItem {
  /** Stable within the instrument: a-z, 0-9 and _ (answers are stored by it). */
  key: string;
  /** The item as the respondent reads it. */
  text: Texts;
  /** Scored reversed: min + max − answer (a high answer means less of what is measured). */
  reverse: boolean;
  /** The subscale the item counts in, or null (the total only). */
  subscale: string | null;
}

export interface InstrumentSubscale {
  key: string;
  name: Texts;
}

export interface InstrumentDefinition {
  respondent: Respondent;
  /** Instructions shown above the items. */
  instructions: Texts;
  /** Whole-number scale, min < max, e.g. 1–10; the labels of both ends. */
  scale: { min: number; max: number; minLabel: Texts; maxLabel: Texts };
  items: InstrumentItem[];
  subscales: InstrumentSubscale[];
  scoring: {
    /**
     * How the total and each subscale are scored from the (reversed where so marked) answers:
     * the mean of the answered items, or their sum prorated to all items (mean × item count).
     */
    method: "medel" | "summa";
    /**
     * The fewest answered items, as a share of the items (0–1), for a score to be given at all;
     * fewer answered → that score is missing (null), never guessed.
     */
    minAnsweredShare: number;
    /** The least rise of the total score counted as "improved" (e.g. 1 on a 1–10 mean). */
    improvement: number;
  };
}

/** When a measurement is taken (the plan's occasions). */
export const OCCASIONS = ["nollpunkt", "uppfoljning", "avslut"] as const;
export type Occasion = (typeof OCCASIONS)[number];

/** How a measurement was entered. */
export const ENTRY_MODES = ["samtal", "deltagare", "papper"] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

/** Stored answers: item key → the answer on the scale, or null for "vill inte svara". */
export type Answers = Record<string, number | null>;

/** A measurement's scores: each item (after reversal), each subscale and the total. */
export interface Scores {
  items: Record<string, number | null>;
  subscales: Record<string, number | null>;
  total: number | null;
}

/** The score keys results are reported for: "total", "delskala:<key>", "fraga:<key>". */
export type ScoreKey = "total" | `delskala:${string}` | `fraga:${string}`;
