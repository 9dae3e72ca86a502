"use client";
import { useActionState, useEffect, useRef } from "react";
import { requestSignInLink, type SignInState } from "./actions";
import styles from "./signin.module.css";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(requestSignInLink, { ok: null, values: { email: "" } });
  const summary = useRef<HTMLDivElement>(null);
  const error = state.fieldErrors?.email;
  useEffect(() => {
    if (state.ok === false) summary.current?.focus();
  }, [state]);
  return (
    <form action={action} className={`stack ${styles.form}`} noValidate>
      {state.ok === false && (
        <div ref={summary} tabIndex={-1} role="alert" className="notice notice-warning">
          {state.message ?? "Check the e-mail address below."}
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">E-mail address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values.email}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : undefined}
        />
        {error && (
          <p id="email-error" className={styles.error}>
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Sending…" : "Send me a sign-in link"}
      </button>
    </form>
  );
}
