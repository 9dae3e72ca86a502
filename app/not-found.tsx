import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <div className="container stack">
      <section className="hero" aria-labelledby="not-found-heading">
        <h1 id="not-found-heading">Page not found</h1>
        <p className="lead">
          There is nothing at this address. The listing may have been unpublished, or the link may be mistyped.
        </p>
      </section>
      <nav aria-label="Where to go next">
        <ul>
          <li>
            <Link href="/therapists">Find a massage therapist</Link>
          </li>
          <li>
            <Link href="/guide">Before you book: what to check and ask</Link>
          </li>
          <li>
            <Link href="/modalities">Types of massage, explained</Link>
          </li>
          <li>
            <Link href="/">Home</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
