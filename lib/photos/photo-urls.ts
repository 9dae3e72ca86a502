// Where a stored photo is served (app/photos/[id]/[width]) and the srcset a page offers, so a
// phone downloads the small size and a wide screen the large one. Relative paths: the site
// serves them itself, whatever its address.
import { z } from "zod";

export const photoSchema = z
  .object({
    kind: z.enum(["portrait", "practice"]),
    alt: z.string().describe("The therapist's own description of the photo"),
    src: z.string().describe("Path of a mid-sized WebP on this site"),
    srcset: z.string().describe("Every stored width, for <img srcset>"),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: "Photo" });
export type Photo = z.infer<typeof photoSchema>;

export const photoPath = (id: string, width: number) => `/photos/${id}/${width}`;

export function toPhoto(p: { id: string; kind: "portrait" | "practice"; alt: string; width: number; height: number; widths: readonly number[] }): Photo {
  const widths = [...p.widths].sort((a, b) => a - b);
  const mid = widths.find((w) => w >= 640) ?? widths[widths.length - 1] ?? p.width;
  return {
    kind: p.kind,
    alt: p.alt,
    src: photoPath(p.id, mid),
    srcset: widths.map((w) => `${photoPath(p.id, w)} ${w}w`).join(", "),
    width: p.width,
    height: p.height,
  };
}
