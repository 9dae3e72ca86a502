// US ZIP code centroids, from the `zipcodes` package's offline table.
import zipcodes, { type ZipCode } from "zipcodes";
import { isStateCode } from "@/lib/licensing/vocabulary";

export type ZipPlace = { zip: string; city: string; state: string; latitude: number; longitude: number };

function toPlace(z: ZipCode): ZipPlace {
  return { zip: z.zip, city: z.city, state: z.state, latitude: z.latitude, longitude: z.longitude };
}

export function lookupZip(zip: string): ZipPlace | undefined {
  if (!/^\d{5}$/.test(zip)) return undefined;
  const found = zipcodes.lookup(zip);
  return found && found.country === "US" && isStateCode(found.state) ? toPlace(found) : undefined;
}

let byState: Map<string, ZipPlace[]> | undefined;

/** Every ZIP with a centroid in the 50 states and DC, grouped by state, in ZIP order. */
export function zipsByState(): Map<string, ZipPlace[]> {
  if (!byState) {
    byState = new Map();
    const all = Object.values(zipcodes.codes as Record<string, ZipCode>)
      .filter((z) => z.country === "US" && isStateCode(z.state) && (z.latitude || z.longitude))
      .sort((a, b) => a.zip.localeCompare(b.zip));
    for (const z of all) {
      const list = byState.get(z.state) ?? [];
      list.push(toPlace(z));
      byState.set(z.state, list);
    }
  }
  return byState;
}

export const UNKNOWN_ZIP_MESSAGE = "We could not find this ZIP code. Enter the 5-digit ZIP of your practice.";

/**
 * Where a listing with this ZIP is (city, state, centroid), or the field error the listing
 * form shows. Server actions resolve the place before they write; the data layer never looks
 * ZIP codes up itself.
 */
export function resolveListingPlace(
  zip: string,
): { ok: true; place: Omit<ZipPlace, "zip"> } | { ok: false; fieldErrors: { zip: string } } {
  const found = lookupZip(zip);
  if (!found) return { ok: false, fieldErrors: { zip: UNKNOWN_ZIP_MESSAGE } };
  const { zip: _zip, ...place } = found;
  return { ok: true, place };
}
