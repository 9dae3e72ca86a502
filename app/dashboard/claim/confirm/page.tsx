import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { confirmClaimAction } from "../../actions";

export const metadata: Metadata = { title: "Confirm your claim", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The link in the e-mail sent to a listing's public address opens this page. Confirming is a
// button, not the visit itself: mail scanners that open links change nothing.
export default async function ConfirmClaimPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : "";
  const user = await requireUser(`/dashboard/claim/confirm?token=${encodeURIComponent(token)}`);
  return (
    <div className="container stack">
      <h1>Confirm your claim</h1>
      {token ? (
        <form action={confirmClaimAction} className="stack">
          <p>You are signed in as {user.email}. Confirm that the listing whose public e-mail received this link is yours.</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button-primary">
            Confirm: this listing is mine
          </button>
        </form>
      ) : (
        <p role="alert" className="notice notice-warning">
          This link is not complete. Open it again from the e-mail, or claim the listing again from your dashboard.
        </p>
      )}
    </div>
  );
}
