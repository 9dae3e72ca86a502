"use client";
// The shortlist page's list: read from this browser's storage, never sent anywhere; compare
// (up to four) opens a page whose address carries the choice, to keep or share.
import Link from "next/link";
import { useState } from "react";
import { compareHref, MAX_COMPARED } from "@/lib/shortlist/shortlist";
import { useShortlist, writeShortlist } from "./save-button";

export function ShortlistList() {
  const list = useShortlist();
  const [chosen, setChosen] = useState<string[] | null>(null);
  if (list === null) return <p>Reading your shortlist…</p>;
  if (!list.length)
    return (
      <p>
        Your shortlist is empty. Use &ldquo;Save&rdquo; on a therapist in the <Link href="/therapists">search results</Link> or on a profile.
      </p>
    );
  const picked = (chosen ?? list.map((t) => t.slug).slice(0, MAX_COMPARED)).filter((s) => list.some((t) => t.slug === s));
  const toggle = (slug: string) => setChosen(picked.includes(slug) ? picked.filter((s) => s !== slug) : [...picked, slug]);
  return (
    <div className="stack">
      <fieldset className="stack">
        <legend>Choose up to {MAX_COMPARED} to compare</legend>
        <ul className="shortlist">
          {list.map((t) => (
            <li key={t.slug}>
              <input
                id={`pick-${t.slug}`}
                type="checkbox"
                checked={picked.includes(t.slug)}
                disabled={!picked.includes(t.slug) && picked.length >= MAX_COMPARED}
                onChange={() => toggle(t.slug)}
              />{" "}
              <label htmlFor={`pick-${t.slug}`}>{t.name}</label> (<Link href={`/therapists/${t.slug}`}>profile</Link>){" "}
              <button type="button" onClick={() => writeShortlist(list.filter((x) => x.slug !== t.slug))}>
                Remove<span className="visually-hidden"> {t.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      {picked.length ? (
        <p>
          <Link className="button-primary" href={compareHref(picked)}>
            Compare {picked.length === 1 ? "1 therapist" : `${picked.length} therapists`}
          </Link>
        </p>
      ) : (
        <p>Tick at least one to compare.</p>
      )}
    </div>
  );
}
