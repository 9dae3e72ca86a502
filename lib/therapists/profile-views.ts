// Which profile renders count as a view on the owner's dashboard. Counted without cookies or
// anything about the visitor: one counter per listing and week goes up (db/queries/listing-counts.ts).
// Not counted: prefetches (Next.js's router prefetching a link, a browser's speculative
// prefetch or prerender), which no one has looked at, and requests whose User-Agent says it is
// a crawler or link previewer. So the figure is pages shown to people, roughly: a bot that
// claims to be a browser still counts, and a reload counts again.
const BOT_AGENT = /bot\b|bot\/|crawler|spider|slurp|facebookexternalhit|embedly|preview|curl\/|wget\/|python-requests|httpclient|go-http-client|node-fetch|axios\//i;

export function countsAsView(h: { get(name: string): string | null }, method = "GET"): boolean {
  if (method !== "GET") return false;
  if (h.get("next-router-prefetch") !== null) return false;
  const purpose = `${h.get("sec-purpose") ?? ""} ${h.get("purpose") ?? ""} ${h.get("x-purpose") ?? ""}`.toLowerCase();
  if (purpose.includes("prefetch") || purpose.includes("prerender")) return false;
  const agent = h.get("user-agent") ?? "";
  if (!agent || BOT_AGENT.test(agent)) return false;
  return true;
}
