import type { Metadata } from "next";
import Link from "next/link";
import { RedFlagNotice } from "@/components/red-flag-notice";
import { FiltersForm } from "@/components/search/filters-form";
import { AreaMap } from "@/components/search/area-map";
import { NoResults } from "@/components/search/no-results";
import { Pagination } from "@/components/search/pagination";
import { FilterChip, ResultsFocus } from "@/components/search/results-focus";
import type { MapArea } from "@/lib/geo/area-map";
import { stateName } from "@/lib/licensing/vocabulary";
import { formatDistance } from "@/lib/therapists/vocabulary";
import { ResultCard } from "@/components/therapist/result-card";
import styles from "@/components/search/search.module.css";
import { getDb } from "@/db/client";
import { listPortraitsBySlug, type PhotoMeta } from "@/db/queries/photos";
import { toPhoto } from "@/lib/photos/photo-urls";
import { isTemporaryDatabaseFailure } from "@/db/unavailable";
import { activeFilters, radiusOf } from "@/lib/search/filters";
import { searchFieldAnchor, searchFieldLabel } from "@/lib/search/field-labels";
import { parseSearchParams, SORT_LABELS, toQueryString, type SearchParams } from "@/lib/search/params";
import { defaultSort, runSearch, type SearchOutcome } from "@/lib/search/run-search";
import { statedChoices, type StatedChoices } from "@/lib/search/choices";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const raw = await searchParams;
  const place = typeof raw.location === "string" ? raw.location.slice(0, 60) : "";
  return {
    title: place ? `Massage therapists near ${place}` : "Find a massage therapist",
    description: "Massage therapists for sciatica: filter by modality, licence checked with the state board, NCBTMB certification, insurance and more.",
    alternates: { canonical: "/therapists" },
    robots: { index: !place, follow: true },
  };
}

function ErrorSummary({ errors, suggestions, params }: { errors: Record<string, string[]>; suggestions: string[]; params?: SearchParams }) {
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-heading">
      <h2 id="error-heading">Please check your search</h2>
      <ul>
        {Object.entries(errors).map(([field, messages]) => {
          const anchor = searchFieldAnchor(field);
          const label = searchFieldLabel(field);
          return (
            <li key={field}>
              <strong>{anchor ? <a href={anchor}>{label}</a> : label}</strong>: {messages.join("; ")}
            </li>
          );
        })}
      </ul>
      {suggestions.length ? (
        <p>
          Did you mean{" "}
          {suggestions.map((s, i) => (
            <span key={s}>
              {i > 0 ? ", " : null}
              {/* A suggestion replaces only the place: every other filter the visitor chose stays. */}
              <Link href={`/therapists?${params ? toQueryString({ ...params, location: s, page: 1 }) : new URLSearchParams({ location: s })}`}>{s}</Link>
            </span>
          ))}
          ?
        </p>
      ) : null}
    </div>
  );
}

function heading(outcome: Extract<SearchOutcome, { ok: true }>) {
  const n = `${outcome.totalIsEstimate ? "about " : ""}${outcome.total.toLocaleString("en-US")}`;
  const noun = outcome.total === 1 ? "therapist" : "therapists";
  if (outcome.location?.kind === "point") return `${n} ${noun} within ${radiusOf(outcome.params)} miles of ${outcome.location.label}`;
  if (outcome.location?.kind === "state") return `${n} ${noun} in ${outcome.location.label}`;
  return `${n} ${noun} across the United States`;
}

export default async function TherapistsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw, { ignoreUnknown: true, allowView: true });
  const hasQuery = parsed.ok && Object.keys(raw).some((k) => k !== "page" && raw[k]);

  let outcome: SearchOutcome | null = null;
  // A database that is busy or out of reach for a moment: say so here, with the form still
  // holding what was typed, rather than an error page (and without needing JavaScript).
  let unavailable = false;
  let choices: StatedChoices | undefined;
  let portraits = new Map<string, PhotoMeta>();
  if (parsed.ok && hasQuery) {
    try {
      const db = await getDb();
      [outcome, choices] = await Promise.all([runSearch(db, parsed.params), statedChoices(db)]);
      if (outcome.ok) portraits = await listPortraitsBySlug(db, [...outcome.results, ...(outcome.noResults?.nearest ?? [])].map((r) => r.slug));
    } catch (error) {
      if (!isTemporaryDatabaseFailure(error)) throw error;
      console.error("[search page] the database is unavailable:", error);
      unavailable = true;
    }
  } else {
    // The form alone (no search yet, or one to correct) still offers the stated languages and genders.
    choices = await getDb()
      .then((db) => statedChoices(db))
      .catch((error: unknown) => {
        if (!isTemporaryDatabaseFailure(error)) throw error;
        return undefined;
      });
  }
  const values = parsed.ok ? raw : parsed.values;
  const errors = !parsed.ok ? parsed.fieldErrors : outcome && !outcome.ok ? outcome.fieldErrors : {};

  return (
    <div className="container stack">
      {/* After a change of results made in the page, focus goes to where the results begin
          (or to this heading, which gives the count, when there are none to show). */}
      <ResultsFocus search={JSON.stringify(raw)} targetId={outcome?.ok && outcome.results.length ? "results-heading" : "page-heading"} />
      <h1 id="page-heading" tabIndex={-1}>
        {outcome?.ok ? heading(outcome) : "Find a massage therapist"}
      </h1>
      {/* Positioned out of the flow (shown on focus), so right after the heading they change no spacing. */}
      {outcome?.ok && outcome.results.length ? <SkipLinks paged={outcome.pageCount > 1} /> : null}
      {Object.keys(errors).length ? <ErrorSummary errors={errors} suggestions={outcome && !outcome.ok ? outcome.suggestions : []} params={parsed.ok ? parsed.params : undefined} /> : null}
      {parsed.ok && parsed.ignored.length ? (
        <p className="notice">Ignored unknown search parameter{parsed.ignored.length > 1 ? "s" : ""}: {parsed.ignored.join(", ")}.</p>
      ) : null}
      {/* No results: the count (the heading above) and what to do next come before the form. */}
      {outcome?.ok && outcome.noResults ? <NoResults {...outcome.noResults} /> : null}
      <FiltersForm
        // A new search (an in-page link navigates on the client) is a new form: its fields
        // start again from this URL instead of keeping what the last page's form held.
        key={JSON.stringify(raw)}
        values={values as Record<string, string | string[]>}
        errors={errors}
        params={parsed.ok ? parsed.params : undefined}
        defaultSort={outcome?.ok ? defaultSort(outcome.location) : undefined}
        choices={choices}
      />
      {unavailable ? (
        <div className="notice notice-warning" role="alert">
          <h2>Search is not available just now</h2>
          <p>The service is busy or briefly unavailable. Your search is kept in the form below and in the address bar: please try again in a moment.</p>
        </div>
      ) : null}
      {outcome?.ok ? (
        <Results outcome={outcome} title={heading(outcome)} portraits={portraits} />
      ) : !Object.keys(errors).length && !unavailable ? (
        <>
          <p className="lead">Enter a ZIP code, a city and state, or a state to see therapists near you.</p>
          <RedFlagNotice />
        </>
      ) : null}
    </div>
  );
}

/** Past the form (and, on a long page, past the results) for keyboard users; shown on focus. */
function SkipLinks({ paged }: { paged: boolean }) {
  return (
    <>
      <a className="skip-link" href="#results-heading">
        Skip to results
      </a>
      {paged ? (
        <a className="skip-link" href="#result-pages">
          Skip to pagination
        </a>
      ) : null}
    </>
  );
}

function Results({ outcome, title, portraits }: { outcome: Extract<SearchOutcome, { ok: true }>; title: string; portraits: ReadonlyMap<string, PhotoMeta> }) {
  const portrait = (slug: string) => {
    const p = portraits.get(slug);
    return p ? toPhoto(p) : undefined;
  };
  const query = toQueryString(outcome.params);
  const filters = activeFilters(outcome.params);
  const onMap = outcome.params.view === "map";
  const first = (outcome.page - 1) * outcome.pageSize + 1;
  return (
    <section aria-labelledby="results-heading" className="stack">
      <h2 id="results-heading" tabIndex={-1}>
        Results
      </h2>
      {filters.length ? (
        <div className={styles.chips}>
          <p id="active-filters">Active filters (select one to remove it):</p>
          <ul aria-labelledby="active-filters">
            {filters.map((f, i) => (
              <li key={f.label}>
                <FilterChip href={`/therapists?${toQueryString(f.without)}`} index={i}>
                  <span className="visually-hidden">Remove filter: </span>
                  {f.label} <span aria-hidden="true">×</span>
                </FilterChip>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome.noResults?.nearest.length ? (
        <>
          <h2 id="nearest-heading">Nearest therapists matching your other filters</h2>
          <ol className={styles.results}>
            {outcome.noResults.nearest.map((r) => (
              <li key={r.slug}>
                <ResultCard result={r} searchQuery={query} searched={outcome.params.modality} portrait={portrait(r.slug)} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {outcome.results.length === 0 && outcome.total > 0 ? (
        <p>
          There is no page {outcome.page}: the results end at page {outcome.pageCount}.{" "}
          <Link href={`/therapists?${toQueryString({ ...outcome.params, page: 1 })}`}>Back to the first page</Link>
        </p>
      ) : null}
      {outcome.results.length ? (
        <>
          <p className={styles.summary}>
            Page {outcome.page} of {outcome.pageCount}, sorted by {SORT_LABELS[outcome.sort].toLowerCase()}.{" "}
            <Link href="/guide">Before you book: what to check</Link>{" "}
            {onMap ? (
              <Link href={`/therapists?${toQueryString({ ...outcome.params, view: undefined })}`}>Hide the map</Link>
            ) : (
              <Link href={`/therapists?${toQueryString({ ...outcome.params, view: "map" })}`}>Show these results on a map</Link>
            )}
          </p>
          {onMap ? (
            <AreaMap
              title={`Map: ${title}, page ${outcome.page}.`}
              area={mapArea(outcome)}
              points={outcome.results.map((r, i) => ({
                number: first + i,
                label: `${r.displayName}${r.distanceMiles !== null ? `, ${formatDistance(r.distanceMiles)}` : ""}`,
                href: `${r.url}${query ? `?from=${encodeURIComponent(query)}` : ""}`,
                zip: r.zip,
              }))}
            />
          ) : null}
          <ol className={styles.results} start={first}>
            {outcome.results.map((r, i) => (
              <li key={r.slug}>
                <ResultCard result={r} searchQuery={query} searched={outcome.params.modality} number={onMap ? first + i : undefined} portrait={portrait(r.slug)} />
              </li>
            ))}
          </ol>
          <Pagination params={outcome.params} page={outcome.page} pageCount={outcome.pageCount} />
        </>
      ) : null}
    </section>
  );
}

/** The area a results map shows: the searched circle, the searched state, or just the results. */
function mapArea(outcome: Extract<SearchOutcome, { ok: true }>): MapArea {
  const l = outcome.location;
  if (l?.kind === "point") return { kind: "circle", latitude: l.latitude, longitude: l.longitude, radiusMiles: radiusOf(outcome.params) };
  if (l?.kind === "state") return { kind: "state", name: stateName(l.state) };
  return { kind: "points" };
}
