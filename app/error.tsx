"use client";
// A page that failed on the server (most often: the database is busy or cannot be reached for a
// moment). Said plainly, with a way to try again; nothing technical is shown, and the address
// (with the search the visitor typed) is kept, so "Try again" repeats exactly what they asked for.
import Link from "next/link";
import { useEffect, useRef } from "react";

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen-reader and keyboard users land on the message, not on whatever had focus.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="container stack">
      <section className="hero" aria-labelledby="page-error-heading">
        <h1 id="page-error-heading" ref={heading} tabIndex={-1}>
          This page could not be loaded just now
        </h1>
        <p className="lead">
          The service may be busy or briefly unavailable. Nothing you entered has been lost: it is still in the address bar. Please try
          again in a moment.
        </p>
        <p>
          <button type="button" className="button-primary" onClick={() => reset()}>
            Try again
          </button>
        </p>
      </section>
      <nav aria-label="Where to go next">
        <ul>
          <li>
            <Link href="/guide">Before you book: what to check and ask</Link>
          </li>
          <li>
            <Link href="/">Home</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
