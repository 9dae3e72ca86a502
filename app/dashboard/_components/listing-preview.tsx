// A listing as patients would read it, built from the database row. Every value is rendered
// as text (React escapes it); the website link only ever points at http(s).
import { MODALITIES } from "@/db/reference/modalities";
import type { Therapist } from "@/db/schema";
import { describeValue } from "@/lib/validation/profile-labels";
import styles from "../dashboard.module.css";

type LicenseView = { id: string; state: string; number: string; credentialTitle: string; status: string; verifiedAt: Date | null; source: string; note: string | null };

const STATUS: Record<string, string> = {
  active: "active",
  expired: "expired",
  disciplinary_action: "disciplinary action on record",
  unknown: "status unknown",
};

export function licenseStatusText(l: { status: string; verifiedAt: Date | null; source: string }): string {
  if (!l.verifiedAt) return "Not yet checked (self-reported)";
  return `Checked with the state board on ${l.verifiedAt.toISOString().slice(0, 10)}: ${STATUS[l.status] ?? l.status}`;
}

export function ListingPreview({ therapist: t, licenses }: { therapist: Therapist; licenses: LicenseView[] }) {
  const names = new Map(MODALITIES.map((m) => [m.slug, m.name]));
  const yesNo = (b: boolean) => (b ? "Yes" : "No");
  const price = t.priceMin !== null || t.priceMax !== null ? `$${t.priceMin ?? "?"} to $${t.priceMax ?? "?"} for 60 minutes` : "Not given";
  const rows: [string, string][] = [
    ["Practice", t.practiceName ?? "Not given"],
    ["About", t.bio || "Not given"],
    ["Location", `${t.addressLine ? `${t.addressLine}, ` : ""}${t.city}, ${t.state} ${t.zip}`],
    ["Works", [t.inClinic && "in a clinic", t.mobile && "mobile (visits clients)"].filter(Boolean).join(", ")],
    ["Opening hours", t.hours ?? "Not given"],
    ["Accepting new clients", yesNo(t.acceptingNewClients)],
    ["Years in practice", t.yearsInPractice === null ? "Not given" : String(t.yearsInPractice)],
    ["Types of massage", t.modalitySlugs.map((s) => names.get(s) ?? s).join(", ") || "None listed"],
    ["Experience with sciatica", t.sciaticaExperience],
    ["Sciatica experience, in their words", t.sciaticaDescription ?? "Not given"],
    ["NCBTMB board certification", t.ncbtmbStatus === "not_certified" ? "No" : `${t.ncbtmbStatus === "verified" ? "Verified" : "Self-reported"}${t.ncbtmbNumber ? `, number ${t.ncbtmbNumber}` : ""}`],
    ["School", t.schoolName ? `${t.schoolName}${t.schoolAccredited ? " (nationally accredited programme)" : ""}` : "Not given"],
    ["Memberships", describeValue(t.associations)],
    ["Physician referrals and prescriptions", yesNo(t.acceptsPhysicianReferrals)],
    ["Insurance", t.acceptsInsurance ? `Yes${t.insurancePlans.length ? `: ${t.insurancePlans.join(", ")}` : ""}` : "No"],
    ["Superbills", yesNo(t.offersSuperbills)],
    ["HSA/FSA", yesNo(t.acceptsHsaFsa)],
    ["Price", price],
    ["Languages", t.languages.join(", ")],
    ["Wheelchair accessible", yesNo(t.wheelchairAccessible)],
    ["Accessibility notes", t.accessibilityNotes ?? "Not given"],
    ["Phone", t.phone ?? "Not given"],
    ["E-mail", t.email ?? "Not given"],
  ];
  return (
    <section aria-labelledby="preview-heading" className="stack">
      <h2 id="preview-heading">Preview: {t.displayName}</h2>
      <dl className={styles.preview}>
        {rows.map(([k, value]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Website</dt>
          <dd>
            {t.website && /^https?:\/\//i.test(t.website) ? (
              <a href={t.website} rel="nofollow noopener noreferrer ugc">
                {t.website}
              </a>
            ) : (
              "Not given"
            )}
          </dd>
        </div>
        <div>
          <dt>Licences</dt>
          <dd>
            {licenses.length === 0 ? (
              "None listed"
            ) : (
              <ul>
                {licenses.map((l) => (
                  <li key={l.id}>
                    {l.state} {l.credentialTitle} {l.number}: {licenseStatusText(l)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
