// npm run licensing:review-report: the state entries whose last review is more than 12 months old
// (the state page shows these as "last reviewed over a year ago"), oldest first. Exits 0 either
// way: it is a to-do list for the next review, not a gate.
import { loadStateLicensing, REVIEW_STALE_MONTHS, staleReviews } from "../db/reference/state-licensing";

const states = loadStateLicensing();
const stale = staleReviews(states);
if (stale.length === 0) {
  console.log(`All ${states.length} entries were reviewed within the last ${REVIEW_STALE_MONTHS} months.`);
} else {
  console.log(`${stale.length} of ${states.length} entries were last reviewed more than ${REVIEW_STALE_MONTHS} months ago:`);
  for (const s of stale) console.log(`  ${s.code}  ${s.lastReviewed}  ${s.name}`);
}
