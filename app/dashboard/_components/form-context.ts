import { MODALITIES } from "@/db/reference/modalities";
import { STATE_CODES } from "@/lib/geo/state-population";
import { LICENSE_ROWS } from "@/lib/validation/therapist-profile";

/** What the profile form needs besides the values (kept small: it goes to the client). */
export function profileFormContext() {
  return {
    modalities: MODALITIES.map((m) => ({ slug: m.slug, name: m.name, summary: "" })),
    stateCodes: [...STATE_CODES],
    licenseRows: LICENSE_ROWS,
  };
}
