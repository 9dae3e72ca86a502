"use client";

// Where keyboard focus goes when the results change without a full page load (a chip removed,
// another page, a suggestion, the form sent): to where the new results begin, so keyboard and
// screen reader users are not left on a link that no longer exists. A full page load (a shared
// link, the address typed) leaves focus alone, as browsers do.
import Link from "next/link";
import { useEffect, type ReactNode } from "react";

// Shared by the chips and the focus handler across one client-side navigation.
let removedChipIndex: number | null = null;
// The search (address without its #fragment) focus was last settled for.
let settledFor: string | null = null;

const withoutHash = (url: string) => url.split("#")[0] ?? url;

function isFirstPageLoad(url: string) {
  const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return !entry || withoutHash(entry.name) === url;
}

/** Rendered once by the results page; `search` changes with every new search. */
export function ResultsFocus({ search, targetId }: { search: string; targetId: string }) {
  useEffect(() => {
    const url = withoutHash(window.location.href);
    const first = settledFor === null;
    if (settledFor === url) return;
    settledFor = url;
    const chipIndex = removedChipIndex;
    removedChipIndex = null;
    if (first && isFirstPageLoad(url)) return;
    // After the router has finished its own scrolling for the navigation.
    requestAnimationFrame(() => {
      const chips = document.querySelectorAll<HTMLAnchorElement>("[data-filter-chip]");
      const target = chipIndex !== null && chips.length ? chips[Math.min(chipIndex, chips.length - 1)] : document.getElementById(targetId);
      target?.focus();
    });
  }, [search, targetId]);
  return null;
}

/** A filter chip: a plain link to the search without that filter, which remembers its place. */
export function FilterChip({ href, index, children }: { href: string; index: number; children: ReactNode }) {
  return (
    <Link href={href} data-filter-chip="" onClick={() => (removedChipIndex = index)}>
      {children}
    </Link>
  );
}
