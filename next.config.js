// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that the bundler must not touch.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  experimental: {
    // Several build workers on 2 cores failed intermittently here; one is enough.
    cpus: 1,
  },
};

export default nextConfig;
