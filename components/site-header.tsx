import { cookies } from "next/headers";
import Link from "next/link";
import { sessionCookieName } from "@/lib/auth/config";

export async function SiteHeader() {
  // Only whether a session cookie is present (no database read): anonymous visitors get no
  // cookie, and a stale one just leads to the sign-in page. Reading cookies also renders every
  // page per request, which the CSP nonce needs.
  const signedIn = (await cookies()).has(sessionCookieName());
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link href="/" className="brand">
          Therapist Finder
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href="/therapists">Find a therapist</Link>
            </li>
            <li>
              <Link href="/licensing">State licensing</Link>
            </li>
            <li>
              <Link href="/guide">Before you book</Link>
            </li>
            <li>
              <Link href={signedIn ? "/dashboard" : "/signin"} prefetch={false}>
                {signedIn ? "Dashboard" : "For therapists: sign in"}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
