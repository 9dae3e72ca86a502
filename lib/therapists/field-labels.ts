// Plain-language names of profile fields, for the form, its error summary, the conflict
// message and the revision history. No imports: client components use it too.
export const FIELD_LABELS: Record<string, string> = {
  displayName: "Name shown to patients",
  practiceName: "Practice name",
  bio: "About your practice",
  phone: "Phone",
  email: "Public e-mail",
  website: "Website",
  addressLine: "Street address",
  zip: "ZIP code",
  city: "City",
  state: "State",
  latitude: "Latitude",
  longitude: "Longitude",
  hours: "Opening hours",
  inClinic: "Sees clients in a clinic",
  mobile: "Visits clients (mobile)",
  acceptingNewClients: "Accepting new clients",
  yearsInPractice: "Years in practice",
  sciaticaExperience: "Experience with sciatica",
  sciaticaDescription: "Sciatica experience, in your words",
  acceptsPhysicianReferrals: "Accepts physician referrals and prescriptions",
  acceptsInsurance: "Accepts insurance",
  insurancePlans: "Insurance plans",
  offersSuperbills: "Offers superbills",
  acceptsHsaFsa: "Accepts HSA/FSA cards",
  priceMin: "Lowest price (60 minutes)",
  priceMax: "Highest price (60 minutes)",
  languages: "Languages",
  wheelchairAccessible: "Wheelchair accessible",
  messagesOff: "Message form turned off",
  gender: "Gender (optional, in your own words)",
  accessibilityNotes: "Accessibility notes",
  schoolName: "Massage school",
  schoolAccredited: "School programme nationally accredited",
  associations: "Professional memberships",
  ncbtmbStatus: "NCBTMB board certification",
  ncbtmbNumber: "NCBTMB certificate number",
  modalitySlugs: "Types of massage",
  licenses: "Licences",
  published: "Published",
  moderationNote: "Moderation note",
  locked: "Locked by an administrator",
  reviewRequestNote: "Request for review",
  ownerId: "Owner",
};

export function fieldLabel(key: string): string {
  const lic = /^licenses\.(\d+)\.(state|number|credentialTitle)$/.exec(key);
  if (lic) {
    const part = { state: "state", number: "number", credentialTitle: "credential title" }[lic[2] as "state"];
    return `Licence ${Number(lic[1]) + 1}: ${part}`;
  }
  return FIELD_LABELS[key] ?? key;
}

/** A stored value as one line of text. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(empty)";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length ? v.map(describeValue).join(", ") : "(none)";
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${describeValue(x)}`).join("; ");
  return String(v);
}
