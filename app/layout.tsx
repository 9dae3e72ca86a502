import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { connection } from "next/server";
import { siteOrigin } from "@/lib/seo/site-origin";
import "./globals.css";

// metadataBase makes every page's relative canonical and Open Graph addresses absolute.
export async function generateMetadata(): Promise<Metadata> {
  // Rendered per request (as before): the site address is a runtime setting, not a build-time one.
  await connection();
  return { ...siteMetadata, metadataBase: new URL(siteOrigin()) };
}

const siteMetadata: Metadata = {
  title: { default: "Therapist Finder: massage therapists for sciatica", template: "%s | Therapist Finder" },
  description:
    "Find a massage therapist near you for sciatica: search by modality and location, check licences against each state's rules, and see which selection criteria each therapist meets.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f5257" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-US">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
