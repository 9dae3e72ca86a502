import type { Metadata } from "next";
import Link from "next/link";
import { confirmationDue } from "@/lib/therapists/confirmation";
import { getDb } from "@/db/client";
import { listOwnClaims } from "@/db/queries/claims";
import { listOwnListings } from "@/db/queries/listings";
import { requireUser } from "@/lib/auth/session";
import { signOutAction, signOutEverywhereAction } from "./actions";
import styles from "./dashboard.module.css";

export const metadata: Metadata = { title: "Your dashboard", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const db = await getDb();
  const [listings, claims] = await Promise.all([listOwnListings(db, { userId: user.id }), listOwnClaims(db, { userId: user.id })]);
  return (
    <div className="container stack">
      <h1>Your dashboard</h1>
      <p>
        Signed in as <strong>{user.email}</strong>
        {user.isAdmin && (
          <>
            {" "}
            (administrator: <Link href="/admin">open the administration page</Link>)
          </>
        )}
        .
      </p>
      {params.claim === "approved" && <p role="status" className="notice">Your claim was approved: the listing is now yours to edit.</p>}
      {params.claim === "pending" && <p role="status" className="notice">Your claim was sent. An administrator will check it.</p>}
      {params.claim === "email" && (
        <p role="status" className="notice">
          We sent a link to the listing&apos;s public e-mail. Open it while signed in here to confirm your claim; it works for 48 hours.
        </p>
      )}
      {typeof params.claim === "string" && params.claim.startsWith("link_") && (
        <p role="alert" className="notice notice-warning">
          {params.claim === "link_expired"
            ? "That claim link has expired. Claim the listing again to get a new one."
            : params.claim === "link_already_owned"
              ? "That listing already has an owner or is no longer published."
              : "That claim link is not valid for this account. Open it while signed in with the account that asked to claim the listing."}
        </p>
      )}

      <section aria-labelledby="listings-heading" className="stack">
        <h2 id="listings-heading">Your listings</h2>
        {listings.length === 0 ? (
          <p>You have no listing yet.</p>
        ) : (
          <ul className={styles.list}>
            {listings.map((l) => (
              <li key={l.id}>
                <p>
                  <strong>{l.displayName}</strong>, {l.city}, {l.state} <span className={styles.badge}>{l.published ? "Published" : "Not published"}</span>
                </p>
                {l.lockedAt ? (
                  <p className="notice notice-warning">
                    Locked by an administrator{l.moderationNote ? `: ${l.moderationNote}` : ""}. It cannot be published until the lock is lifted.{" "}
                    {l.reviewRequestedAt
                      ? `You asked for a review on ${l.reviewRequestedAt.toISOString().slice(0, 10)}; it is waiting for an administrator.`
                      : "You have not asked for a review yet."}
                  </p>
                ) : (
                  l.moderationNote && <p className="notice notice-warning">Unpublished by an administrator: {l.moderationNote}</p>
                )}
                {l.published && confirmationDue(l.confirmedCurrentAt) && (
                  <p className="notice">
                    {l.confirmedCurrentAt ? "Not confirmed as current for over a year" : "Not yet confirmed as current"}: patients see this on the
                    profile. <Link href={`/dashboard/listings/${l.id}#confirm-heading`}>Check and confirm {l.displayName}</Link>
                  </p>
                )}
                {l.textReviewRequestedAt && <p>Your latest text changes are live and wait for an administrator&apos;s review.</p>}
                <p className={styles.actions}>
                  <Link href={`/dashboard/listings/${l.id}/edit`}>Edit {l.displayName}</Link>
                  <Link href={`/dashboard/listings/${l.id}`}>Preview and publish</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className={styles.actions}>
          <Link className="button-primary" href="/dashboard/new">
            Create a new listing
          </Link>
          <Link href="/dashboard/claim">Claim an existing listing</Link>
        </p>
      </section>

      {claims.length > 0 && (
        <section aria-labelledby="claims-heading" className="stack">
          <h2 id="claims-heading">Your claims</h2>
          <ul>
            {claims.map((c) => (
              <li key={c.id}>
                {c.displayName}, {c.city}, {c.state}: {c.status === "pending" ? "waiting for an administrator" : c.status}
                {c.decisionNote ? ` (${c.decisionNote})` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="account-heading" className="stack">
        <h2 id="account-heading">Account</h2>
        <div className={styles.actions}>
          <form action={signOutAction}>
            <button type="submit">Sign out</button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit">Sign out everywhere</button>
          </form>
        </div>
      </section>
    </div>
  );
}
