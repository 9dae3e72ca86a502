// The shape of a therapist slug, shared by the profile page, the API and the tests.
import { z } from "zod";

export const MAX_SLUG_LENGTH = 200;

export const therapistSlugSchema = z
  .string()
  .min(1, "is required")
  .max(MAX_SLUG_LENGTH, `must be at most ${MAX_SLUG_LENGTH} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may contain only lower-case letters, digits and single hyphens between them");

export const modalitySlugSchema = therapistSlugSchema.max(80, "must be at most 80 characters");
