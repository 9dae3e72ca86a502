import Link from "next/link";
import type { SearchResult } from "@/lib/search/run-search";
import { CriteriaChecklist } from "./criteria-checklist";
import { LicenseNoteList } from "./license-note-list";
import styles from "./search.module.css";

const SCIATICA: Record<SearchResult["sciaticaExperience"], string> = {
  extensive: "Extensive sciatica experience",
  some: "Some sciatica experience",
  none: "No stated sciatica experience",
};

const NCBTMB: Record<SearchResult["ncbtmbStatus"], string> = {
  verified: "NCBTMB board certified (verified)",
  self_reported: "NCBTMB board certified (self-reported, not yet checked)",
  lapsed: "NCBTMB board certification lapsed",
  not_certified: "Not NCBTMB board certified",
};

export function ResultCard({ result, searchQuery }: { result: SearchResult; searchQuery: string }) {
  const id = `r-${result.slug}`;
  const href = `/therapists/${result.slug}${searchQuery ? `?from=${encodeURIComponent(searchQuery)}` : ""}`;
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
        {[result.inClinic ? "in a clinic" : null, result.mobile ? "mobile" : null].filter(Boolean).join(" and ")}
        {" · "}
        {result.acceptingNewClients ? "accepting new clients" : "not accepting new clients"}
      </p>
      <dl className={styles.facts}>
        <div>
          <dt>Modalities</dt>
          <dd>{result.modalities.map((m) => m.name).join(", ")}</dd>
        </div>
        <div>
          <dt>Sciatica</dt>
          <dd>{SCIATICA[result.sciaticaExperience]}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>
            <LicenseNoteList notes={result.licenseNotes} />
          </dd>
        </div>
        <div>
          <dt>NCBTMB</dt>
          <dd>{NCBTMB[result.ncbtmbStatus]}</dd>
        </div>
      </dl>
      <CriteriaChecklist criteria={result.criteria} headingId={`${id}-criteria`} />
    </article>
  );
}
