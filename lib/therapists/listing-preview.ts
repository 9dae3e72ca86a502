// The dashboard preview of a listing, published or not, built through the public profile's own
// contract (toPublicProfile) so the owner sees exactly what patients would read.
import "server-only";
import type { Db } from "@/db/client";
import type { getListingForEdit } from "@/db/queries/listings";
import { listPhotos } from "@/db/queries/photos";
import { listStateRules } from "@/db/queries/states";
import { MODALITIES } from "@/db/reference/modalities";
import { toPublicProfile, type PublicProfile } from "./public-profile";

type Listing = NonNullable<Awaited<ReturnType<typeof getListingForEdit>>>;

export async function previewListing(db: Db, { therapist: t, licenses }: Listing): Promise<PublicProfile> {
  return toPublicProfile({
    ...t,
    // The reference list is what the modalities table is refreshed from, in the same order.
    modalities: MODALITIES.filter((m) => t.modalitySlugs.includes(m.slug)),
    licenses,
    stateRules: await listStateRules(db, { codes: [...new Set([t.state, ...licenses.map((l) => l.state)])] }),
    photos: await listPhotos(db, [t.id]),
  });
}
