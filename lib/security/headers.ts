// The security headers of every response. proxy.ts adds the CSP with a fresh nonce to pages;
// next.config.js adds the rest (and a strict CSP for API answers, which are never documents).

export type CspOptions = { nonce: string; dev: boolean; formActionOrigins?: string[] };

export function contentSecurityPolicy({ nonce, dev, formActionOrigins = [] }: CspOptions): string {
  return [
    "default-src 'self'",
    // No 'unsafe-inline' for scripts: Next.js's own inline scripts carry the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes need inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formActionOrigins.length ? ` ${formActionOrigins.join(" ")}` : ""}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Proof files (app/proofs/[id]): never run, framed or shown as a page. proxy.ts leaves it in place. */
export const PROOF_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
