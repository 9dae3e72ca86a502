import Link from "next/link";

export function SiteHeader() {
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
          </ul>
        </nav>
      </div>
    </header>
  );
}
