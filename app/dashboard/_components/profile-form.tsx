"use client";
// The profile form: every field of a listing. Errors come back from the server action with
// what was typed, are shown next to each field (aria-invalid + aria-describedby), and a summary
// with role="alert" takes the focus.
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { fieldLabel } from "@/lib/therapists/field-labels";
import type { ProfileActionState, ProfileFormValues } from "@/lib/therapists/profile-input";
import { createListingAction, updateListingAction } from "../actions";
import styles from "../dashboard.module.css";

type Props = {
  mode: "create" | "edit";
  id?: string;
  version?: number;
  initialValues: ProfileFormValues;
  modalities: { slug: string; name: string; summary: string }[];
  stateCodes: string[];
  licenseRows: number;
  sciaticaOptions: { value: string; label: string }[];
  ncbtmbOptions: { value: string; label: string }[];
};

const fid = (name: string) => `f-${name.replace(/\./g, "-")}`;

export function ProfileForm({ mode, id, version, initialValues, modalities, stateCodes, licenseRows, sciaticaOptions, ncbtmbOptions }: Props) {
  const [state, action, pending] = useActionState<ProfileActionState, FormData>(
    mode === "create" ? createListingAction : updateListingAction,
    { ok: null, values: initialValues, version },
  );
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok === false) summary.current?.focus();
  }, [state]);

  const v = state.values;
  const errors = state.fieldErrors ?? {};
  const str = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const errorProps = (name: string, hint?: boolean) => {
    const ids = [hint ? `${fid(name)}-hint` : "", errors[name] ? `${fid(name)}-error` : ""].filter(Boolean).join(" ");
    return { "aria-invalid": errors[name] ? true : undefined, "aria-describedby": ids || undefined } as const;
  };
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`${fid(name)}-error`} className={styles.error}>
        {errors[name]}
      </p>
    ) : null;

  const field = (name: string, label: string, opts: { type?: string; hint?: string; required?: boolean; textarea?: boolean; autoComplete?: string; inputMode?: "numeric" | "tel" | "email" | "url" } = {}) => (
    <div className="field">
      <label htmlFor={fid(name)}>
        {label}
        {opts.required ? " (required)" : ""}
      </label>
      {opts.hint && (
        <p id={`${fid(name)}-hint`} className={styles.hint}>
          {opts.hint}
        </p>
      )}
      {opts.textarea ? (
        <textarea id={fid(name)} name={name} rows={4} defaultValue={str(name)} {...errorProps(name, !!opts.hint)} />
      ) : (
        <input
          id={fid(name)}
          name={name}
          type={opts.type ?? "text"}
          defaultValue={str(name)}
          required={opts.required}
          autoComplete={opts.autoComplete ?? "off"}
          inputMode={opts.inputMode}
          {...errorProps(name, !!opts.hint)}
        />
      )}
      {errorText(name)}
    </div>
  );
  const checkbox = (name: string, label: string, opts: { hint?: string } = {}) => (
    <div className={styles.check}>
      <input
        id={fid(name)}
        name={name}
        type="checkbox"
        defaultChecked={str(name) === "on"}
        {...errorProps(name, !!opts.hint)}
      />
      <label htmlFor={fid(name)}>{label}</label>
      {opts.hint ? (
        <p id={`${fid(name)}-hint`} className="hint">
          {opts.hint}
        </p>
      ) : null}
      {errorText(name)}
    </div>
  );
  const group = (legend: string, children: ReactNode) => (
    <fieldset className={styles.fieldset}>
      <legend>{legend}</legend>
      <div className="stack">{children}</div>
    </fieldset>
  );
  const chosen = new Set(Array.isArray(v.modalitySlugs) ? v.modalitySlugs : []);
  const errorKeys = Object.keys(errors);

  return (
    <form action={action} className={`stack ${styles.form}`} noValidate>
      {state.ok === false && (
        <div ref={summary} tabIndex={-1} role="alert" className={`notice notice-warning ${styles.summary}`}>
          <p>
            <strong>{state.message ?? "Nothing was saved."}</strong>
          </p>
          {errorKeys.length > 0 && (
            <ul>
              {errorKeys.map((k) => (
                <li key={k}>
                  <a href={`#${fid(k)}`}>
                    {fieldLabel(k)}: {errors[k]}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {state.conflict && (
            <>
              <p>Changed since you opened this form:</p>
              <ul>
                {state.conflict.changes.map((c) => (
                  <li key={c.field}>
                    {fieldLabel(c.field)}: now “{c.new}” (was “{c.old}”){c.by ? `, by ${c.by}` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {id && <input type="hidden" name="id" value={id} />}
      {mode === "edit" && <input type="hidden" name="version" value={String(state.version ?? version ?? "")} />}

      {group("About you", <>
        {field("displayName", "Name shown to patients", { required: true, autoComplete: "name" })}
        {field("practiceName", "Practice name", { autoComplete: "organization" })}
        {field("bio", "About your practice", { textarea: true, hint: "Plain text. Describe your training, approach and specialisations. No medical claims." })}
        {field("yearsInPractice", "Years in practice", { inputMode: "numeric" })}
        {field("gender", "Your gender (optional)", {
          hint: "Only if you want to state it, in your own words (for example woman, man, non-binary). Leave it empty not to say. Patients can filter by the genders therapists state.",
        })}
      </>)}

      {group("Where and when you work", <>
        {field("zip", "ZIP code of your practice", { required: true, inputMode: "numeric", autoComplete: "postal-code", hint: "Sets the city, state and map position of your listing." })}
        {field("addressLine", "Street address", { autoComplete: "street-address", hint: "Optional. Leave empty to show only the city." })}
        {checkbox("inClinic", "I see clients in a clinic or studio")}
        {checkbox("mobile", "I visit clients (mobile)")}
        {field("hours", "Opening hours", { textarea: true, hint: "For example: Mon-Fri 9am-6pm, Sat 10am-2pm." })}
        {checkbox("acceptingNewClients", "I am accepting new clients")}
        {checkbox("wheelchairAccessible", "My practice is wheelchair accessible")}
        {field("accessibilityNotes", "Accessibility notes", { textarea: true })}
      </>)}

      {group("Sciatica", <>
        <div className="field">
          <label htmlFor={fid("sciaticaExperience")}>Experience with clients who have sciatica</label>
          <select id={fid("sciaticaExperience")} name="sciaticaExperience" defaultValue={str("sciaticaExperience") || "none"} {...errorProps("sciaticaExperience")}>
            {sciaticaOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errorText("sciaticaExperience")}
        </div>
        {field("sciaticaDescription", "Your sciatica experience, in your words", { textarea: true })}
      </>)}

      <fieldset className={styles.fieldset} aria-describedby={errors.modalitySlugs ? `${fid("modalitySlugs")}-error` : undefined}>
        <legend>Types of massage you offer</legend>
        <div className={styles.checkGrid} id={fid("modalitySlugs")} tabIndex={-1}>
          {modalities.map((m) => (
            <div key={m.slug} className={styles.check}>
              <input id={`m-${m.slug}`} type="checkbox" name="modalitySlugs" value={m.slug} defaultChecked={chosen.has(m.slug)} />
              <label htmlFor={`m-${m.slug}`}>{m.name}</label>
            </div>
          ))}
        </div>
        {errorText("modalitySlugs")}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>State licences</legend>
        <p className={styles.hint}>A licence you add or change shows as “not yet checked” until an administrator checks it with the state board.</p>
        {Array.from({ length: licenseRows }, (_, i) => (
          <div key={i} className={styles.licenseRow} role="group" aria-label={`Licence ${i + 1}`}>
            <div className="field">
              <label htmlFor={fid(`licenses.${i}.state`)}>Licence {i + 1}: state</label>
              <select id={fid(`licenses.${i}.state`)} name={`licenses.${i}.state`} defaultValue={str(`licenses.${i}.state`)} {...errorProps(`licenses.${i}.state`)}>
                <option value="">(none)</option>
                {stateCodes.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
              {errorText(`licenses.${i}.state`)}
            </div>
            {field(`licenses.${i}.number`, `Licence ${i + 1}: number`)}
            {field(`licenses.${i}.credentialTitle`, `Licence ${i + 1}: credential title`, { hint: i === 0 ? "For example LMT, LMP, CMT or RMT." : undefined })}
          </div>
        ))}
      </fieldset>

      {group("Education and credentials", <>
        <div className="field">
          <label htmlFor={fid("ncbtmbStatus")}>NCBTMB board certification</label>
          <select id={fid("ncbtmbStatus")} name="ncbtmbStatus" defaultValue={str("ncbtmbStatus") || "not_certified"} {...errorProps("ncbtmbStatus")}>
            {ncbtmbOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {errorText("ncbtmbStatus")}
        </div>
        {field("ncbtmbNumber", "NCBTMB certificate number")}
        {field("schoolName", "Massage school")}
        {checkbox("schoolAccredited", "My school's programme is nationally accredited")}
        {field("associations", "Professional memberships", { hint: "Separate with commas, for example AMTA, ABMP." })}
      </>)}

      {group("Insurance, referrals and prices", <>
        {checkbox("acceptsPhysicianReferrals", "I accept physician referrals and prescriptions")}
        {checkbox("acceptsInsurance", "I accept insurance")}
        {field("insurancePlans", "Insurance plans", { hint: "Separate with commas." })}
        {checkbox("offersSuperbills", "I give superbills for out-of-network claims")}
        {checkbox("acceptsHsaFsa", "I accept HSA/FSA cards")}
        {field("priceMin", "Lowest price of a 60-minute session, in dollars", { inputMode: "numeric" })}
        {field("priceMax", "Highest price of a 60-minute session, in dollars", { inputMode: "numeric" })}
      </>)}

      {group("Languages and contact", <>
        {field("languages", "Languages", { hint: "Separate with commas. Empty means English." })}
        {field("phone", "Phone", { inputMode: "tel", autoComplete: "tel" })}
        {field("email", "Public e-mail", { type: "email", inputMode: "email", autoComplete: "email" })}
        {field("website", "Website", { inputMode: "url", autoComplete: "url" })}
        {checkbox("messagesOff", "Turn off the message form on my profile", {
          hint: "Patients can send you a message through your profile without an account; it is e-mailed to your public e-mail with their address to reply to. Turned off (or with no public e-mail), your profile says you do not take messages here; patients can still call, e-mail or visit your website.",
        })}
      </>)}

      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Create listing" : "Save changes"}
      </button>
    </form>
  );
}
