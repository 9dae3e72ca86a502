import "server-only";
// Who is asking: every server action, route and page that reads or writes account data goes
// through these (a proxy redirect is never the only check).
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { checkActionArgs } from "@/lib/actions/raw-input";
import { isAdminEmail } from "./config";

export type SessionUser = { id: string; email: string; role: "therapist" | "admin"; isAdmin: boolean };

export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const u = session?.user as { id?: string; email?: string | null; role?: string } | undefined;
  if (!u?.id || !u.email) return null;
  const isAdmin = u.role === "admin" || isAdminEmail(u.email);
  return { id: u.id, email: u.email, role: isAdmin ? "admin" : "therapist", isAdmin };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(returnTo = "/dashboard"): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: an administrator, else the page does not exist. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser("/admin");
  if (!user.isAdmin) notFound();
  return user;
}

/**
 * Wraps a server action: runs it only for a signed-in user, and only with the arguments a form
 * sends (`(form)` or `(previousState, form)`, bounded well-formed text; lib/actions/raw-input.ts).
 * Anything else gets the previous state back with a message, or a 404 for a plain form action.
 */
export function withUser<A extends unknown[], R>(fn: (user: SessionUser, ...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    const user = await getCurrentUser();
    if (!user) redirect("/signin");
    const raw = checkActionArgs(args);
    if (!raw.ok) {
      if (raw.prev && "values" in raw.prev) return { ...raw.prev, ok: false, message: `${raw.message} Reload the page and try again.` } as R;
      notFound();
    }
    return fn(user, ...args);
  };
}

/** Wraps a server action: runs it only for an administrator (others get not-found). */
export function withAdmin<A extends unknown[], R>(fn: (user: SessionUser, ...args: A) => Promise<R>) {
  return withUser<A, R>(async (user, ...args) => {
    if (!user.isAdmin) notFound();
    return fn(user, ...args);
  });
}
