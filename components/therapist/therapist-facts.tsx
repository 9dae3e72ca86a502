// Everything a patient reads about one therapist, from the public profile contract: the one
// view the profile page and the dashboard preview both render, so the preview is exactly what
// patients read. Profile text is untrusted: it is only ever rendered as text (React escapes
// it), and the website link only ever points at http(s).
import { mapAppLinks } from "@/lib/geo/map-links";
import Link from "next/link";
import type { PublicProfile } from "@/lib/therapists/public-profile";
import { associationsWords, schoolWords } from "@/lib/criteria";
import {
  formatAccepting,
  formatNcbtmb,
  formatPrice,
  formatSetting,
  formatYesNo,
  NCBTMB_NOTE,
  SCIATICA_LABELS,
} from "@/lib/therapists/vocabulary";
import { CONTACT_WORDING } from "@/lib/contact/message-input";
import { CONTACT_ANCHOR, MESSAGE_ANCHOR, safeWebsite, telHref } from "@/lib/therapists/contact-links";
import { CriteriaChecklist } from "./criteria-checklist";
import { PracticePhotos, Portrait } from "./photos";
import { QuestionsToAsk } from "./questions-to-ask";
import { LicenseNotes } from "./license-note";
import styles from "./therapist.module.css";

type Level = 1 | 2 | 3;
type Props = {
  profile: PublicProfile;
  /** The level of the name's heading; each section's heading is one below. */
  level?: Level;
  /** A line under the address, e.g. the distance from the place searched. */
  locationNote?: React.ReactNode;
  /** When the listing takes messages: the form (the profile page) or what stands in for it (the dashboard preview). */
  message?: React.ReactNode;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function TherapistFacts({ profile: p, level = 1, locationNote, message }: Props) {
  const Name = `h${level}` as const;
  const H = `h${level + 1}` as "h2" | "h3" | "h4";
  const website = p.contact.website ? safeWebsite(p.contact.website) : undefined;
  const phoneHref = p.contact.phone ? telHref(p.contact.phone) : undefined;
  const price = formatPrice(p.price);
  const where = formatSetting(p.location);
  const headingId = (s: string) => `profile-${s}`;

  if (p.registry && !p.registry.claimed) return <RegistryFacts profile={p} registry={p.registry} level={level} locationNote={locationNote} />;

  return (
    <>
      <section className={styles.header} aria-labelledby="profile-name">
        <Portrait name={p.displayName} photo={p.photos.find((x) => x.kind === "portrait")} />
        <div>
          <Name id="profile-name" className={styles.name}>
            {p.displayName}
          </Name>
          {p.practiceName ? <p className={styles.practice}>{p.practiceName}</p> : null}
          {p.isDemo ? <p className={styles.demo}>Demo listing: fictional. This person and practice do not exist.</p> : null}
          <ul className={styles.badges} aria-label="At a glance">
            <li>
              {p.location.city}, {p.location.state}
            </li>
            <li>{formatAccepting(p.acceptingNewClients)}</li>
            {p.yearsInPractice != null ? <li>{p.yearsInPractice} years in practice</li> : null}
          </ul>
        </div>
      </section>

      {/* Near the top, and on a phone it stays at the top of the screen while the page scrolls. */}
      <section className={styles.contactBar} aria-labelledby={CONTACT_ANCHOR} id={`${CONTACT_ANCHOR}-block`}>
        <H id={CONTACT_ANCHOR} className={styles.contactHeading}>
          Contact
        </H>
        <ul className={styles.contactActions}>
          {p.contact.phone ? (
            <li>
              {phoneHref ? (
                <a className={styles.contactAction} href={phoneHref}>
                  Call <span className={styles.contactDetail}>{p.contact.phone}</span>
                </a>
              ) : (
                <span>Phone: {p.contact.phone}</span>
              )}
            </li>
          ) : null}
          {p.contact.email ? (
            <li>
              <a className={styles.contactAction} href={`mailto:${p.contact.email}`}>
                E-mail <span className={styles.contactDetail}>{p.contact.email}</span>
              </a>
            </li>
          ) : null}
          {p.contact.website ? (
            <li>
              {website ? (
                <a className={styles.contactAction} href={website} rel="nofollow noopener">
                  Website <span className={styles.contactDetail}>{p.contact.website}</span>
                </a>
              ) : (
                <span>Website: {p.contact.website}</span>
              )}
            </li>
          ) : null}
          {p.contact.messages ? (
            <li>
              <a className={styles.contactAction} href={`#${MESSAGE_ANCHOR}`}>
                Message
              </a>
            </li>
          ) : null}
          {!p.contact.phone && !p.contact.email && !p.contact.website ? <li>No contact details listed.</li> : null}
        </ul>
      </section>
      {p.contact.messages ? (
        message
      ) : (
        <section className={styles.message} id={MESSAGE_ANCHOR} aria-label={`Messages to ${p.displayName}`}>
          <p>{p.contact.email ? CONTACT_WORDING.off : CONTACT_WORDING.noEmail}</p>
        </section>
      )}

      <div className={styles.layout}>
        <div className={styles.column}>
          <section className={styles.card} aria-labelledby={headingId("about")}>
            <H id={headingId("about")}>About</H>
            {p.bio.trim() ? <p className={styles.bio}>{p.bio}</p> : <p>No description yet.</p>}
          </section>

          <section className={styles.card} aria-labelledby={headingId("sciatica")}>
            <H id={headingId("sciatica")}>Experience with sciatica</H>
            <p>{SCIATICA_LABELS[p.sciatica.experience]}.</p>
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
            <H id={headingId("modalities")}>Types of massage offered</H>
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
            <H id={headingId("licences")}>Licences</H>
            <p>Each state sets its own rules. Each note says what this state&rsquo;s rule makes of the licence.</p>
            <LicenseNotes notes={p.licenseNotes} />
          </section>

          <section className={styles.card} aria-labelledby={headingId("credentials")}>
            <H id={headingId("credentials")}>Training and credentials</H>
            <dl className={styles.facts}>
              <dt>NCBTMB board certification</dt>
              <dd>
                {formatNcbtmb(p.ncbtmb)} {NCBTMB_NOTE}
              </dd>
              <dt>School</dt>
              <dd>
                {schoolWords(p.school)}
              </dd>
              <dt>Professional associations</dt>
              <dd>{associationsWords(p.associations, p.associationsCheck)}</dd>
            </dl>
          </section>

          <section className={styles.card} aria-labelledby={headingId("payment")}>
            <H id={headingId("payment")}>Prices, insurance and referrals</H>
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
              <dd>{formatYesNo(p.insurance.acceptsHsaFsa)}</dd>
              <dt>Physician referrals and prescriptions</dt>
              <dd>{p.acceptsPhysicianReferrals ? "Welcome" : "Not stated"}</dd>
            </dl>
            <p>
              <Link href="/guide#insurance">Insurance and prescription tips</Link>
            </p>
          </section>
        </div>

        <div className={styles.column}>
          <section className={styles.card} aria-labelledby={headingId("location")}>
            <H id={headingId("location")}>Location</H>
            <address className={styles.address}>
              {p.location.addressLine ? (
                <>
                  {p.location.addressLine}
                  <br />
                </>
              ) : null}
              {p.location.city}, {p.location.state} {p.location.zip}
            </address>
            <p>
              Open in a maps app:{" "}
              {mapAppLinks(p.location).map((l, i) => (
                <span key={l.href}>
                  {i > 0 ? ", " : null}
                  <a href={l.href} rel="noopener noreferrer">
                    {l.label}
                  </a>
                </span>
              ))}
              . These open another site, which then sees this address; nothing is sent to it before you choose one.
            </p>
            <PracticePhotos photos={p.photos.filter((x) => x.kind === "practice")} />
            {locationNote}
            <dl className={styles.facts}>
              <dt>Sessions</dt>
              <dd>{where ? capitalise(where) : "Not stated"}</dd>
              <dt>Accepting new clients</dt>
              <dd>{formatYesNo(p.acceptingNewClients)}</dd>
              <dt>Opening hours</dt>
              <dd>{p.hours ?? "Not stated"}</dd>
              <dt>Languages</dt>
              <dd>{p.languages.length ? p.languages.join(", ") : "Not stated"}</dd>
              {p.gender ? (
                <>
                  <dt>Gender (as the therapist describes it)</dt>
                  <dd>{p.gender}</dd>
                </>
              ) : null}
              <dt>Accessibility</dt>
              <dd>
                {p.accessibility.wheelchairAccessible ? "Wheelchair accessible" : "Not stated as wheelchair accessible"}
                {p.accessibility.notes ? `. ${p.accessibility.notes}` : ""}
              </dd>
            </dl>
          </section>

          <section className={styles.card} aria-labelledby={headingId("criteria")}>
            <H id={headingId("criteria")}>The six selection criteria</H>
            <CriteriaChecklist criteria={p.criteria} headingId={headingId("criteria-summary")} />
            <p>
              <Link href="/guide">Before you book: what to check and ask</Link>
            </p>
          </section>
          <QuestionsToAsk profile={p} level={level + 1} />
        </div>
      </div>
    </>
  );
}

/**
 * An imported registry listing nobody has claimed: only what the registry says (name, credential,
 * practice address, phone, licences), labelled as such, with the way to claim it or ask for its
 * removal. Nothing the registry does not say (modalities, prices, criteria) is shown.
 */
function RegistryFacts({
  profile: p,
  registry,
  level,
  locationNote,
}: Props & { registry: NonNullable<PublicProfile["registry"]>; level: Level }) {
  const Name = `h${level}` as const;
  const H = `h${level + 1}` as "h2" | "h3" | "h4";
  const phoneHref = p.contact.phone ? telHref(p.contact.phone) : undefined;
  return (
    <>
      <section className={styles.header} aria-labelledby="profile-name">
        <Portrait name={p.displayName} photo={p.photos.find((x) => x.kind === "portrait")} />
        <div>
          <Name id="profile-name" className={styles.name}>
            {p.displayName}
            {registry.credential ? `, ${registry.credential}` : ""}
          </Name>
          <p className={styles.demo}>{registry.label}</p>
          <p>
            {p.location.city}, {p.location.state}: the registry&rsquo;s facts, {registry.text} (NPI {registry.npi}).
          </p>
        </div>
      </section>
      <div className={styles.layout}>
        <div className={styles.column}>
          <section className={styles.card} aria-labelledby="profile-licences">
            <H id="profile-licences">Licences</H>
            <p>
              As the provider reported them to the national provider registry. Each state sets its own rules; check a licence with the state
              board before you book.
            </p>
            <LicenseNotes notes={p.licenseNotes} />
          </section>
          <section className={styles.card} aria-labelledby="profile-registry">
            <H id="profile-registry">Is this you?</H>
            <p>
              This listing comes from the public data of the national provider registry (NPPES). Claim it to add what patients look for (types
              of massage, prices, experience with sciatica), or ask for it to be removed.
            </p>
            <p>
              <Link href={`/dashboard/claim?q=${encodeURIComponent(p.displayName)}`}>Claim or remove this listing</Link>
            </p>
          </section>
        </div>
        <div className={styles.column}>
          <section className={styles.card} aria-labelledby="profile-contact">
            <H id="profile-contact">Contact</H>
            <ul className={styles.contactList}>
              {p.contact.phone ? (
                <li>
                  Phone: {phoneHref ? <a href={phoneHref}>{p.contact.phone}</a> : p.contact.phone}
                </li>
              ) : (
                <li>No phone in the registry.</li>
              )}
            </ul>
          </section>
          <section className={styles.card} aria-labelledby="profile-location">
            <H id="profile-location">Practice location</H>
            <address className={styles.address}>
              {p.location.addressLine ? (
                <>
                  {p.location.addressLine}
                  <br />
                </>
              ) : null}
              {p.location.city}, {p.location.state} {p.location.zip}
            </address>
            {locationNote}
          </section>
        </div>
      </div>
    </>
  );
}
