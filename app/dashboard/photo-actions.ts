"use server";
// Removing a photo from the dashboard (adding one posts the file to POST /photos, app/photos/route.ts).
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { removePhoto } from "@/db/queries/photos";
import { withUser } from "@/lib/auth/session";
import { uuidSchema } from "@/lib/validation/therapist-profile";

export const removePhotoAction = withUser(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("id"));
  const listingId = uuidSchema.safeParse(form.get("listingId"));
  if (!id.success || !listingId.success) notFound();
  const result = await removePhoto(await getDb(), { actor: { userId: user.id, isAdmin: user.isAdmin }, id: id.data });
  revalidatePath(`/dashboard/listings/${listingId.data}`);
  redirect(`/dashboard/listings/${listingId.data}?photo=${result.ok ? "removed" : "not_found"}#photos`);
});
