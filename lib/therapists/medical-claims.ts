// Therapists' own words never claim to cure, guarantee results, diagnose or treat a disease
// (shared/DOMAIN.md, "Checked, claimed, unknown"): massage brings temporary relief and does not
// fix the underlying cause. Every text a patient reads on a listing is screened here when it is
// saved (lib/therapists/profile-input.ts); what slips through plain wording still reaches an
// administrator, because every published change to these texts is reviewed
// (db/queries/text-review.ts).
//
// The rules look for the claim, not for the topic: "I work with clients who have sciatica" and
// "experience treating sciatica" (the article's own words) are fine; "I cure sciatica", "results
// guaranteed", "I diagnose the cause" and "heals herniated discs" are not.

/** The free-text fields of a listing that patients read, in the order the form shows them. */
export const SCREENED_TEXT_FIELDS = [
  "displayName",
  "practiceName",
  "bio",
  "sciaticaDescription",
  "schoolName",
  "associations",
  "accessibilityNotes",
  "hours",
] as const;
export type ScreenedTextField = (typeof SCREENED_TEXT_FIELDS)[number];

// Diseases and diagnoses a listing may not claim to treat, heal or reverse. Sciatica itself is a
// symptom: "treating sciatica" is experience, "curing" or "fixing" it is a claim (below).
const DISEASES = [
  "cancers?", "tumou?rs?", "diabetes", "arthritis", "osteoarthritis", "fibromyalgia", "multiple sclerosis", "parkinson'?s",
  "(?:spinal )?stenosis", "(?:herniated|slipped|bulging|ruptured) discs?", "(?:degenerative )?disc disease", "spondylolisthesis",
  "piriformis syndrome", "neuropathy", "neuritis", "scoliosis", "infections?", "cellulitis", "hypertension", "heart disease",
  "lupus", "covid(?:-19)?", "depression", "anxiety disorders?", "autism", "migraines?", "insomnia", "bone spurs?", "nerve damage",
].join("|");

type Rule = { pattern: RegExp; rule: string };

const RULES: Rule[] = [
  { pattern: /\b(?:cures?|cured|curing|curative)\b/i, rule: "a listing may not promise a cure" },
  { pattern: /\b(?:guarantee[sd]?|guaranteeing|money[- ]back)\b/i, rule: "a listing may not guarantee results" },
  { pattern: /\b(?:100\s?%|permanent(?:ly)?|forever)\s+(?:\w+\s+){0,2}(?:relief|results?|pain[- ]free|fix(?:ed)?|gone|healed)\b/i, rule: "a listing may not guarantee results" },
  { pattern: /\b(?:diagnose[sd]?|diagnosing)\b/i, rule: "a massage therapist does not diagnose" },
  {
    pattern: new RegExp(`\\b(?:treats?|treating|treatment (?:of|for)|heals?|healing|reverses?|reversing|eliminates?|eliminating)\\s+(?:\\w+\\s+){0,3}?(?:${DISEASES})\\b`, "i"),
    rule: "a listing may not claim to treat or heal a disease",
  },
  {
    pattern: /\b(?:fix(?:es|ing)?|heals?|healing|eliminates?|eliminating|reverses?|get rid of|end(?:s|ing)?)\s+(?:\w+\s+){0,2}?sciatica\b/i,
    rule: "massage can bring temporary relief from sciatica; it does not fix the underlying cause",
  },
];

export type MedicalClaim = { phrase: string; rule: string };

/** The first medical claim in `text`, with the words that make it, or null. */
export function findMedicalClaim(text: string | null | undefined): MedicalClaim | null {
  if (!text) return null;
  for (const { pattern, rule } of RULES) {
    const m = pattern.exec(text);
    if (m) return { phrase: quoteAround(text, m.index, m[0].length), rule };
  }
  return null;
}

// The matched words with a little of what surrounds them (up to two words each side, within
// the sentence), so the message shows the therapist where the phrase is.
function quoteAround(text: string, start: number, length: number): string {
  const before = text.slice(0, start).split(/(?<=[.!?;\n])/).pop() ?? "";
  const after = text.slice(start + length).split(/[.!?;\n]/)[0] ?? "";
  const lead = before.trim().split(/\s+/).filter(Boolean).slice(-2).join(" ");
  const tail = after.trim().split(/\s+/).filter(Boolean).slice(0, 2).join(" ");
  return [lead, text.slice(start, start + length), tail].filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
}

/** The message a refused save shows beside the field: the phrase, the rule, and what to write instead. */
export function medicalClaimMessage(claim: MedicalClaim): string {
  return (
    `“${claim.phrase}”: ${claim.rule}. Listings on this site never claim to cure, guarantee results, diagnose or treat a disease; ` +
    `massage can bring temporary relief and does not fix the underlying cause. Describe your experience instead, ` +
    `for example “I often work with clients who have sciatica”.`
  );
}

export type ScreenedText = Record<ScreenedTextField, string | string[] | null>;

/** A listing's screened texts, as the text review stores and compares them. */
export function screenedTextOf(row: { [K in ScreenedTextField]?: string | string[] | null }): ScreenedText {
  return Object.fromEntries(SCREENED_TEXT_FIELDS.map((f) => [f, row[f] ?? null])) as ScreenedText;
}

/** The screened fields whose text differs between two versions (null: nothing approved yet, so every field with text). */
export function changedTextFields(approved: Partial<ScreenedText> | null, current: ScreenedText): ScreenedTextField[] {
  const norm = (v: unknown) => JSON.stringify(v ?? null);
  return SCREENED_TEXT_FIELDS.filter((f) => (approved ? norm(approved[f]) !== norm(current[f]) : current[f] !== null && current[f] !== "" && !(Array.isArray(current[f]) && current[f].length === 0)));
}
