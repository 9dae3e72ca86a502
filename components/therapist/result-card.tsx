// One search result, short enough to scan on a phone (about 300 px at 375 px wide): who,
// where and how far, the price, the licence line, the modalities, and how many of the six
// criteria are met, with the full checklist and the other facts one tap away. The words
// (labels, licence notes, criteria) are the profile page's.
import Link from "next/link";
import { SaveButton } from "@/components/shortlist/save-button";
import { formatAccepting, formatDistance, formatPrice, formatSetting, NCBTMB_LABELS, SCIATICA_LABELS } from "@/lib/therapists/vocabulary";
import { stateName } from "@/lib/licensing/vocabulary";
import { CONTACT_ANCHOR } from "@/lib/therapists/contact-links";
import type { SearchResult } from "@/lib/therapists/search-result";
import type { Photo } from "@/lib/photos/photo-urls";
import { CriteriaChecklist } from "./criteria-checklist";
import { LicenseNotes } from "./license-note";
import styles from "./result-card.module.css";

/** How many modalities a card names before "and 4 more" (the full list is in its details). */
const MODALITIES_SHOWN = 3;

type Props = {
  result: SearchResult;
  searchQuery: string;
  /** The modalities the search asked for: named first, so the card shows why it matched. */
  searched?: readonly string[];
  /** Its number on the map, shown beside the name when the map is (the list is an <ol>, so it is not read twice). */
  number?: number;
  /** The therapist's portrait, if they added one (cards show no initials, to stay compact). */
  portrait?: Photo;
};

export function ResultCard({ result, searchQuery, searched = [], number, portrait }: Props) {
  const id = `r-${result.slug}`;
  const href = `${result.url}${searchQuery ? `?from=${encodeURIComponent(searchQuery)}` : ""}`;
  const price = formatPrice(result.price);
  const credentials = result.credentials.filter((c) => c.credential !== "ncbtmb");
  const modalities = [...result.modalities].sort((a, b) => Number(searched.includes(b.slug)) - Number(searched.includes(a.slug))).map((m) => m.name);
  const more = modalities.length - MODALITIES_SHOWN;
  if (result.registry && !result.registry.claimed) {
    // An imported registry listing nobody has claimed: only the registry's facts.
    return (
      <article className={styles.card} aria-labelledby={`${id}-name`}>
        <div className={styles.cardHead}>
          <h3 id={`${id}-name`} className={styles.cardName}>
            {number !== undefined ? (
              <span className={styles.number} aria-hidden="true">
                {number}
              </span>
            ) : null}
            <Link href={href}>
              {result.displayName}
              {result.registry.credential ? `, ${result.registry.credential}` : ""}
            </Link>
          </h3>
          <span className={styles.demo}>{result.registry.label}</span>
        </div>
        <p className={styles.where}>
          {result.city}, {result.state}
          {result.distanceMiles !== null ? <> &middot; {formatDistance(result.distanceMiles)}</> : null} &middot; {result.registry.text}
        </p>
        <dl className={styles.facts}>
          <div>
            <dt>Modalities:</dt>
            <dd>Not stated</dd>
          </div>
          <div>
            <dt>Licence:</dt>
            <dd>
              <LicenseNotes notes={result.licenseNotes} compact />
            </dd>
          </div>
        </dl>
      </article>
    );
  }
  return (
    <article className={styles.card} aria-labelledby={`${id}-name`}>
      <div className={styles.cardHead}>
        {portrait ? (
          // Sizes made at upload (see components/therapist/photos.tsx), so not next/image.
          // eslint-disable-next-line @next/next/no-img-element
          <img className={styles.portrait} src={portrait.src} srcSet={portrait.srcset} sizes="48px" width={48} height={48} alt={portrait.alt} loading="lazy" decoding="async" />
        ) : null}
        <h3 id={`${id}-name`} className={styles.cardName}>
          {number !== undefined ? (
            <span className={styles.number} aria-hidden="true">
              {number}
            </span>
          ) : null}
          <Link href={href}>{result.displayName}</Link>
        </h3>
        <span className={styles.headEnd}>
          {result.isDemo ? <span className={styles.demo}>Demo (fictional)</span> : null}
          {/* One tap to the profile's contact block: call, e-mail, website, message. */}
          <SaveButton slug={result.slug} name={result.displayName} className={styles.save} showLink={false} />
          <Link className={styles.contact} href={`${href}#${CONTACT_ANCHOR}`}>
            Contact<span className="visually-hidden"> {result.displayName}</span>
          </Link>
        </span>
      </div>
      {result.practiceName ? <p className={styles.practice}>{result.practiceName}</p> : null}
      <p className={styles.where}>
        {result.city}, {result.state}
        {result.distanceMiles !== null ? <> &middot; {formatDistance(result.distanceMiles)}</> : null} &middot; {price ?? "Price not stated"}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Modalities:</dt>
          <dd>{more > 0 ? `${modalities.slice(0, MODALITIES_SHOWN).join(", ")} and ${more} more` : modalities.join(", ")}</dd>
        </div>
        <div>
          <dt>Licence:</dt>
          <dd>
            <LicenseNotes notes={result.licenseNotes} compact />
          </dd>
        </div>
      </dl>
      <CriteriaChecklist criteria={result.criteria} headingId={`${id}-criteria`} compact>
        <dl className={styles.more}>
          {more > 0 ? (
            <div>
              <dt>All modalities:</dt>
              <dd>{modalities.join(", ")}</dd>
            </div>
          ) : null}
          <div>
            <dt>Where:</dt>
            <dd>
              {formatSetting(result)}; {formatAccepting(result.acceptingNewClients).toLowerCase()}
            </dd>
          </div>
          <div>
            <dt>Sciatica:</dt>
            <dd>{SCIATICA_LABELS[result.sciaticaExperience]}</dd>
          </div>
          <div>
            <dt>NCBTMB:</dt>
            <dd>{NCBTMB_LABELS[result.ncbtmbStatus]}</dd>
          </div>
          {result.licenseNotes.length ? (
            <div>
              <dt>Licensing rules:</dt>
              <dd>
                {[...new Map(result.licenseNotes.map((n) => [n.stateCode, n.stateHref]))].map(([code, stateHref], i) => (
                  <span key={code}>
                    {i > 0 ? ", " : null}
                    <Link href={stateHref}>{stateName(code)}</Link>
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
          {credentials.length ? (
            <div>
              <dt>Credentials:</dt>
              <dd>{credentials.map((c) => c.text).join("; ")}</dd>
            </div>
          ) : null}
        </dl>
      </CriteriaChecklist>
    </article>
  );
}
