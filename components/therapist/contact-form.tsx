"use client";
// A patient's message to a therapist, on the profile. Works without JavaScript (a plain form
// post to the server action; the page comes back with the answer) and with it (the answer
// replaces the form in place and takes the focus). Nothing is stored in the browser, no cookie
// is set, and nothing is loaded from another site: no CAPTCHA (the action checks a hidden field
// and a signed fill-time instead).
import { useActionState, useEffect, useRef } from "react";
import { sendMessage, type ContactState } from "@/app/therapists/[slug]/actions";
import { CONTACT_FIELDS, CONTACT_LABELS, CONTACT_WORDING, type ContactValues } from "@/lib/contact/message-input";
import { MESSAGE_ANCHOR } from "@/lib/therapists/contact-links";
import styles from "./therapist.module.css";

type Field = keyof typeof CONTACT_LABELS;

export function ContactForm({ slug, name, issued }: { slug: string; name: string; issued: string }) {
  const empty = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, ""])) as ContactValues;
  const [state, action, pending] = useActionState<ContactState, FormData>(sendMessage, { ok: null, values: { ...empty, slug, issued } });
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok !== null) answer.current?.focus();
  }, [state]);
  const errors = state.fieldErrors ?? {};
  const problems = (Object.keys(CONTACT_LABELS) as Field[]).filter((f) => errors[f]);
  const id = (f: string) => `contact-${f}`;
  const described = (f: Field, hint?: boolean) => [hint ? `${id(f)}-hint` : "", errors[f] ? `${id(f)}-error` : ""].filter(Boolean).join(" ") || undefined;
  const errorText = (f: Field) =>
    errors[f] ? (
      <p id={`${id(f)}-error`} className="field-error">
        {errors[f]}
      </p>
    ) : null;
  const input = (f: Field, props: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <div className="field">
      <label htmlFor={id(f)}>{CONTACT_LABELS[f]}</label>
      <input
        id={id(f)}
        name={f}
        defaultValue={state.values[f]}
        aria-invalid={errors[f] ? true : undefined}
        aria-describedby={described(f, !!hint)}
        {...props}
      />
      {hint ? (
        <p id={`${id(f)}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errorText(f)}
    </div>
  );
  return (
    <details className={styles.message} id={MESSAGE_ANCHOR} open={state.ok !== null ? true : undefined}>
      <summary>Send {name} a message through this site</summary>
      {state.ok ? (
        <div ref={answer} tabIndex={-1} role="status" className="notice">
          {state.message}
        </div>
      ) : (
        <form action={action} className="stack" noValidate aria-label={`Message to ${name}`}>
          {state.ok === false && (
            <div ref={answer} tabIndex={-1} role="alert" className="notice notice-warning">
              {problems.length ? (
                <>
                  <p>Your message was not sent. Please correct:</p>
                  <ul>
                    {problems.map((f) => (
                      <li key={f}>
                        <a href={`#${id(f)}`}>
                          {CONTACT_LABELS[f]}: {errors[f]}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p>{state.message ?? "Your message was not sent."}</p>
              )}
            </div>
          )}
          <p>{CONTACT_WORDING.intro}</p>
          <p className="notice notice-warning">{CONTACT_WORDING.noHealth}</p>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="issued" value={state.values.issued} />
          {input("name", { type: "text", autoComplete: "name", maxLength: 120 })}
          <fieldset className="stack" aria-describedby="contact-reply-hint">
            <legend>How the therapist can answer you</legend>
            <p id="contact-reply-hint" className="hint">
              {CONTACT_WORDING.replyHint}
            </p>
            {input("email", { type: "email", autoComplete: "email", inputMode: "email", maxLength: 254 })}
            {input("phone", { type: "tel", autoComplete: "tel", inputMode: "tel", maxLength: 40 })}
          </fieldset>
          <div className="field">
            <label htmlFor={id("lookingFor")}>{CONTACT_LABELS.lookingFor}</label>
            <textarea
              id={id("lookingFor")}
              name="lookingFor"
              rows={4}
              maxLength={1000}
              defaultValue={state.values.lookingFor}
              aria-invalid={errors.lookingFor ? true : undefined}
              aria-describedby={described("lookingFor", true)}
            />
            <p id={`${id("lookingFor")}-hint`} className="hint">
              {CONTACT_WORDING.lookingForHint}
            </p>
            {errorText("lookingFor")}
          </div>
          {input("times", { type: "text", maxLength: 300 }, "For example: weekday evenings, or Saturday mornings.")}
          <div hidden>
            <label htmlFor="contact-website">Leave this empty</label>
            <input id="contact-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <p className={styles.privacy}>{CONTACT_WORDING.whatHappens}</p>
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? "Sending…" : "Send message"}
          </button>
        </form>
      )}
    </details>
  );
}
