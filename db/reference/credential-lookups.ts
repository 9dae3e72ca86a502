// Where an administrator checks each credential beyond the licence (the state boards' look-ups
// are in state-licensing.json). An address is listed only when a stored copy of a page on the
// organisation's own site showed it, and `seenOn` names that page: no address is written from
// memory. NCBTMB's directory of board-certified therapists was seen as a stored search on its
// own site (the address below is that search with the place removed; the administrator searches
// by the therapist's ZIP code). The accreditors' lists of accredited schools and the
// associations' member directories have not been seen, so the queue says "No look-up address on
// file" for them and points to the organisation's site where one was seen.
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
    lookup: "NCBTMB's directory of board-certified therapists (search by the therapist's ZIP code)",
    lookupUrl: "https://www.ncbtmb.org/?geodir_search=1&stype=gd_bctherapist",
    site: "https://www.ncbtmb.org/",
    siteName: "NCBTMB",
    seenOn:
      "https://www.ncbtmb.org/?geodir_search=1&stype=gd_bctherapist&sgd_bctherapistcategory%5B%5D=&s=+&snear=37204&sgeodir_post_zip=&sgeodir_post_city=&sgeodir_post_region=&sgeo_lat=36.1003494&sgeo_lon=-86.7718017",
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
