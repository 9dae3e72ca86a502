import Link from "next/link";
import { toQueryString, type SearchParams } from "@/lib/search/params";
import styles from "./search.module.css";

export function Pagination({ params, page, pageCount }: { params: SearchParams; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/therapists?${toQueryString({ ...params, page: p })}`;
  const first = Math.max(1, Math.min(page - 2, pageCount - 4));
  const pages = Array.from({ length: Math.min(5, pageCount) }, (_, i) => first + i);
  return (
    // The target of "Skip to pagination": focusable by script and by link, not by Tab.
    <nav id="result-pages" tabIndex={-1} aria-label="Result pages" className={styles.pagination}>
      <ul>
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev">
              Previous<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className={styles.current}>
                <span className="visually-hidden">Page </span>
                {p}
              </span>
            ) : (
              <Link href={href(p)}>
                <span className="visually-hidden">Page </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next">
              Next<span className="visually-hidden"> page</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
