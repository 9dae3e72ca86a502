// One search result: who, where, and the facts a careful patient checks first, in the same
// words (labels, licence notes, criteria checklist) as the profile page.
import Link from "next/link";
import { formatAccepting, formatSetting, NCBTMB_LABELS, SCIATICA_LABELS } from "@/lib/therapists/vocabulary";
import type { SearchResult } from "@/lib/therapists/search-result";
import { CriteriaChecklist } from "./criteria-checklist";
import { LicenseNotes } from "./license-note";
import styles from "./result-card.module.css";

export function ResultCard({ result, searchQuery }: { result: SearchResult; searchQuery: string }) {
  const id = `r-${result.slug}`;
  const href = `${result.url}${searchQuery ? `?from=${encodeURIComponent(searchQuery)}` : ""}`;
  return (
    <article className={styles.card} aria-labelledby={`${id}-name`}>
      <div className={styles.cardHead}>
        <h3 id={`${id}-name`} className={styles.cardName}>
          <Link href={href}>{result.displayName}</Link>
        </h3>
        {result.isDemo ? <span className={styles.demo}>Demo listing (fictional)</span> : null}
      </div>
      {result.practiceName ? <p className={styles.practice}>{result.practiceName}</p> : null}
      <p className={styles.where}>
        {result.city}, {result.state}
        {result.distanceMiles !== null ? <> &middot; {result.distanceMiles.toFixed(1)} miles away</> : null}
        {" · "}
        {formatSetting(result)}
        {" · "}
        {formatAccepting(result.acceptingNewClients).toLowerCase()}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Modalities</dt>
          <dd>{result.modalities.map((m) => m.name).join(", ")}</dd>
        </div>
        <div>
          <dt>Sciatica</dt>
          <dd>{SCIATICA_LABELS[result.sciaticaExperience]}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>
            <LicenseNotes notes={result.licenseNotes} compact />
          </dd>
        </div>
        <div>
          <dt>NCBTMB</dt>
          <dd>{NCBTMB_LABELS[result.ncbtmbStatus]}</dd>
        </div>
        {result.credentials.some((c) => c.credential !== "ncbtmb") && (
          <div>
            <dt>Credentials</dt>
            <dd>
              {result.credentials
                .filter((c) => c.credential !== "ncbtmb")
                .map((c) => c.text)
                .join("; ")}
            </dd>
          </div>
        )}
      </dl>
      <CriteriaChecklist criteria={result.criteria} headingId={`${id}-criteria`} compact />
    </article>
  );
}
