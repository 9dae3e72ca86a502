"use client";
// When even the site's frame (header, session) could not be drawn: the same plain message as
// app/error.tsx, on a page of its own (Next.js renders this in place of the root layout).
import Link from "next/link";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-US">
      <head>
        <title>Temporarily unavailable | Therapist Finder</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <main id="main" className="container stack">
          <h1>Therapist Finder is temporarily unavailable</h1>
          <p className="lead">
            The service may be busy or briefly unavailable. Nothing you entered has been lost: it is still in the address bar. Please try
            again in a moment.
          </p>
          <p>
            <button type="button" className="button-primary" onClick={() => reset()}>
              Try again
            </button>
          </p>
          <p>
            <Link href="/">Home</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
