"use client";
// "Print": the browser's own print dialog; the page's print styles leave out the site's header,
// footer and buttons. Without JavaScript the browser's menu prints the same.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function PrintButton({ label }: { label: string }) {
  // False on the server and during hydration, true once JavaScript runs.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!ready) return null;
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
