// Moved to lib/therapists/field-labels.ts; this re-export keeps modules that still import it
// from here compiling until they move (import from lib/therapists in new code).
export * from "@/lib/therapists/field-labels";
