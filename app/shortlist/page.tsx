import type { Metadata } from "next";
import { ShortlistList } from "@/components/shortlist/shortlist-list";

export const metadata: Metadata = { title: "Your shortlist", robots: { index: false } };

// The shortlist lives in this browser only (localStorage): this page draws it in the browser.
export default function ShortlistPage() {
  return (
    <div className="container stack">
      <h1>Your shortlist</h1>
      <p>
        Therapists you saved are kept in this browser only: not in a cookie, not on our server, and nobody else can see them. Clearing your
        browser&rsquo;s site data removes them. To keep or share a comparison, use its address: it lists the therapists compared.
      </p>
      <noscript>
        <p className="notice notice-warning">The shortlist needs JavaScript, because it is kept in your browser rather than on our server.</p>
      </noscript>
      <ShortlistList />
    </div>
  );
}
