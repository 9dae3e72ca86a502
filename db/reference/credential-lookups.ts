// Where an administrator checks each credential beyond the licence (the state boards' look-ups
// are in state-licensing.json). An address is listed only when a stored copy of a page showed
// it, and the entry names that page: no address is written from memory.
// - NCBTMB's directory of board-certified therapists was seen as a stored search on its own site
//   (the address below is that search with the place removed; the administrator searches by
//   the therapist's ZIP code).
// - Schools: the U.S. Department of Education's Database of Accredited Postsecondary
//   Institutions and Programs (DAPIP) holds what every recognised accreditor (COMTA and the
//   others that accredit schools teaching massage) reports to the Department. Its address was
//   seen in the Department's own notice as quoted on a stored page, and in an archived copy of
//   the database's home page; no stored page of ope.ed.gov itself was found, so the entry says
//   it is quoted.
// - The associations' member directories have not been seen, so the queue says "No look-up
//   address on file" for them and the check rests on the document the therapist attaches.
import { z } from "zod";

const https = z.url({ protocol: /^https$/ });
// Refinements all run, even after one failed: a missing address has no host rather than throwing.
const host = (u: string | null) => (u && URL.canParse(u) ? new URL(u).host : null);

export const credentialLookupSchema = z
  .object({
    credential: z.enum(["ncbtmb", "school", "associations"]),
    /** Who is checked with, as the queue names it. */
    organisation: z.string().min(3),
    /** The look-up the issue asks for, in words ("NCBTMB's certificant look-up"). */
    lookup: z.string().min(3),
    lookupUrl: https.nullable(),
    /** The stored page that shows `lookupUrl`: on the look-up's own host, unless `lookupQuotedFrom` is set. */
    lookupSeenOn: z.url().nullable(),
    /** When `lookupSeenOn` is another site quoting the publisher: whose words it quotes. */
    lookupQuotedFrom: z.string().min(10).nullable(),
    /** An archived copy of the look-up itself, when one was stored. */
    lookupArchivedCopy: https.nullable(),
    site: https.nullable(),
    /** Whose site `site` is ("NCBTMB", "COMTA"). */
    siteName: z.string().min(2).nullable(),
    /** The stored page, on the organisation's own site, that shows `site`. */
    siteSeenOn: https.nullable(),
  })
  .strict()
  .refine((e) => (e.lookupUrl === null) === (e.lookupSeenOn === null), "A look-up address needs the page it was seen on, and only then")
  .refine((e) => e.lookupUrl !== null || (e.lookupQuotedFrom === null && e.lookupArchivedCopy === null), "No quotation or archive without a look-up address")
  .refine((e) => e.lookupUrl === null || e.lookupQuotedFrom !== null || host(e.lookupUrl) === host(e.lookupSeenOn), "A look-up address must be on the host of the page it was seen on, unless that page quotes its publisher")
  .refine((e) => (e.site === null) === (e.siteName === null) && (e.site === null) === (e.siteSeenOn === null), "A site needs its name and the page it was seen on")
  .refine((e) => e.site === null || host(e.site) === host(e.siteSeenOn), "A site must be on the host of the page it was seen on");
export type CredentialLookup = z.infer<typeof credentialLookupSchema>;

export const CREDENTIAL_LOOKUPS: readonly CredentialLookup[] = z.array(credentialLookupSchema).parse([
  {
    credential: "ncbtmb",
    organisation: "NCBTMB",
    lookup: "NCBTMB's directory of board-certified therapists (search by the therapist's ZIP code)",
    lookupUrl: "https://www.ncbtmb.org/?geodir_search=1&stype=gd_bctherapist",
    lookupSeenOn:
      "https://www.ncbtmb.org/?geodir_search=1&stype=gd_bctherapist&sgd_bctherapistcategory%5B%5D=&s=+&snear=37204&sgeodir_post_zip=&sgeodir_post_city=&sgeodir_post_region=&sgeo_lat=36.1003494&sgeo_lon=-86.7718017",
    lookupQuotedFrom: null,
    lookupArchivedCopy: null,
    site: "https://www.ncbtmb.org/",
    siteName: "NCBTMB",
    siteSeenOn:
      "https://www.ncbtmb.org/?geodir_search=1&stype=gd_bctherapist&sgd_bctherapistcategory%5B%5D=&s=+&snear=37204&sgeodir_post_zip=&sgeodir_post_city=&sgeodir_post_region=&sgeo_lat=36.1003494&sgeo_lon=-86.7718017",
  },
  {
    credential: "school",
    organisation:
      "the school's accreditor (for massage programmes often COMTA, the Commission on Massage Therapy Accreditation; other accreditors recognised by the U.S. Department of Education accredit schools that teach massage too)",
    lookup:
      "the U.S. Department of Education's Database of Accredited Postsecondary Institutions and Programs (DAPIP: search by the school's name; it lists what COMTA and the other recognised accreditors report)",
    lookupUrl: "https://ope.ed.gov/dapip/",
    lookupSeenOn: "https://www.aeaweb.org/forum/3444/database-accredited-postsecondary-institution-programs",
    lookupQuotedFrom:
      "the U.S. Department of Education, Office of Postsecondary Education: notice inviting comments on the DAPIP reporting collection (January 2023), which gives the database's public address",
    lookupArchivedCopy: "https://archive.is/HWJhn",
    site: "https://comta.org/",
    siteName: "COMTA",
    siteSeenOn: "https://comta.org/about-comta/",
  },
  {
    credential: "associations",
    organisation: "the association named",
    lookup: "the association's member directory",
    lookupUrl: null,
    lookupSeenOn: null,
    lookupQuotedFrom: null,
    lookupArchivedCopy: null,
    site: null,
    siteName: null,
    siteSeenOn: null,
  },
]);

export const credentialLookup = (credential: CredentialLookup["credential"]): CredentialLookup => CREDENTIAL_LOOKUPS.find((l) => l.credential === credential)!;
