"use client";
// "Save" on a result card or a profile: adds the therapist to the shortlist kept in this
// browser only (lib/shortlist/shortlist.ts). Rendered only once JavaScript runs: without it
// there is no shortlist, and no button that would do nothing.
import Link from "next/link";
import { useEffect, useState } from "react";
import { MAX_SAVED, parseSaved, SHORTLIST_EVENT, SHORTLIST_KEY, type SavedTherapist } from "@/lib/shortlist/shortlist";

function read(): SavedTherapist[] {
  try {
    return parseSaved(window.localStorage.getItem(SHORTLIST_KEY));
  } catch {
    return [];
  }
}

export function writeShortlist(list: SavedTherapist[]) {
  window.localStorage.setItem(SHORTLIST_KEY, JSON.stringify(list.slice(0, MAX_SAVED)));
  window.dispatchEvent(new Event(SHORTLIST_EVENT));
}

export function useShortlist(): SavedTherapist[] | null {
  const [list, setList] = useState<SavedTherapist[] | null>(null);
  useEffect(() => {
    const update = () => setList(read());
    update();
    window.addEventListener(SHORTLIST_EVENT, update);
    window.addEventListener("storage", update);
    return () => {
      window.removeEventListener(SHORTLIST_EVENT, update);
      window.removeEventListener("storage", update);
    };
  }, []);
  return list;
}

export function SaveButton({ slug, name, className, showLink = true }: { slug: string; name: string; className?: string; showLink?: boolean }) {
  const list = useShortlist();
  if (list === null) return null;
  const saved = list.some((t) => t.slug === slug);
  const full = !saved && list.length >= MAX_SAVED;
  const toggle = () => writeShortlist(saved ? list.filter((t) => t.slug !== slug) : [...list, { slug, name }]);
  return (
    <span className={className}>
      <button type="button" aria-pressed={saved} disabled={full} onClick={toggle} title={full ? `Your shortlist holds ${MAX_SAVED}` : undefined}>
        {saved ? "Saved" : "Save"}
        <span className="visually-hidden"> {name} to your shortlist</span>
      </button>
      {showLink && list.length ? (
        <>
          {" "}
          <Link href="/shortlist">Shortlist ({list.length})</Link>
        </>
      ) : null}
    </span>
  );
}
