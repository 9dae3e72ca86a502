// The shortlist: kept in the browser only (localStorage; no cookie, nothing sent to the server),
// and the comparison's address, which carries the therapists it compares so it can be shared.
// No imports from the server: the save button and the shortlist page use it in the browser.
import { therapistSlugSchema } from "@/lib/profiles/slug";

export const SHORTLIST_KEY = "therapist-finder.shortlist";
/** Fired on window when the shortlist changes, so every button on the page follows. */
export const SHORTLIST_EVENT = "therapist-finder:shortlist";
export const MAX_SAVED = 20;
export const MAX_COMPARED = 4;

export type SavedTherapist = { slug: string; name: string };

export function parseSaved(raw: string | null): SavedTherapist[] {
  try {
    const list: unknown = JSON.parse(raw ?? "[]");
    if (!Array.isArray(list)) return [];
    return list
      .filter((x): x is SavedTherapist => typeof x === "object" && x !== null && typeof x.slug === "string" && typeof x.name === "string")
      .filter((x) => therapistSlugSchema.safeParse(x.slug).success)
      .slice(0, MAX_SAVED)
      .map((x) => ({ slug: x.slug, name: x.name.slice(0, 120) }));
  } catch {
    return [];
  }
}

/** `/compare?t=a,b,c`: the comparison of up to four therapists, in the order given. */
export const compareHref = (slugs: readonly string[]) => `/compare?t=${slugs.slice(0, MAX_COMPARED).join(",")}`;

export type CompareRequest = { slugs: string[]; malformed: string[]; beyond: string[] };

/** Reads `t` from a comparison's address: valid slugs (at most four, no repeats), and what could not be read. */
export function parseCompareParam(raw: string | string[] | undefined): CompareRequest {
  const text = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).slice(0, 2000);
  const parts = text.split(",").map((s) => s.trim()).filter(Boolean);
  const slugs: string[] = [];
  const malformed: string[] = [];
  for (const p of parts) {
    if (!therapistSlugSchema.safeParse(p).success) malformed.push(p.slice(0, 60));
    else if (!slugs.includes(p)) slugs.push(p);
  }
  return { slugs: slugs.slice(0, MAX_COMPARED), malformed, beyond: slugs.slice(MAX_COMPARED) };
}
