// "Report incorrect information": what a reporter can say is wrong, and the zod schema the
// profile's form, its server action and the data layer share. A report needs no account; the
// e-mail address is optional and only for the administrators' follow-up.
import { z } from "zod";
import { text } from "@/lib/therapists/profile-input";

/** What can be wrong (the form's checkboxes), in the form's order. */
export const REPORT_KINDS = {
  contact: "Phone, e-mail or website",
  address: "Address or location",
  credentials: "Licence or credentials",
  prices: "Prices, insurance or payment",
  services: "Types of massage or experience",
  closed: "Closed, retired or moved away",
  other: "Something else",
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_KIND_KEYS = Object.keys(REPORT_KINDS) as ReportKind[];

/** The form's field names: one checkbox per kind, then the text fields. */
export const kindField = (k: ReportKind) => `kind_${k}` as const;
export const REPORT_FIELDS = [...REPORT_KIND_KEYS.map(kindField), "details", "email", "slug", "website"] as const;
export type ReportValues = Record<(typeof REPORT_FIELDS)[number], string>;

export const reportSchema = z
  .object({
    ...Object.fromEntries(REPORT_KIND_KEYS.map((k) => [kindField(k), z.string()])),
    details: text(2000),
    email: text(254).refine((v) => v === "" || z.email().safeParse(v).success, "Enter an e-mail address, for example name@example.org, or leave it empty."),
    slug: z.string().min(1).max(200),
    // Left empty by people; a bot that fills every field is thanked and nothing is stored.
    website: z.string().max(500),
  })
  .transform((v) => {
    const values = v as unknown as ReportValues;
    return {
      kinds: REPORT_KIND_KEYS.filter((k) => values[kindField(k)] === "on"),
      details: values.details,
      email: values.email === "" ? null : values.email.toLowerCase(),
      slug: values.slug,
      isBot: values.website !== "",
    };
  })
  .superRefine((v, ctx) => {
    if (v.kinds.length === 0 && v.details === "")
      ctx.addIssue({ code: "custom", path: ["details"], message: "Tick what is wrong or describe it (or both)." });
  });
