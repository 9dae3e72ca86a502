// Rows for tests, with only what a test cares about spelled out.
import { randomUUID } from "node:crypto";
import type { NewTherapist } from "@/db/schema";

let counter = 0;

export function buildTherapist(overrides: Partial<NewTherapist> = {}): NewTherapist & { id: string } {
  counter += 1;
  const id = randomUUID();
  return {
    id,
    slug: `test-therapist-${counter}-${id.slice(0, 8)}`,
    displayName: `Test Therapist ${counter}`,
    city: "Testville",
    state: "NY",
    zip: "10001",
    latitude: 40.7484,
    longitude: -73.9967,
    published: true,
    isDemo: true,
    ...overrides,
  };
}

export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
