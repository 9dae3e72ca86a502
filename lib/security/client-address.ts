// The client's address, for rate limits. X-Forwarded-For is text the client may write itself,
// so it counts only as far as TRUST_PROXY_HOPS says proxies of ours added to it; with no proxy
// (0, the default) the client is the TCP peer, which the server start-up hook
// (lib/security/peer-address-hook.mjs) records in PEER_ADDRESS_HEADER, overwriting any copy
// the client sent. See docs/decisions/0006-site-address-and-proxies.md.

export const PEER_ADDRESS_HEADER = "x-therapist-finder-peer";
/** Set on globalThis by the hook: only then is PEER_ADDRESS_HEADER the server's own word. */
export const PEER_HOOK_MARK = Symbol.for("therapist-finder.peer-address-hook");

type HeaderSource = { get(name: string): string | null };

const clean = (v: string | undefined) => {
  const s = v?.trim().replace(/^::ffff:/, "");
  return s && /^[0-9a-f.:[\]]{2,45}$/i.test(s) ? s.toLowerCase() : undefined;
};

/**
 * The address of whoever is asking. With `trustProxyHops` N > 0, X-Forwarded-For's entries
 * are "client-supplied..., what our outermost proxy saw, ..., what our nearest proxy saw": the
 * client is the Nth entry from the right; anything further left is the client's own text.
 */
export function clientAddress(
  headers: HeaderSource,
  options: { trustProxyHops: number; peerHookInstalled?: boolean },
): string {
  const hooked = options.peerHookInstalled ?? peerHookInstalled();
  const peer = hooked ? clean(headers.get(PEER_ADDRESS_HEADER) ?? undefined) : undefined;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (options.trustProxyHops > 0) {
    const index = forwarded.length - options.trustProxyHops;
    // Fewer entries than proxies: a request that did not come through all of them.
    return clean(forwarded[Math.max(index, 0)]) ?? peer ?? "unknown";
  }
  if (peer) return peer;
  // Started without the hook (next dev, or a server started some other way): `next start`
  // sets X-Forwarded-For to the peer only when the client sent none, so this is a best guess.
  warnOnce();
  return clean(forwarded.at(-1)) ?? "unknown";
}

function peerHookInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[PEER_HOOK_MARK] === true;
}

let warned = false;
function warnOnce() {
  if (warned) return;
  warned = true;
  console.warn(
    "[rate-limit] the server was started without lib/security/peer-address-hook.mjs (`npm start` loads it): " +
      "with TRUST_PROXY_HOPS=0 the client's address is then only a best guess from X-Forwarded-For.",
  );
}
