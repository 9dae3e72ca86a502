// The shortlist's stored form and the comparison's address: what cannot be read is set aside
// and named, never an error.
import { describe, expect, it } from "vitest";
import { compareHref, MAX_COMPARED, parseCompareParam, parseSaved } from "@/lib/shortlist/shortlist";

describe("the comparison's address", () => {
  it("keeps valid slugs in order without repeats, at most four, and names the rest", () => {
    expect(parseCompareParam("a-b,c-d,a-b,BAD!,e,f,g")).toEqual({ slugs: ["a-b", "c-d", "e", "f"], malformed: ["BAD!"], beyond: ["g"] });
    expect(parseCompareParam(undefined)).toEqual({ slugs: [], malformed: [], beyond: [] });
    expect(parseCompareParam(["x", "y"]).slugs).toEqual(["x", "y"]);
    expect(compareHref(["a", "b", "c", "d", "e"])).toBe("/compare?t=a,b,c,d");
    expect(MAX_COMPARED).toBe(4);
  });
});

describe("the stored shortlist", () => {
  it("reads what this site wrote and ignores anything else", () => {
    expect(parseSaved(JSON.stringify([{ slug: "ann-lee", name: "Ann Lee" }, { slug: "Nope!", name: "x" }, 3, null]))).toEqual([{ slug: "ann-lee", name: "Ann Lee" }]);
    expect(parseSaved("not json")).toEqual([]);
    expect(parseSaved(null)).toEqual([]);
    expect(parseSaved('{"slug":"a"}')).toEqual([]);
  });
});
