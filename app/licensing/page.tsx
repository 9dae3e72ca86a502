import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listStates } from "@/db/queries/states";
import type { StateEntry } from "@/db/reference/state-licensing";
import {
  NOT_ESTABLISHED,
  credentialTitlesText,
  examsText,
  hoursText,
  missingLinkText,
} from "@/lib/licensing/state-facts";
import { REGULATION_LABELS, statePageHref } from "@/lib/licensing/vocabulary";
import { regulationSummary } from "@/lib/licensing/state-summary";
import { filterStates, parseTableParams, sortStates, tableHref, type SortKey, type TableParams } from "@/lib/licensing/state-table";
import styles from "./licensing.module.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Massage therapy licensing in every US state and DC",
  description:
    "Which states license massage therapists, the credential titles, minimum training hours and exams, and where to look up a licence: all 50 states and DC, with sources and review dates.",
  alternates: { canonical: "/licensing" },
};

const COLUMN_LABELS: Record<SortKey, string> = { state: "State", regulation: "Regulation", hours: "Minimum training hours" };
const DIRECTION_WORDS: Record<SortKey, { asc: string; desc: string }> = {
  state: { asc: "A to Z", desc: "Z to A" },
  regulation: { asc: "strictest first", desc: "no statewide licence first" },
  hours: { asc: "fewest first", desc: "most first" },
};

function SortableHeader({ column, params }: { column: SortKey; params: TableParams }) {
  const active = params.sort === column;
  const nextDir = active && params.dir === "asc" ? "desc" : "asc";
  const href = tableHref({ sort: column, dir: nextDir, noStatewide: params.noStatewide });
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href} className={styles.sortLink}>
        {COLUMN_LABELS[column]}
        <span className={styles.visuallyHidden}>, sort {DIRECTION_WORDS[column][nextDir]}</span>
      </Link>{" "}
      {active ? (
        <span className={styles.sortMark} aria-hidden="true">
          {params.dir === "asc" ? "\u25B2" : "\u25BC"}
        </span>
      ) : null}
    </th>
  );
}

function Gap({ text }: { text: string }) {
  return text === NOT_ESTABLISHED ? <span className={styles.gap}>{text}</span> : <>{text}</>;
}

function LookupCell({ state }: { state: StateEntry }) {
  if (state.lookupUrl) {
    return (
      <a href={state.lookupUrl} rel="noopener noreferrer">
        Look up a licence<span className={styles.visuallyHidden}> in {state.name}</span>
      </a>
    );
  }
  return <Gap text={missingLinkText(state, "lookupUrl")} />;
}

export default async function LicensingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseTableParams(await searchParams);
  const all = await listStates(await getDb());
  const rows = sortStates(filterStates(all, params.noStatewide), params.sort, params.dir);
  const noneCount = all.filter((s) => s.regulation === "none").length;
  const caption =
    `${params.noStatewide ? `States with no statewide massage licence (${rows.length} of ${all.length})` : `Massage therapy regulation in the 50 states and DC (${rows.length} entries)`}` +
    `, sorted by ${COLUMN_LABELS[params.sort].toLowerCase()}, ${DIRECTION_WORDS[params.sort][params.dir]}`;
  const lastReviewed = all.map((s) => s.lastReviewed).sort().at(-1);

  return (
    <div className="container stack">
      <header className="stack">
        <h1>Massage therapy licensing by state</h1>
        <p className="lead">
          Each US state sets its own rules for massage therapists. {regulationSummary(all)} Choose a state for who
          regulates, how to check a therapist&apos;s licence, and the sources we used.
        </p>
        <p>
          Where a fact could not be established from a source, the table says so: a gap is better than a wrong fact.
          {lastReviewed ? ` Entries last reviewed ${lastReviewed}.` : null} This is general information, not legal or
          medical advice.
        </p>
      </header>

      {params.invalid.length ? (
        <p className="notice" role="status">
          Some table options in the address were not recognised ({params.invalid.join(", ")}), so the defaults are shown.
        </p>
      ) : null}

      <nav aria-label="Filter states">
        <ul className={styles.filters}>
          <li>
            <Link href={tableHref({ ...params, noStatewide: false })} aria-current={params.noStatewide ? undefined : "page"}>
              All states and DC ({all.length})
            </Link>
          </li>
          <li>
            <Link href={tableHref({ ...params, noStatewide: true })} aria-current={params.noStatewide ? "page" : undefined}>
              No statewide licence ({noneCount})
            </Link>
          </li>
        </ul>
      </nav>

      <div className={styles.scroller} role="region" aria-labelledby="licensing-caption" tabIndex={0}>
        <table className={styles.table}>
          <caption id="licensing-caption">{caption}</caption>
          <thead>
            <tr>
              <SortableHeader column="state" params={params} />
              <SortableHeader column="regulation" params={params} />
              <th scope="col">Credential title(s)</th>
              <SortableHeader column="hours" params={params} />
              <th scope="col">Exam(s)</th>
              <th scope="col">Licence look-up</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.code}>
                <th scope="row">
                  <Link href={statePageHref(s.code)}>{s.name}</Link>
                </th>
                <td>{REGULATION_LABELS[s.regulation]}</td>
                <td>
                  <Gap text={credentialTitlesText(s)} />
                </td>
                <td>
                  <Gap text={hoursText(s)} />
                </td>
                <td>
                  <Gap text={examsText(s)} />
                </td>
                <td>
                  <LookupCell state={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
