// Where an administrator checks each credential beyond the licence (the state boards' look-ups
// are in state-licensing.json). An address is listed only when a stored copy of a page on the
// organisation's own site showed it, and `seenOn` names that page: no address is written from
// memory. None of the look-ups themselves (NCBTMB's certificant search, the accreditors' lists of
// accredited schools, the associations' member directories) has been seen so far, so the queue
// says "No look-up address on file" and points to the organisation's site where one was seen.
import { z } from "zod";

const https = z.url({ protocol: /^https$/ });

export const credentialLookupSchema = z
  .object({
    credential: z.enum(["ncbtmb", "school", "associations"]),
    /** Who is checked with, as the queue names it. */
    organisation: z.string().min(3),
    /** The look-up the issue asks for, in words ("NCBTMB's certificant look-up"). */
    lookup: z.string().min(3),
    lookupUrl: https.nullable(),
    site: https.nullable(),
    /** Whose site `site` is ("NCBTMB", "COMTA"). */
    siteName: z.string().min(2).nullable(),
    /** The stored page, on the organisation's own site, that shows `site` (and `lookupUrl` when set). */
    seenOn: https.nullable(),
  })
  .strict()
  .refine((e) => (e.site === null && e.lookupUrl === null) === (e.seenOn === null), "An address needs the page it was seen on, and only then")
  .refine((e) => (e.site === null) === (e.siteName === null), "A site needs its name")
  .refine((e) => [e.site, e.lookupUrl].every((u) => u === null || (e.seenOn !== null && new URL(u).host === new URL(e.seenOn).host)), "An address must be on the host of the page it was seen on");
export type CredentialLookup = z.infer<typeof credentialLookupSchema>;

export const CREDENTIAL_LOOKUPS: readonly CredentialLookup[] = z.array(credentialLookupSchema).parse([
  {
    credential: "ncbtmb",
    organisation: "NCBTMB",
    lookup: "NCBTMB's certificant look-up",
    lookupUrl: null,
    site: "https://www.ncbtmb.org/",
    siteName: "NCBTMB",
    seenOn: "https://www.ncbtmb.org/faq/what-information-do-my-certificates-need-to-display/",
  },
  {
    credential: "school",
    organisation: "the school's accreditor (for massage programmes, COMTA, the Commission on Massage Therapy Accreditation)",
    lookup: "the accreditor's list of accredited schools",
    lookupUrl: null,
    site: "https://comta.org/",
    siteName: "COMTA",
    seenOn: "https://comta.org/about-comta/",
  },
  {
    credential: "associations",
    organisation: "the association named",
    lookup: "the association's member directory",
    lookupUrl: null,
    site: null,
    siteName: null,
    seenOn: null,
  },
]);

export const credentialLookup = (credential: CredentialLookup["credential"]): CredentialLookup => CREDENTIAL_LOOKUPS.find((l) => l.credential === credential)!;
