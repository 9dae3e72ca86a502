// @ts-check
// Headers on every response (pages get their Content-Security-Policy, with a per-request
// nonce, from proxy.ts; API answers and files get a strict one here).
const production = process.env.NODE_ENV === "production";
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that the bundler must not touch.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // proxy.ts redirects a page opened at another host to SITE_URL (the demo's 127.0.0.1 ->
  // localhost). Without this, Next.js rewrites a redirect whose host equals its own into a
  // relative one, which the browser resolves against 127.0.0.1 again: a loop.
  skipProxyUrlNormalize: true,
  experimental: {
    // Several build workers on 2 cores failed intermittently here; one is enough.
    cpus: 1,
  },
  async headers() {
    return [
      { source: "/:path*", headers: common },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      },
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
