import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listOutboxMessages } from "@/db/queries/accounts";
import { countStoredContactMessages } from "@/db/queries/contact-messages";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Demo outbox", robots: { index: false } };

// Exists only in the demo outbox mode (no SMTP configured): a 404 everywhere else.
export default async function OutboxPage() {
  if (!env().devOutbox) notFound();
  const db = await getDb();
  const messages = await listOutboxMessages(db, { limit: 50 });
  const waiting = await countStoredContactMessages(db);
  return (
    <div className="container stack">
      <h1>Demo outbox</h1>
      <p className="notice notice-warning">
        Demo mode: this server has no e-mail (SMTP) configured, so sign-in links and notices are shown here and in the server log
        instead of being sent. Anyone who can open this page can sign in as anyone: never run a real site this way.
      </p>
      <p>
        Patients&rsquo; messages stored on this server, waiting for delivery: <strong data-testid="contact-waiting">{waiting}</strong> (a message is
        deleted as soon as it is delivered, and after 7 days at most).
      </p>
      {messages.length === 0 ? (
        <p>No e-mails yet.</p>
      ) : (
        <ul className="stack">
          {messages.map((m) => (
            <li key={m.id}>
              {m.subject.startsWith("Sign in to") ? (
                <a href={m.url}>Sign-in link for {m.to}</a>
              ) : (
                <>
                  <a href={m.url}>{m.subject}</a> (to {m.to})
                </>
              )}{" "}
              (sent at {m.createdAt.toISOString().slice(11, 19)} UTC)
              {m.replyTo ? <p>Reply-To: {m.replyTo}</p> : null}
              {m.body ? <pre className="outbox-body">{m.body}</pre> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
