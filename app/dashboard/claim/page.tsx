import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { findUnclaimedListings } from "@/db/queries/claims";
import { requireUser } from "@/lib/auth/session";
import styles from "../dashboard.module.css";
import { noControlChars } from "@/lib/validation/therapist-profile";

export const metadata: Metadata = { title: "Claim a listing", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClaimPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard/claim");
  const q = (await searchParams).q;
  const query = typeof q === "string" && noControlChars(q) ? q.slice(0, 100) : "";
  const results = query ? await findUnclaimedListings(await getDb(), { query }) : [];
  return (
    <div className="container stack">
      <p>
        <Link href="/dashboard">Back to your dashboard</Link>
      </p>
      <h1>Claim an existing listing</h1>
      <p>
        If your practice is already listed, claim it. When your account&apos;s e-mail ({user.email}) is the listing&apos;s public
        e-mail, it becomes yours at once. Otherwise you show that it is yours: with a link we send to the listing&apos;s public
        e-mail, with a licence number shown on the listing (an administrator checks it with the state board), or with a note for
        the administrator. Fictional demo listings cannot be claimed.
      </p>
      <form role="search" aria-label="Find your listing" className={styles.actions}>
        <div className="field">
          <label htmlFor="claim-q">Your name or practice name</label>
          <input id="claim-q" name="q" type="search" defaultValue={query} />
        </div>
        <button type="submit">Search</button>
      </form>
      {query && (
        <section aria-labelledby="claim-results" className="stack">
          <h2 id="claim-results">Listings without an owner matching “{query}”</h2>
          {results.length === 0 ? (
            <p>None found.</p>
          ) : (
            <ul className={styles.list}>
              {results.map((r) => (
                <li key={r.id} className={styles.actions}>
                  <span>
                    <strong>{r.displayName}</strong>
                    {r.practiceName ? `, ${r.practiceName}` : ""}, {r.city}, {r.state}
                  </span>
                  {r.isDemo ? (
                    <span>Fictional demo listing: it cannot be claimed.</span>
                  ) : (
                    <Link href={`/dashboard/claim/${r.id}`}>Claim {r.displayName}</Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
