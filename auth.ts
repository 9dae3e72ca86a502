// next-auth v5, configured lazily (see lib/auth/config.ts).
import NextAuth from "next-auth";
import { buildAuthConfig } from "@/lib/auth/config";

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildAuthConfig());
