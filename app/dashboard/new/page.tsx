import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { valuesFromProfile } from "@/lib/therapists/profile-input";
import { profileFormContext } from "../_components/form-context";
import { ProfileForm } from "../_components/profile-form";

export const metadata: Metadata = { title: "Create a listing", robots: { index: false } };

export default async function NewListingPage() {
  await requireUser("/dashboard/new");
  const initial = valuesFromProfile({ inClinic: true, acceptingNewClients: true, sciaticaExperience: "none", ncbtmbStatus: "not_certified" });
  return (
    <div className="container stack">
      <p>
        <Link href="/dashboard">Back to your dashboard</Link>
      </p>
      <h1>Create a listing</h1>
      <p className="lead">Your listing stays private until you publish it. You can change everything later.</p>
      <ProfileForm mode="create" initialValues={initial} {...profileFormContext()} />
    </div>
  );
}
