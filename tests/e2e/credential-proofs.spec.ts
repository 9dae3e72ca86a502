// Proof files and the NCBTMB check end to end: a therapist states an NCBTMB number, a bad file
// is refused with a message, a PNG is attached; only the owner and an administrator can
// download it (another therapist and an anonymous visitor get 404); while only claimed, the
// "NCBTMB board certified" filter leaves the listing out unless "include self-reported" is
// chosen; the administrator sees the proof and the look-up link beside the credential in the
// queue and records the check, which deletes the proof; the owner gets an e-mail (the demo
// outbox) linking to their dashboard listing; the profile shows the check and the filter now
// finds the listing.
import { request as playwrightRequest } from "@playwright/test";
import { makePng } from "../helpers/proof-files";
import { expectNoAxeViolations } from "./axe";
import { DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

test("a proof file reaches only its owner and an administrator, and goes once checked", async ({ page, login, baseURL }, info) => {
  await login(page, uniqueEmail("proof-owner", info));
  const name = `Proof Journey ${info.project.name} ${Date.now().toString(36)}`;
  const number = `NC-${Date.now().toString(36)}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("10001");
  await page.getByLabel("NCBTMB board certification").selectOption("self_reported");
  await page.getByLabel("NCBTMB certificate number").fill(number);
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");
  const profileHref = await page.getByRole("link", { name: /^\/therapists\// }).getAttribute("href");
  const proofs = page.getByRole("region", { name: "Your credentials and their proof" });
  await expect(proofs).toContainText(`NCBTMB board certification ${number}: claimed, not yet checked`);
  const form = proofs.getByRole("form", { name: "Attach a proof" });

  // An HTML page renamed .pdf: refused, nothing stored.
  await form.getByLabel("Proof file").setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await form.getByRole("button", { name: "Attach proof" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Nothing was stored. Only PDF, PNG and JPEG files are accepted");
  await expect(page.getByRole("link", { name: /^Download / })).toHaveCount(0);

  await form.getByLabel("Proof file").setInputFiles({ name: "certificate.png", mimeType: "image/png", buffer: makePng() });
  await form.getByRole("button", { name: "Attach proof" }).click();
  await expect(page.getByRole("status")).toContainText("Proof attached.");
  await expectNoAxeViolations(page);
  const href = await page.getByRole("link", { name: "Download certificate.png" }).getAttribute("href");
  expect(href).toMatch(/^\/proofs\/[0-9a-f-]{36}$/);

  const owned = await page.request.get(href!);
  expect(owned.status()).toBe(200);
  expect(Buffer.from(await owned.body()).equals(makePng())).toBe(true);
  expect(owned.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(owned.headers()["x-content-type-options"]).toBe("nosniff");
  expect(owned.headers()["cache-control"]).toBe("private, no-store");
  expect(owned.headers()["content-security-policy"]).toContain("sandbox");

  const other = await login.newPage(uniqueEmail("proof-other", info));
  const foreign = await other.request.get(href!);
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).not.toContain("PNG");
  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get(href!)).status()).toBe(404);
  await anonymous.dispose();

  // Only claimed: the NCBTMB filter leaves it out unless self-reported credentials are included.
  const listingUrl = page.url();
  const names = async (url: string) => {
    await page.goto(url);
    return page.getByRole("main").getByRole("heading", { level: 3 }).allTextContents();
  };
  const byName = `/therapists?q=${encodeURIComponent(name)}`;
  expect(await names(byName)).toContain(name);
  expect(await names(`${byName}&ncbtmb=1`)).not.toContain(name);
  expect(await names(`${byName}&ncbtmb=1&selfReported=1`)).toContain(name);
  await page.goto(profileHref!);
  await expect(page.getByRole("main")).toContainText("claimed, not yet checked");
  await page.goto(listingUrl);

  const admin = await login.newPage(DEMO_ADMIN);
  expect((await admin.request.get(href!)).status()).toBe(200);
  await admin.goto("/admin");
  const item = admin.getByRole("listitem").filter({ hasText: `NCBTMB certificate ${number}` });
  await expect(item.getByRole("link", { name: "certificate.png" })).toBeVisible();
  // The queue links to the look-up on file for NCBTMB (its directory of board-certified therapists).
  await expect(item.getByRole("link", { name: "NCBTMB's directory of board-certified therapists (search by the therapist's ZIP code) (opens in a new tab)" })).toHaveAttribute("href", "https://www.ncbtmb.org/?geodir_search=1&stype=gd_bctherapist");
  const check = item.getByRole("form", { name: `Record the check of: NCBTMB certificate ${number}` });
  await check.getByLabel("Source (look-up address or document)").fill("the proof file seen (test)");
  await expect(check.getByLabel(/Keep the proof file after recording/)).not.toBeChecked();
  await check.getByRole("button", { name: `Record check: NCBTMB certificate ${number}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Check saved; the owner was told by e-mail.");

  // The owner's notice is in the demo outbox, its link built from the site address.
  const listingPath = new URL(page.url()).pathname;
  expect(listingPath).toMatch(/^\/dashboard\/listings\/[0-9a-f-]{36}$/);
  await admin.goto("/dev/outbox");
  const notice = admin.getByRole("link", { name: `Therapist Finder: a credential on ${name} was checked` });
  await expect(notice).toBeVisible();
  expect(new URL((await notice.getAttribute("href"))!).pathname).toBe(listingPath);

  // The proof is gone; the owner sees the check.
  expect((await page.request.get(href!)).status()).toBe(404);
  await page.reload();
  await expect(proofs).toContainText(`NCBTMB board certification ${number}: checked on`);
  await expect(page.getByRole("link", { name: /^Download / })).toHaveCount(0);

  // The public profile shows the check with its date and source.
  await page.goto(profileHref!);
  await expect(page.getByText(new RegExp(`Board certified \\(number ${number}\\), verified with NCBTMB on .+ \\(source: the proof file seen \\(test\\)\\)`))).toBeVisible();
  // Checked: the NCBTMB filter now finds it without including self-reported credentials.
  expect(await names(`${byName}&ncbtmb=1`)).toContain(name);
});

// The school's accreditation and an association membership, checked from the same queue: the
// school item links to the Department of Education's database of accredited schools (and offers
// it as the source); the association item links AMTA's member directory (and offers it as the
// source: the one association named with a directory on file) and says there is no look-up
// address on file for an association not on file, never that none exists. Once checked, the
// profile says so with the source, and the filters find it.
test("an administrator checks a school's accreditation and an association membership from the queue", async ({ page, login }, info) => {
  await login(page, uniqueEmail("school-owner", info));
  const suffix = `${info.project.name} ${Date.now().toString(36)}`;
  const name = `School Journey ${suffix}`;
  const school = `Fictional School of Massage ${suffix}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("82001");
  await page.getByLabel("Massage school").fill(school);
  await page.getByLabel("My school's programme is nationally accredited").check();
  await page.getByLabel("Professional memberships").fill("AMTA, Fictional Guild of Bodywork");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");
  const profileHref = await page.getByRole("link", { name: /^\/therapists\// }).getAttribute("href");

  const names = async (url: string) => {
    await page.goto(url);
    return page.getByRole("main").getByRole("heading", { level: 3 }).allTextContents();
  };
  const byName = `/therapists?q=${encodeURIComponent(name)}`;
  expect(await names(`${byName}&accredited=1`)).not.toContain(name);
  expect(await names(`${byName}&association=1`)).not.toContain(name);
  expect(await names(`${byName}&accredited=1&association=1&selfReported=1`)).toContain(name);

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  const schoolItem = admin.getByRole("listitem").filter({ hasText: `Accreditation of ${school}` });
  const dapip = schoolItem.getByRole("link", { name: /^the U\.S\. Department of Education's Database of Accredited Postsecondary Institutions and Programs .*\(opens in a new tab\)$/ });
  await expect(dapip).toHaveAttribute("href", "https://ope.ed.gov/dapip/");
  const schoolCheck = schoolItem.getByRole("form", { name: `Record the check of: Accreditation of ${school}` });
  await expect(schoolCheck.getByLabel("Source (look-up address or document)")).toHaveValue("https://ope.ed.gov/dapip/");
  await schoolCheck.getByRole("button", { name: `Record check: Accreditation of ${school}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Check saved; the owner was told by e-mail.");

  const members = "Membership of AMTA, Fictional Guild of Bodywork";
  const memberItem = admin.getByRole("listitem").filter({ hasText: members }).filter({ has: admin.getByRole("link", { name }) });
  const amtaDirectory = memberItem.getByRole("link", { name: /^AMTA's Find a Massage Therapist directory .*\(opens in a new tab\)$/ });
  await expect(amtaDirectory).toHaveAttribute("href", "https://www.amtamassage.org/find-massage-therapist/");
  await expect(memberItem).toContainText("No look-up address on file for the member directory of Fictional Guild of Bodywork");
  const memberCheck = memberItem.getByRole("form", { name: `Record the check of: ${members}` });
  await expect(memberCheck.getByLabel("Source (look-up address or document)")).toHaveValue("https://www.amtamassage.org/find-massage-therapist/");
  await memberCheck.getByRole("button", { name: `Record check: ${members}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Check saved; the owner was told by e-mail.");

  await page.goto(profileHref!);
  const main = page.getByRole("main");
  await expect(main).toContainText(new RegExp(`${school}, a nationally accredited programme \\(checked .*source: https://ope\\.ed\\.gov/dapip/\\)`));
  await expect(main).toContainText(/AMTA, Fictional Guild of Bodywork \(membership checked .*source: https:\/\/www\.amtamassage\.org\/find-massage-therapist\/\)/);
  expect(await names(`${byName}&accredited=1&association=1`)).toContain(name);
});
