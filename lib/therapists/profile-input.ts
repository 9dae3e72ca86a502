// The zod schema of a therapist's profile edit (the form input), shared by the dashboard form, the server
// actions, the data layer and the tests. Everything a therapist types is untrusted text: it is
// trimmed, bounded in length and always rendered as text.
import { z } from "zod";
import { MODALITIES } from "@/db/reference/modalities";
import { isStateCode } from "@/lib/licensing/vocabulary";
import { findMedicalClaim, medicalClaimMessage, SCREENED_TEXT_FIELDS } from "./medical-claims";
import { CHECKED_LICENSE_STATUSES, SCIATICA_LEVELS, SELF_NCBTMB_STATUSES } from "./vocabulary";

export const LICENSE_ROWS = 3;
export const MODALITY_SLUGS = MODALITIES.map((m) => m.slug);

// No form sends control characters but tab and newline; NUL in particular is refused by
// PostgreSQL and used to come back as a 500.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const noControlChars = (v: string) => !CONTROL_CHARS.test(v);
export const CONTROL_CHARS_MESSAGE = "Remove the invisible control characters from this text (paste it as plain text).";
/** A real calendar day from 1990 up to tomorrow (time zones), as YYYY-MM-DD. */
const pastDay = (message: string) =>
  z.iso.date(message).refine((v) => {
    const d = new Date(`${v}T12:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "1990-01-01" && d.getTime() <= Date.now() + 36 * 3600 * 1000;
  }, message);

/** Any short text a person types: trimmed, bounded, no control characters. */
export const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`).refine(noControlChars, CONTROL_CHARS_MESSAGE);
const optionalText = (max: number) => text(max).transform((v) => (v === "" ? null : v));
const list = (maxItems: number, maxEach: number) =>
  z
    .string()
    .max(maxItems * (maxEach + 2))
    .refine(noControlChars, CONTROL_CHARS_MESSAGE)
    .transform((v) =>
      [...new Set(v.split(/[,\n]/).map((s) => s.trim()).filter(Boolean))],
    )
    .pipe(
      z
        .array(z.string().max(maxEach, `Each entry must be under ${maxEach} characters.`))
        .max(maxItems, `List at most ${maxItems} entries.`),
    );
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

const licenseRowSchema = z
  .object({
    state: z.string().trim().toUpperCase(),
    number: text(40),
    credentialTitle: text(60),
  })
  .superRefine((row, ctx) => {
    const blank = row.state === "" && row.number === "" && row.credentialTitle === "";
    if (blank) return;
    if (!isStateCode(row.state)) ctx.addIssue({ code: "custom", path: ["state"], message: "Choose the state that issued this licence." });
    if (row.number === "") ctx.addIssue({ code: "custom", path: ["number"], message: "Enter the licence number." });
    if (row.credentialTitle === "")
      ctx.addIssue({ code: "custom", path: ["credentialTitle"], message: "Enter the credential title, for example LMT." });
  });

export const profileSchema = z
  .object({
    displayName: text(120).min(2, "Enter the name patients will see (at least 2 characters)."),
    practiceName: optionalText(120),
    bio: text(4000),
    phone: optionalText(40).refine((v) => v === null || /^[0-9+().\-\s]{7,40}$/.test(v), "Enter a phone number, for example (555) 010-0123."),
    email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, "Enter an e-mail address, for example name@example.org."),
    website: optionalText(300).refine(
      (v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v),
      "Enter a web address starting with https:// or http://.",
    ),
    addressLine: optionalText(200),
    zip: z.string().trim().regex(/^\d{5}$/, "Enter a 5-digit US ZIP code."),
    hours: optionalText(500),
    inClinic: z.boolean(),
    mobile: z.boolean(),
    acceptingNewClients: z.boolean(),
    yearsInPractice: wholeNumber(0, 70, "Enter a whole number of years from 0 to 70."),
    sciaticaExperience: z.enum(SCIATICA_LEVELS, "Choose how much experience you have with sciatica."),
    sciaticaDescription: optionalText(2000),
    acceptsPhysicianReferrals: z.boolean(),
    acceptsInsurance: z.boolean(),
    insurancePlans: list(30, 80),
    offersSuperbills: z.boolean(),
    acceptsHsaFsa: z.boolean(),
    priceMin: wholeNumber(0, 2000, "Enter a price in whole dollars from 0 to 2000."),
    priceMax: wholeNumber(0, 2000, "Enter a price in whole dollars from 0 to 2000."),
    languages: list(20, 40),
    wheelchairAccessible: z.boolean(),
    // The profile's message form is on unless the owner turns it off (absent: on).
    messagesOff: z
      .boolean()
      .optional()
      .transform((v) => v ?? false),
    // Optional and in the therapist's own words; blank means not stated.
    gender: optionalText(40)
      .optional()
      .transform((v) => v ?? null),
    accessibilityNotes: optionalText(1000),
    schoolName: optionalText(200),
    schoolAccredited: z.boolean(),
    associations: list(20, 120),
    ncbtmbStatus: z.enum(SELF_NCBTMB_STATUSES, "Choose whether you hold NCBTMB board certification."),
    ncbtmbNumber: optionalText(40),
    modalitySlugs: z.array(z.enum(MODALITY_SLUGS as [string, ...string[]], "Choose from the listed types of massage.")).max(MODALITY_SLUGS.length),
    licenses: z.array(licenseRowSchema).max(LICENSE_ROWS),
  })
  .superRefine((p, ctx) => {
    // Medical claims are refused at save, quoted in the message beside their field.
    for (const field of SCREENED_TEXT_FIELDS) {
      const value = p[field];
      const claim = findMedicalClaim(Array.isArray(value) ? value.join(", ") : value);
      if (claim) ctx.addIssue({ code: "custom", path: [field], message: medicalClaimMessage(claim) });
    }
    if (p.priceMin !== null && p.priceMax !== null && p.priceMin > p.priceMax)
      ctx.addIssue({ code: "custom", path: ["priceMax"], message: "The highest price must not be below the lowest price." });
    if (!p.inClinic && !p.mobile)
      ctx.addIssue({ code: "custom", path: ["inClinic"], message: "Choose in-clinic, mobile, or both." });
    if (p.ncbtmbStatus === "self_reported" && !p.ncbtmbNumber)
      ctx.addIssue({ code: "custom", path: ["ncbtmbNumber"], message: "Enter your NCBTMB certificate number." });
    const seen = new Set<string>();
    p.licenses.forEach((l, i) => {
      const key = `${l.state}|${l.number.replace(/\s+/g, "").toUpperCase()}`;
      if (l.number && seen.has(key))
        ctx.addIssue({ code: "custom", path: ["licenses", i, "number"], message: "This licence is listed twice." });
      seen.add(key);
    });
  })
  .transform((p) => ({
    ...p,
    modalitySlugs: [...new Set(p.modalitySlugs)].sort(),
    licenses: p.licenses.filter((l) => l.number !== ""),
    languages: p.languages.length ? p.languages : ["English"],
  }));

export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;

/** What the form sends back on error, so nothing typed is lost. */
export type ProfileFormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

const BOOLEAN_FIELDS = [
  "inClinic", "mobile", "acceptingNewClients", "acceptsPhysicianReferrals", "acceptsInsurance",
  "offersSuperbills", "acceptsHsaFsa", "wheelchairAccessible", "schoolAccredited",
  "messagesOff",
] as const;
const TEXT_FIELDS = [
  "displayName", "practiceName", "bio", "phone", "email", "website", "addressLine", "zip", "hours",
  "yearsInPractice", "sciaticaExperience", "sciaticaDescription", "insurancePlans", "priceMin", "priceMax",
  "languages", "gender", "accessibilityNotes", "schoolName", "associations", "ncbtmbStatus", "ncbtmbNumber",
] as const;

function str(v: FormDataEntryValue | null): string {
  return typeof v === "string" ? v : "";
}

/** The form's fields as typed (strings; checkboxes as "on"), to re-fill the form. */
export function formValues(form: FormData): ProfileFormValues {
  const values: ProfileFormValues = {};
  for (const f of TEXT_FIELDS) values[f] = str(form.get(f));
  for (const f of BOOLEAN_FIELDS) values[f] = form.get(f) ? "on" : "";
  values.modalitySlugs = form.getAll("modalitySlugs").map(str);
  for (let i = 0; i < LICENSE_ROWS; i++) {
    for (const k of ["state", "number", "credentialTitle"]) values[`licenses.${i}.${k}`] = str(form.get(`licenses.${i}.${k}`));
  }
  return values;
}

/** The schema's input from form values. */
export function profileInputFromValues(values: ProfileFormValues): ProfileInput {
  const s = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const input: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) input[f] = s(f);
  for (const f of BOOLEAN_FIELDS) input[f] = s(f) === "on";
  input.modalitySlugs = Array.isArray(values.modalitySlugs) ? values.modalitySlugs : [];
  input.licenses = Array.from({ length: LICENSE_ROWS }, (_, i) => ({
    state: s(`licenses.${i}.state`),
    number: s(`licenses.${i}.number`),
    credentialTitle: s(`licenses.${i}.credentialTitle`),
  }));
  return input as ProfileInput;
}

/** Form values that show a stored profile. */
export function valuesFromProfile(p: Partial<Profile> & { licenses?: { state: string; number: string; credentialTitle: string }[] }): ProfileFormValues {
  const values: ProfileFormValues = {};
  const asText = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.join(", ") : String(v));
  for (const f of TEXT_FIELDS) values[f] = asText(p[f]);
  for (const f of BOOLEAN_FIELDS) values[f] = p[f] ? "on" : "";
  values.modalitySlugs = p.modalitySlugs ?? [];
  for (let i = 0; i < LICENSE_ROWS; i++) {
    const l = p.licenses?.[i];
    values[`licenses.${i}.state`] = l?.state ?? "";
    values[`licenses.${i}.number`] = l?.number ?? "";
    values[`licenses.${i}.credentialTitle`] = l?.credentialTitle ?? "";
  }
  return values;
}

/** zod issues as one message per field name ("licenses.0.number" for nested ones). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** What an administrator records after looking a licence up on the board's site. */
export const licenseCheckSchema = z.object({
  licenseId: z.uuid(),
  status: z.enum(CHECKED_LICENSE_STATUSES, "Choose what the state board shows."),
  note: text(1000),
  checkedOn: pastDay("Enter the date you checked, as YYYY-MM-DD (not in the future)."),
  // Proof files are deleted when the check is recorded unless the administrator keeps them.
  keepProof: z.boolean().default(false),
});

/**
 * An administrator's check of a credential beyond the licence. `stated` is what the listing
 * said when the form was shown (school name, associations, certificate number): the check is
 * refused if the owner changed it since. `source` is the look-up address used or the document seen.
 */
export const credentialCheckSchema = z.object({
  therapistId: z.uuid(),
  credential: z.enum(["ncbtmb", "school", "associations"], "Unknown credential."),
  result: z.enum(["checked", "unconfirmed"], "Choose what the check showed."),
  stated: text(2000),
  source: text(500).min(3, "Give the look-up address used or the document seen."),
  note: text(1000),
  checkedOn: pastDay("Enter the date you checked, as YYYY-MM-DD (not in the future)."),
  keepProof: z.boolean().default(false),
});

/** What the profile form's server actions answer (read with useActionState). */
export type ProfileActionState = {
  ok: boolean | null;
  values: ProfileFormValues;
  version?: number;
  fieldErrors?: FieldErrors;
  message?: string;
  conflict?: { currentVersion: number; changes: { field: string; old: string; new: string; by: string | null; at: string }[] };
};
