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
// - Associations: each has its own member directory, so the "associations" entry below holds only
//   the words the queue uses, and ASSOCIATION_LOOKUPS holds each known association, the names a
//   listing may give it, and its directory with the page it was seen on (sources and the choices
//   made: docs/state-licensing-review.md, "Association member directories"). An association not
//   on that list, or on it without an address, reads "No look-up address on file" in the queue
//   and the check rests on the document the therapist attaches.
import { z } from "zod";

const https = z.url({ protocol: /^https$/ });
// Refinements all run, even after one failed: a missing address has no host rather than throwing.
const host = (u: string | null) => (u && URL.canParse(u) ? new URL(u).host : null);

/** Fields every look-up address carries, for a credential or for one association. */
const lookupAddressFields = {
  lookupUrl: https.nullable(),
  /** The stored page (or repository file) that shows `lookupUrl`: on the look-up's own host, unless `lookupQuotedFrom` or `lookupSecondary` is set. */
  lookupSeenOn: z.url().nullable(),
  /** When `lookupSeenOn` is another site quoting the publisher (or a stored copy of the publisher's page held elsewhere): whose words it quotes. */
  lookupQuotedFrom: z.string().min(10).nullable(),
  /** When `lookupSeenOn` is a secondary source that uses the address (third-party code that loads and searches it): what it is. Click-test before relying on it. */
  lookupSecondary: z.string().min(10).nullable(),
};
type LookupAddress = { lookupUrl: string | null; lookupSeenOn: string | null; lookupQuotedFrom: string | null; lookupSecondary: string | null };
/** The rules on a look-up address, shared by both schemas below. */
const LOOKUP_ADDRESS_RULES: [(e: LookupAddress) => boolean, string][] = [
  [(e) => (e.lookupUrl === null) === (e.lookupSeenOn === null), "A look-up address needs the page it was seen on, and only then"],
  [(e) => e.lookupUrl !== null || (e.lookupQuotedFrom === null && e.lookupSecondary === null), "No quotation or secondary source without a look-up address"],
  [(e) => e.lookupQuotedFrom === null || e.lookupSecondary === null, "A look-up address is either quoted from its publisher or seen in a secondary source, not both"],
  [
    (e) => e.lookupUrl === null || e.lookupQuotedFrom !== null || e.lookupSecondary !== null || host(e.lookupUrl) === host(e.lookupSeenOn),
    "A look-up address must be on the host of the page it was seen on, unless that page quotes its publisher or is marked secondary",
  ],
];
function checkLookupAddress(e: LookupAddress, ctx: z.RefinementCtx) {
  for (const [holds, message] of LOOKUP_ADDRESS_RULES) if (!holds(e)) ctx.addIssue({ code: "custom", message });
}

export const credentialLookupSchema = z
  .object({
    credential: z.enum(["ncbtmb", "school", "associations"]),
    /** Who is checked with, as the queue names it. */
    organisation: z.string().min(3),
    /** The look-up the issue asks for, in words ("NCBTMB's certificant look-up"). */
    lookup: z.string().min(3),
    ...lookupAddressFields,
    /** An archived copy of the look-up itself, when one was stored. */
    lookupArchivedCopy: https.nullable(),
    site: https.nullable(),
    /** Whose site `site` is ("NCBTMB", "COMTA"). */
    siteName: z.string().min(2).nullable(),
    /** The stored page, on the organisation's own site, that shows `site`. */
    siteSeenOn: https.nullable(),
  })
  .strict()
  .superRefine(checkLookupAddress)
  .refine((e) => e.lookupUrl !== null || e.lookupArchivedCopy === null, "No archive without a look-up address")
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
    lookupSecondary: null,
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
    lookupSecondary: null,
    lookupArchivedCopy: "https://archive.is/HWJhn",
    site: "https://comta.org/",
    siteName: "COMTA",
    siteSeenOn: "https://comta.org/about-comta/",
  },
  {
    credential: "associations",
    organisation: "the association named",
    lookup: "the association's member directory",
    // Per association: ASSOCIATION_LOOKUPS below.
    lookupUrl: null,
    lookupSeenOn: null,
    lookupQuotedFrom: null,
    lookupSecondary: null,
    lookupArchivedCopy: null,
    site: null,
    siteName: null,
    siteSeenOn: null,
  },
]);

export const credentialLookup = (credential: CredentialLookup["credential"]): CredentialLookup => CREDENTIAL_LOOKUPS.find((l) => l.credential === credential)!;

/** A name as a listing may write it, reduced for matching: case, "&" or "and", dots, apostrophes, other punctuation, spacing and a leading "the" do not count. */
export function associationKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

export const associationLookupSchema = z
  .object({
    /** The short name the queue shows ("AMTA"). */
    association: z.string().min(2),
    /** The association's full name. */
    name: z.string().min(5),
    /** Every name a listing may give it (the short and the full name among them), matched by `associationKey`. */
    aliases: z.array(z.string().min(2)).min(2),
    /** The member directory, in words ("AMTA's Find a Massage Therapist directory"). */
    lookup: z.string().min(3),
    ...lookupAddressFields,
  })
  .strict()
  .superRefine(checkLookupAddress)
  .refine((e) => [e.association, e.name].every((n) => e.aliases.some((a) => associationKey(a) === associationKey(n))), "The aliases include the short and the full name");
export type AssociationLookup = z.infer<typeof associationLookupSchema>;

// Where each association's member directory was seen: docs/state-licensing-review.md,
// "Association member directories". Both are to be click-tested before launch.
export const ASSOCIATION_LOOKUPS: readonly AssociationLookup[] = z
  .array(associationLookupSchema)
  .refine((list) => new Set(list.flatMap((l) => l.aliases.map(associationKey))).size === list.reduce((n, l) => n + new Set(l.aliases.map(associationKey)).size, 0), "No name belongs to two associations")
  .parse([
    {
      association: "AMTA",
      name: "American Massage Therapy Association",
      aliases: ["AMTA", "American Massage Therapy Association"],
      lookup: "AMTA's Find a Massage Therapist directory (search by the therapist's name or location)",
      lookupUrl: "https://www.amtamassage.org/find-massage-therapist/",
      lookupSeenOn: "https://github.com/facundosardo/AMTA/blob/fe513fad3d710cd21793df0b3eee402aa325b906/amta.py",
      lookupQuotedFrom: null,
      lookupSecondary:
        "a public scraper of AMTA's directory: it opens this address, fills its keyword and location fields, searches, and reads the member profiles it lists (third-party code, not AMTA's own page)",
    },
    {
      association: "ABMP",
      name: "Associated Bodywork & Massage Professionals",
      aliases: ["ABMP", "Associated Bodywork & Massage Professionals", "Associated Bodywork and Massage Professionals"],
      lookup: "ABMP's therapist locator on MassageTherapy.com, its consumer site (Find a Massage Therapist or Bodyworker)",
      lookupUrl: "https://www.massagetherapy.com/find/search",
      lookupSeenOn: "https://github.com/silverfoxy/JSCryptoMinerStudy/blob/afccd315654b9e4091c20fd0c385a89b1bbb3b3c/pagesource/massagetherapy.com",
      lookupQuotedFrom:
        "MassageTherapy.com, \"Powered by Associated Bodywork & Massage Professionals\": a stored copy (about 2018) of its home page, canonical address https://www.massagetherapy.com/, whose footer links \"Find a Massage Therapist or Bodyworker\" to /find/search",
      lookupSecondary: null,
    },
  ]);

/** The association a listing's name for it stands for, or undefined when it is not on file. */
export function associationLookup(name: string): AssociationLookup | undefined {
  const key = associationKey(name);
  if (!key) return undefined;
  return ASSOCIATION_LOOKUPS.find((l) => l.aliases.some((a) => associationKey(a) === key));
}

/** Each association a listing names, once, with its look-up when on file (null when not), in the listing's order. */
export function associationLookupsFor(names: readonly string[]): { name: string; lookup: AssociationLookup | null }[] {
  const seen = new Set<string>();
  const out: { name: string; lookup: AssociationLookup | null }[] = [];
  for (const name of names) {
    const lookup = associationLookup(name) ?? null;
    const id = lookup ? `on-file:${lookup.association}` : `name:${associationKey(name)}`;
    if (!name.trim() || seen.has(id)) continue;
    seen.add(id);
    out.push({ name: name.trim(), lookup });
  }
  return out;
}

/**
 * What the queue's source field starts with for a check: the credential's look-up address; for
 * association memberships, the directory of the one association named that has an address on
 * file (none when the listing names two or more with an address, so the administrator writes
 * the source actually used).
 */
export function defaultCheckSource(kind: CredentialLookup["credential"], associations: readonly string[] = []): string | undefined {
  if (kind !== "associations") return credentialLookup(kind).lookupUrl ?? undefined;
  const withAddress = associationLookupsFor(associations).flatMap((a) => (a.lookup?.lookupUrl ? [a.lookup.lookupUrl] : []));
  return withAddress.length === 1 ? withAddress[0] : undefined;
}
