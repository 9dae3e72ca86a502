import { MODALITIES } from "@/db/reference/modalities";
import { STATE_CODES } from "@/lib/licensing/vocabulary";
import { LICENSE_ROWS } from "@/lib/therapists/profile-input";
import { NCBTMB_FORM_LABELS, SCIATICA_FORM_LABELS, SCIATICA_LEVELS, SELF_NCBTMB_STATUSES } from "@/lib/therapists/vocabulary";

/** What the profile form needs besides the values (kept small: it goes to the client). */
export function profileFormContext() {
  return {
    modalities: MODALITIES.map((m) => ({ slug: m.slug, name: m.name, summary: "" })),
    stateCodes: [...STATE_CODES],
    licenseRows: LICENSE_ROWS,
    // The choices come from the schema's enums, so the client bundle carries only these pairs.
    sciaticaOptions: SCIATICA_LEVELS.map((value) => ({ value, label: SCIATICA_FORM_LABELS[value] })),
    ncbtmbOptions: SELF_NCBTMB_STATUSES.map((value) => ({ value, label: NCBTMB_FORM_LABELS[value] })),
  };
}
