import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { getDb } from "@/db/client";
import { countPublishedTherapistsInState, getState, listStates } from "@/db/queries/states";
import { PRIMARY_SOURCE_KINDS, isReviewStale, stateChanges, type StateEntry, type StateSource } from "@/db/reference/state-licensing";
import {
  CONFIDENCE_LABELS,
  NOT_ESTABLISHED,
  continuingEducationText,
  credentialTitlesText,
  examsText,
  hoursText,
  localLicensingText,
  missingLinkText,
  stateSlug,
  verificationChecklist,
} from "@/lib/licensing/state-facts";
import { REGULATION_LABELS, statePageHref, stateTherapistsHref } from "@/lib/licensing/vocabulary";
import styles from "./state.module.css";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ state: string }> };

// generateMetadata and the page share one look-up per request.
const loadState = cache(async (param: string) => getState(await getDb(), { code: param }));

/** A full state name in the address ("kansas", "new-york") goes to the code's page; undefined when none matches. */
async function codeForName(param: string): Promise<string | undefined> {
  // The segment arrives percent-encoded ("new%20york"); a malformed escape simply matches nothing.
  let decoded = param;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    decoded = "";
  }
  const slug = stateSlug(decoded);
  if (!slug) return undefined;
  const states = await listStates(await getDb());
  return states.find((s) => stateSlug(s.name) === slug)?.code;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { state: param } = await params;
  const state = param.length === 2 ? await loadState(param) : undefined;
  if (!state) return { title: "State not found", robots: { index: false } };
  return {
    title: `Massage therapy licensing in ${state.name}`,
    description: `${REGULATION_LABELS[state.regulation]} in ${state.name}: who regulates massage therapists, training and exam requirements, and how to check a therapist's licence. Sources listed; reviewed ${state.lastReviewed}.`,
    alternates: { canonical: statePageHref(state.code) },
  };
}

function Gap({ text }: { text: string }) {
  return text === NOT_ESTABLISHED ? <span className={styles.gap}>{text}</span> : <>{text}</>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function External({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} rel="noopener noreferrer">
      {children}
    </a>
  );
}

function Facts({ state }: { state: StateEntry }) {
  return (
    <dl className={styles.facts}>
      <Fact term="Regulation">{REGULATION_LABELS[state.regulation]}</Fact>
      <Fact term="Who regulates">
        {state.board ? <External href={state.board.url}>{state.board.name}</External> : <Gap text={missingLinkText(state, "board")} />}
      </Fact>
      <Fact term="Credential title(s)">
        <Gap text={credentialTitlesText(state)} />
      </Fact>
      <Fact term="Online licence look-up">
        {state.lookupUrl ? (
          <External href={state.lookupUrl}>Look up a licence in {state.name}</External>
        ) : (
          <Gap text={missingLinkText(state, "lookupUrl")} />
        )}
      </Fact>
      <Fact term="Minimum training hours">
        <Gap text={hoursText(state)} />
      </Fact>
      <Fact term="Exam(s)">
        <Gap text={examsText(state)} />
      </Fact>
      <Fact term="Continuing education">
        <Gap text={continuingEducationText(state)} />
      </Fact>
      <Fact term="Local licensing">{localLicensingText(state)}</Fact>
    </dl>
  );
}

export default async function StatePage({ params }: Props) {
  const { state: param } = await params;
  if (param.length !== 2) {
    const code = await codeForName(param);
    if (code) permanentRedirect(statePageHref(code));
    notFound();
  }
  const state = await loadState(param);
  if (!state) notFound();
  const count = await countPublishedTherapistsInState(await getDb(), { code: state.code });
  const checklist = verificationChecklist(state);
  const changes = stateChanges(state.code);
  const stale = isReviewStale(state.lastReviewed);

  return (
    <div className="container stack">
      <nav aria-label="Breadcrumb">
        <Link href="/licensing">All states and DC</Link>
      </nav>
      <header className="stack">
        <h1>Massage therapy licensing in {state.name}</h1>
        <p className="lead">{REGULATION_LABELS[state.regulation]}.</p>
        <p>{state.patientNote}</p>
      </header>

      <section aria-labelledby="rules-heading" className="stack">
        <h2 id="rules-heading">The rules</h2>
        <Facts state={state} />
      </section>

      <section aria-labelledby="verify-heading" className="stack">
        <h2 id="verify-heading">How to verify a therapist here</h2>
        <ol className={styles.checklist}>
          {checklist.map((item) => (
            <li key={item.text}>
              {item.text}
              {item.link ? (
                <>
                  {" "}
                  <External href={item.link.href}>{item.link.label}</External>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="search-heading" className="stack">
        <h2 id="search-heading">Therapists in {state.name}</h2>
        <p>
          <Link className={styles.search} href={stateTherapistsHref(state.code)}>
            Search therapists in {state.name} ({count.toLocaleString("en-US")} listed)
          </Link>
        </p>
      </section>

      <section aria-labelledby="changes-heading" className="stack">
        <h2 id="changes-heading">What changed and when</h2>
        <ol className={styles.changes} reversed>
          {[...changes].reverse().map((c) => (
            <li key={`${c.date} ${c.change}`}>
              <time dateTime={c.date}>{c.date}</time>: {c.change}
              {c.sourceUrl ? (
                <>
                  {" "}
                  <External href={c.sourceUrl}>Source</External>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="sources-heading" className="stack">
        <h2 id="sources-heading">Sources and review</h2>
        <p>
          Last reviewed: <time dateTime={state.lastReviewed}>{state.lastReviewed}</time>. Confidence:{" "}
          {CONFIDENCE_LABELS[state.confidence]}.
        </p>
        {stale ? (
          <p className="notice" role="note">
            Last reviewed over a year ago: the rules may have changed since. Check with the regulator before relying on this
            page.
          </p>
        ) : null}
        {state.unknown.length ? (
          <p className={styles.meta}>
            Not established from a source, so left blank rather than guessed: {state.unknown.map(fieldName).join(", ")}.
          </p>
        ) : null}
        <ul className={styles.sources}>
          {state.sources.map((s) => (
            <li key={s.url}>
              <External href={s.url}>{s.title}</External>{" "}
              <span className={styles.meta}>
                ({sourceKindText(s)}
                {s.year ? `, ${s.year}` : ""})
              </span>
            </li>
          ))}
        </ul>
        <p className={styles.meta}>
          Rules change: check with the regulator before relying on any of this. This is general information, not legal or
          medical advice.
        </p>
      </section>
    </div>
  );
}

const FIELD_NAMES: Record<string, string> = {
  minTrainingHours: "minimum training hours",
  exams: "exams",
  continuingEducation: "continuing education",
  board: "the regulator's name and website",
  lookupUrl: "the online licence look-up",
};
const fieldName = (f: string) => FIELD_NAMES[f] ?? f;

const SOURCE_KIND_NAMES: Record<StateSource["kind"], string> = {
  statute: "statute",
  code: "administrative code",
  board: "regulator's page",
  association: "professional association",
  fsmtb: "Federation of State Massage Therapy Boards",
  other: "other secondary source",
};
const sourceKindText = (s: StateSource) =>
  `${PRIMARY_SOURCE_KINDS.includes(s.kind) ? "primary" : "secondary"}: ${SOURCE_KIND_NAMES[s.kind]}`;
