"use client";
// "Report incorrect information" on a profile. Works without JavaScript (a plain form post to the
// server action) and with it (the answer replaces the form in place, focus moves to it). Nothing
// is stored in the browser and no cookie is set.
import { useActionState, useEffect, useRef } from "react";
import { reportListing, type ReportState } from "@/app/therapists/[slug]/actions";
import { kindField, REPORT_FIELDS, REPORT_KIND_KEYS, REPORT_KINDS, type ReportValues } from "@/lib/reports/report-input";

export function ReportForm({ slug, name }: { slug: string; name: string }) {
  const empty = Object.fromEntries(REPORT_FIELDS.map((f) => [f, ""])) as ReportValues;
  const [state, action, pending] = useActionState<ReportState, FormData>(reportListing, { ok: null, values: { ...empty, slug } });
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok !== null) answer.current?.focus();
  }, [state]);
  const errors = state.fieldErrors ?? {};
  if (state.ok) {
    return (
      <div ref={answer} tabIndex={-1} role="status" className="notice">
        {state.message}
      </div>
    );
  }
  return (
    <form action={action} className="stack" noValidate aria-label={`Report incorrect information about ${name}`}>
      {state.ok === false && (
        <div ref={answer} tabIndex={-1} role="alert" className="notice notice-warning">
          {state.message ?? "Check the form below."}
        </div>
      )}
      <p>
        Tell us what is wrong on this listing and an administrator will check it. You do not need an account. Please do not include health
        details.
      </p>
      <input type="hidden" name="slug" value={slug} />
      <fieldset className="stack">
        <legend>What is wrong?</legend>
        {REPORT_KIND_KEYS.map((k) => (
          <div key={k}>
            <input id={`report-${k}`} type="checkbox" name={kindField(k)} defaultChecked={state.values[kindField(k)] === "on"} />{" "}
            <label htmlFor={`report-${k}`}>{REPORT_KINDS[k]}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="report-details">What should it say? (optional if you ticked a box)</label>
        <textarea
          id="report-details"
          name="details"
          rows={4}
          maxLength={2000}
          defaultValue={state.values.details}
          aria-invalid={errors.details ? true : undefined}
          aria-describedby={errors.details ? "report-details-error" : undefined}
        />
        {errors.details && (
          <p id="report-details-error" className="field-error">
            {errors.details}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="report-email">Your e-mail address (optional)</label>
        <input
          id="report-email"
          name="email"
          type="email"
          autoComplete="email"
          maxLength={254}
          defaultValue={state.values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={`report-email-hint${errors.email ? " report-email-error" : ""}`}
        />
        <p id="report-email-hint">Only if you would like to hear what we did. Administrators alone see it; it is deleted when the report is closed.</p>
        {errors.email && (
          <p id="report-email-error" className="field-error">
            {errors.email}
          </p>
        )}
      </div>
      <div hidden>
        <label htmlFor="report-website">Leave this empty</label>
        <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send report"}
      </button>
    </form>
  );
}
