import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Check your e-mail", robots: { index: false } };

export default function CheckEmailPage() {
  const outbox = env().devOutbox;
  return (
    <div className="container stack">
      <h1>Check your e-mail</h1>
      <p className="lead">We sent you a sign-in link. It works once, for one hour.</p>
      {outbox ? (
        <p className="notice">
          Demo mode: no e-mail is sent. Open the link from the <Link href="/dev/outbox">demo outbox</Link>.
        </p>
      ) : (
        <p>Nothing arrived after a few minutes? Look in your spam folder, or <Link href="/signin">ask for a new link</Link>.</p>
      )}
    </div>
  );
}
