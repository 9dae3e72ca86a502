import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CriteriaChecklist } from "@/components/profile/criteria-checklist";
import { InitialsAvatar } from "@/components/profile/initials-avatar";
import { JsonLdScript } from "@/components/profile/json-ld-script";
import { LicenseNoteLine } from "@/components/profile/license-note-line";
import styles from "@/components/profile/profile.module.css";
import { getDb } from "@/db/client";
import { getPublishedTherapistBySlug } from "@/db/queries/profiles";
import { haversineMiles } from "@/lib/geo/distance";
import { lookupZip } from "@/lib/geo/zip";
import { therapistSlugSchema } from "@/lib/profiles/slug";
import { toPublicProfile, type PublicProfile } from "@/lib/profiles/public-profile";
import { absoluteUrl, siteOrigin } from "@/lib/seo/site-origin";
import { buildTherapistJsonLd } from "@/lib/seo/therapist-json-ld";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadProfile = cache(async (slug: string) => {
  const parsed = therapistSlugSchema.safeParse(slug);
  if (!parsed.success) return undefined;
  const row = await getPublishedTherapistBySlug(await getDb(), { slug: parsed.data });
  return row && { row, profile: toPublicProfile(row) };
});

const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
const formatDate = (iso: string) => longDate.format(new Date(iso));

function summary(p: PublicProfile): string {
  const kinds = p.modalities.map((m) => m.name.toLowerCase());
  const offers = kinds.length ? `offers ${kinds.slice(0, 4).join(", ")}${kinds.length > 4 ? " and more" : ""}` : "massage therapist";
  return `${p.displayName}${p.practiceName ? ` (${p.practiceName})` : ""}, massage therapist in ${p.location.city}, ${p.location.state}: ${offers}. Licence notes, credentials, prices and the six selection criteria.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await loadProfile(slug);
  if (!found) return { title: "Therapist not found", robots: { index: false } };
  const { profile } = found;
  const origin = siteOrigin();
  const url = absoluteUrl(origin, `/therapists/${profile.slug}`);
  const title = `${profile.displayName}, massage therapist in ${profile.location.city}, ${profile.location.state}`;
  const description = summary(profile);
  return {
    metadataBase: new URL(origin),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", title, description, url, siteName: "Therapist Finder", locale: "en_US" },
  };
}

/** The search's query string, as the results page passes it in `from`, if it looks like one. */
function searchContext(raw: string | string[] | undefined) {
  const from = typeof raw === "string" && raw.length <= 1000 ? new URLSearchParams(raw) : undefined;
  if (!from) return undefined;
  const location = from.get("location")?.trim() ?? "";
  return { query: from.toString(), zip: /^\d{5}$/.test(location) ? location : undefined };
}

const yesNo = (v: boolean) => (v ? "Yes" : "No");

function telHref(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, "");
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1")) return `tel:+${digits}`;
  return undefined;
}

function safeWebsite(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function priceText(min: number | null, max: number | null): string | undefined {
  if (min == null && max == null) return undefined;
  if (min != null && max != null && max !== min) return `$${min} to $${max} per 60-minute session`;
  return `$${min ?? max} per 60-minute session`;
}

const SCIATICA_LEVEL = { none: "No stated experience with sciatica", some: "Some experience with sciatica", extensive: "Extensive experience with sciatica" };

function ncbtmbText(n: PublicProfile["ncbtmb"]): string {
  const number = n.number ? ` (number ${n.number})` : "";
  switch (n.status) {
    case "verified":
      return `Board certified${number}, verified with NCBTMB${n.verifiedAt ? ` on ${formatDate(n.verifiedAt)}` : ""}.`;
    case "self_reported":
      return `Board certified${number}, self-reported, not yet verified.`;
    case "lapsed":
      return `Board certification has lapsed${number}.`;
    default:
      return "Not board certified.";
  }
}

export default async function TherapistProfilePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const found = await loadProfile(slug);
  if (!found) notFound();
  const { profile: p } = found;
  const origin = siteOrigin();
  const search = searchContext((await searchParams).from);
  const searchPlace = search?.zip ? lookupZip(search.zip) : undefined;
  const distance = searchPlace ? haversineMiles(searchPlace, p.location) : undefined;
  const stateNames = new Map(found.row.stateRules.map((r) => [r.code, r.name]));
  const website = p.contact.website ? safeWebsite(p.contact.website) : undefined;
  const phoneHref = p.contact.phone ? telHref(p.contact.phone) : undefined;
  const price = priceText(p.price.min, p.price.max);
  const where = [p.location.inClinic && "in a clinic", p.location.mobile && "at your home (mobile)"].filter(Boolean).join(" and ");
  const headingId = (s: string) => `profile-${s}`;

  return (
    <div className="container stack">
      <JsonLdScript data={buildTherapistJsonLd({ ...p, ...p.contact, ...p.location, priceMin: p.price.min, priceMax: p.price.max }, origin)} />
      {search ? (
        <p>
          <Link className={styles.back} href={`/therapists?${search.query}`}>
            Back to results
          </Link>
        </p>
      ) : null}

      <section className={styles.header} aria-labelledby="profile-name">
        <InitialsAvatar name={p.displayName} />
        <div>
          <h1 id="profile-name">{p.displayName}</h1>
          {p.practiceName ? <p className={styles.practice}>{p.practiceName}</p> : null}
          {p.isDemo ? <p className={styles.demo}>Demo listing: fictional. This person and practice do not exist.</p> : null}
          <ul className={styles.badges} aria-label="At a glance">
            <li>
              {p.location.city}, {p.location.state}
            </li>
            <li>{p.acceptingNewClients ? "Accepting new clients" : "Not accepting new clients"}</li>
            {p.yearsInPractice != null ? <li>{p.yearsInPractice} years in practice</li> : null}
          </ul>
          <p className={styles.jump}>
            <a href="#profile-contact">How to contact {p.displayName}</a>
          </p>
        </div>
      </section>

      <div className={styles.layout}>
        <div className={styles.column}>
          <section className={styles.card} aria-labelledby={headingId("about")}>
            <h2 id={headingId("about")}>About</h2>
            {p.bio.trim() ? <p className={styles.bio}>{p.bio}</p> : <p>No description yet.</p>}
          </section>

          <section className={styles.card} aria-labelledby={headingId("sciatica")}>
            <h2 id={headingId("sciatica")}>Experience with sciatica</h2>
            <p>{SCIATICA_LEVEL[p.sciatica.experience]}.</p>
            {p.sciatica.description ? (
              <>
                <p>In their own words:</p>
                <blockquote className={styles.quote}>
                  <p>{p.sciatica.description}</p>
                </blockquote>
              </>
            ) : null}
          </section>

          <section className={styles.card} aria-labelledby={headingId("modalities")}>
            <h2 id={headingId("modalities")}>Types of massage offered</h2>
            {p.modalities.length ? (
              <ul className={styles.modalities}>
                {p.modalities.map((m) => (
                  <li key={m.slug}>
                    <Link href={`/modalities/${m.slug}`}>{m.name}</Link>: {m.summary}
                  </li>
                ))}
              </ul>
            ) : (
              <p>None listed.</p>
            )}
          </section>

          <section className={styles.card} aria-labelledby={headingId("licences")}>
            <h2 id={headingId("licences")}>Licences</h2>
            <p>Each state sets its own rules. Each note says what this state&rsquo;s rule makes of the licence.</p>
            {p.licenseNotes.length ? (
              p.licenseNotes.map((note, i) => (
                <LicenseNoteLine
                  key={`${note.stateCode}-${i}`}
                  note={note}
                  stateName={stateNames.get(note.stateCode) ?? note.stateCode}
                  number={note.number ?? undefined}
                />
              ))
            ) : (
              <p>No licence listed.</p>
            )}
          </section>

          <section className={styles.card} aria-labelledby={headingId("credentials")}>
            <h2 id={headingId("credentials")}>Training and credentials</h2>
            <dl className={styles.facts}>
              <dt>NCBTMB board certification</dt>
              <dd>
                {ncbtmbText(p.ncbtmb)} NCBTMB certification is national and voluntary; it is not a licence.
              </dd>
              <dt>School</dt>
              <dd>
                {p.school.name
                  ? `${p.school.name}${p.school.accredited ? ", a nationally accredited programme" : ", programme not stated as accredited"}`
                  : "Not stated"}
              </dd>
              <dt>Professional associations</dt>
              <dd>{p.associations.length ? p.associations.join(", ") : "None listed"}</dd>
            </dl>
          </section>

          <section className={styles.card} aria-labelledby={headingId("payment")}>
            <h2 id={headingId("payment")}>Prices, insurance and referrals</h2>
            <dl className={styles.facts}>
              <dt>Price</dt>
              <dd>{price ?? "Not stated"}</dd>
              <dt>Insurance</dt>
              <dd>
                {p.insurance.acceptsInsurance
                  ? `Accepts insurance${p.insurance.plans.length ? `: ${p.insurance.plans.join(", ")}` : ""}. Ask whether your plan covers massage.`
                  : "Does not accept insurance"}
              </dd>
              <dt>Superbills</dt>
              <dd>{p.insurance.offersSuperbills ? "Yes, for you to claim from your insurer" : "No"}</dd>
              <dt>HSA/FSA cards</dt>
              <dd>{yesNo(p.insurance.acceptsHsaFsa)}</dd>
              <dt>Physician referrals and prescriptions</dt>
              <dd>{p.acceptsPhysicianReferrals ? "Welcome" : "Not stated"}</dd>
            </dl>
            <p>
              <Link href="/guide#insurance">Insurance and prescription tips</Link>
            </p>
          </section>
        </div>

        <div className={styles.column}>
          <section className={styles.card} aria-labelledby={headingId("contact")}>
            <h2 id={headingId("contact")}>Contact</h2>
            <ul className={styles.contactList}>
              {p.contact.phone ? (
                <li>
                  Phone: {phoneHref ? <a href={phoneHref}>{p.contact.phone}</a> : p.contact.phone}
                </li>
              ) : null}
              {p.contact.email ? (
                <li>
                  Email: <a href={`mailto:${p.contact.email}`}>{p.contact.email}</a>
                </li>
              ) : null}
              {p.contact.website ? (
                <li>
                  Website:{" "}
                  {website ? (
                    <a href={website} rel="nofollow noopener">
                      {p.contact.website}
                    </a>
                  ) : (
                    p.contact.website
                  )}
                </li>
              ) : null}
              {!p.contact.phone && !p.contact.email && !p.contact.website ? <li>No contact details listed.</li> : null}
            </ul>
          </section>

          <section className={styles.card} aria-labelledby={headingId("location")}>
            <h2 id={headingId("location")}>Location</h2>
            <address className={styles.address}>
              {p.location.addressLine ? (
                <>
                  {p.location.addressLine}
                  <br />
                </>
              ) : null}
              {p.location.city}, {p.location.state} {p.location.zip}
            </address>
            {distance !== undefined && searchPlace ? (
              <p>
                About {distance < 10 ? distance.toFixed(1) : Math.round(distance)} miles from {searchPlace.zip} ({searchPlace.city},{" "}
                {searchPlace.state}), in a straight line.
              </p>
            ) : null}
            <dl className={styles.facts}>
              <dt>Sessions</dt>
              <dd>{where ? where.charAt(0).toUpperCase() + where.slice(1) : "Not stated"}</dd>
              <dt>Accepting new clients</dt>
              <dd>{yesNo(p.acceptingNewClients)}</dd>
              <dt>Opening hours</dt>
              <dd>{p.hours ?? "Not stated"}</dd>
              <dt>Languages</dt>
              <dd>{p.languages.length ? p.languages.join(", ") : "Not stated"}</dd>
              <dt>Accessibility</dt>
              <dd>
                {p.accessibility.wheelchairAccessible ? "Wheelchair accessible" : "Not stated as wheelchair accessible"}
                {p.accessibility.notes ? `. ${p.accessibility.notes}` : ""}
              </dd>
            </dl>
          </section>

          <section className={styles.card} aria-labelledby={headingId("criteria")}>
            <h2 id={headingId("criteria")}>The six selection criteria</h2>
            <CriteriaChecklist criteria={p.criteria} />
            <p>
              <Link href="/guide">Before you book: what to check and ask</Link>
            </p>
          </section>
        </div>
      </div>

      <p className={styles.updated}>
        Profile last updated <time dateTime={p.updatedAt}>{formatDate(p.updatedAt)}</time>.
      </p>
    </div>
  );
}
