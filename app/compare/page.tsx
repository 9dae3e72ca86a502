import type { Metadata } from "next";
import Link from "next/link";
import { LicenseNotes } from "@/components/therapist/license-note";
import { PrintButton } from "@/components/shortlist/print-button";
import { getDb } from "@/db/client";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { countMet } from "@/lib/criteria";
import { absoluteUrl, siteOrigin } from "@/lib/seo/site-origin";
import { compareHref, MAX_COMPARED, parseCompareParam } from "@/lib/shortlist/shortlist";
import { toPublicProfile, type PublicProfile } from "@/lib/therapists/public-profile";
import { questionsToAsk } from "@/lib/therapists/questions-to-ask";
import { formatAccepting, formatPrice, formatSetting, formatYesNo, SCIATICA_LABELS } from "@/lib/therapists/vocabulary";

export const metadata: Metadata = { title: "Compare therapists", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_WORDS = { met: "Met", claimed: "Claimed, not yet checked", not_met: "Not met", not_applicable: "Not applicable" } as const;

type Row = { label: string; cell: (p: PublicProfile) => React.ReactNode };

const ROWS: Row[] = [
  { label: "Where", cell: (p) => `${p.location.city}, ${p.location.state} ${p.location.zip}; ${formatSetting(p.location)}` },
  { label: "New clients", cell: (p) => formatAccepting(p.acceptingNewClients) },
  { label: "Price", cell: (p) => formatPrice(p.price) ?? "Not stated" },
  {
    label: "Insurance",
    cell: (p) =>
      `${p.insurance.acceptsInsurance ? `Accepts insurance${p.insurance.plans.length ? ` (${p.insurance.plans.join(", ")})` : ""}` : "Does not accept insurance"}; superbills: ${formatYesNo(p.insurance.offersSuperbills)}; HSA/FSA: ${formatYesNo(p.insurance.acceptsHsaFsa)}`,
  },
  { label: "Physician referrals", cell: (p) => (p.acceptsPhysicianReferrals ? "Welcome" : "Not stated") },
  { label: "Licence", cell: (p) => <LicenseNotes notes={p.licenseNotes} compact /> },
  { label: "Other credentials", cell: (p) => (p.credentials.length ? p.credentials.map((c) => c.text).join("; ") : "None listed") },
  {
    label: "Selection criteria",
    cell: (p) => (
      <>
        <p>Meets {countMet(p.criteria)} of 6</p>
        <ul>
          {p.criteria.map((c) => (
            <li key={c.key}>
              {STATUS_WORDS[c.status]}: {c.title}
            </li>
          ))}
        </ul>
      </>
    ),
  },
  { label: "Types of massage", cell: (p) => p.modalities.map((m) => m.name).join(", ") || "None listed" },
  { label: "Sciatica", cell: (p) => SCIATICA_LABELS[p.sciatica.experience] },
  { label: "Languages", cell: (p) => p.languages.join(", ") || "Not stated" },
  {
    label: "Access",
    cell: (p) => `${p.accessibility.wheelchairAccessible ? "Wheelchair accessible" : "Not stated as wheelchair accessible"}${p.accessibility.notes ? `. ${p.accessibility.notes}` : ""}`,
  },
];

export default async function ComparePage({ searchParams }: Props) {
  const request = parseCompareParam((await searchParams).t);
  const db = await getDb();
  const rows = await Promise.all(request.slugs.map(async (slug) => ({ slug, row: await getPublishedTherapistBySlug(db, { slug }) })));
  const shown = rows.flatMap((r) => (r.row ? [toPublicProfile(r.row)] : []));
  const missing = rows.filter((r) => !r.row).map((r) => r.slug);
  const url = absoluteUrl(siteOrigin(), compareHref(shown.map((p) => p.slug)));
  return (
    <div className="container stack compare">
      <h1>Compare therapists</h1>
      {missing.length || request.malformed.length || request.beyond.length ? (
        <div className="notice notice-warning" role="status">
          <p>Some entries in this link could not be shown:</p>
          <ul>
            {missing.map((s) => (
              <li key={`m-${s}`}>&ldquo;{s}&rdquo;: no published listing has this address (it may have been unpublished or removed).</li>
            ))}
            {request.malformed.map((s, i) => (
              <li key={`x-${i}`}>&ldquo;{s}&rdquo;: not a listing&rsquo;s address.</li>
            ))}
            {request.beyond.map((s) => (
              <li key={`b-${s}`}>&ldquo;{s}&rdquo;: a comparison shows at most {MAX_COMPARED}.</li>
            ))}
          </ul>
        </div>
      ) : null}
      {shown.length === 0 ? (
        <p>
          Nothing to compare. Save therapists from the <Link href="/therapists">search results</Link>, then compare them from{" "}
          <Link href="/shortlist">your shortlist</Link>.
        </p>
      ) : (
        <>
          <p>
            Side by side, from what each listing states and what was checked. This page&rsquo;s address lists the therapists compared: keep it,
            or share it (nothing else about you is in it). <Link href="/shortlist" className="no-print">Your shortlist</Link>
          </p>
          <div className="field no-print">
            <label htmlFor="compare-link">Link to this comparison</label>
            <input id="compare-link" type="text" readOnly value={url} />
          </div>
          <p className="no-print">
            <PrintButton label="Print this comparison with the questions to ask" />
          </p>
          <div className="compare-scroll" role="region" aria-labelledby="compare-caption" tabIndex={0}>
            <table className="compare-table">
              <caption id="compare-caption">{shown.map((p) => p.displayName).join(", ")}: side by side</caption>
              <thead>
                <tr>
                  <td />
                  {shown.map((p) => (
                    <th key={p.slug} scope="col">
                      <Link href={`/therapists/${p.slug}`}>{p.displayName}</Link>
                      {p.isDemo ? <span className="compare-demo"> (demo, fictional)</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ROWS.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    {shown.map((p) => (
                      <td key={p.slug}>{r.cell(p)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section aria-labelledby="compare-questions" className="stack">
            <h2 id="compare-questions">Questions to ask</h2>
            <p>What each listing leaves unknown, claims without a check, or does not meet: worth asking before you book.</p>
            {shown.map((p) => (
              <section key={p.slug} aria-labelledby={`q-${p.slug}`} className="compare-questions">
                <h3 id={`q-${p.slug}`}>{p.displayName}</h3>
                <ol>
                  {questionsToAsk(p).map((q) => (
                    <li key={q.key}>
                      {q.text} <span className="hint">({q.why})</span>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
