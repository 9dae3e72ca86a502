// Load on a running server, as docs/benchmarks.md records it: 50 connections for 60 s on the
// search API, either one search over and over ("same", the results page with no filters) or a
// mix of places, modalities and pages ("mixed", which the sharing of identical searches cannot
// help). Prints autocannon's figures and every answer slower than 1.5 s or not 200, with the
// second of the run it came in, which shows a starved group of connections at once.
//   node scripts/load.mjs http://127.0.0.1:3303 same|mixed [seconds] [connections]
import autocannon from "autocannon";

const [base = "http://127.0.0.1:3000", mode = "same", seconds = "60", connections = "50"] = process.argv.slice(2);
const zips = ["10001", "60614", "94110", "73301", "02139", "98101", "30303", "80202", "33101", "85001", "59301", "19104", "48201", "55401", "97201"];
const modalities = ["swedish", "deep-tissue", "neuromuscular-therapy", "myofascial-release", "trigger-point-therapy", "medical-massage", ""];
const pick = (list) => list[Math.floor(Math.random() * list.length)];

const started = Date.now();
const slow = [];
const run = autocannon(
  {
    url: `${base}/api/therapists`,
    connections: Number(connections),
    duration: Number(seconds),
    timeout: 10,
    requests:
      mode === "mixed"
        ? [
            {
              setupRequest: (request) => {
                const modality = pick(modalities);
                request.path = `/api/therapists?location=${pick(zips)}${modality ? `&modality=${modality}` : ""}&page=${1 + Math.floor(Math.random() * 2)}`;
                return request;
              },
            },
          ]
        : undefined,
  },
  (error, r) => {
    if (error) throw error;
    const { requests, latency } = r;
    console.log(
      `${mode}: ${requests.total} requests, ${requests.average} req/s, p50 ${latency.p50} ms, p97.5 ${latency.p97_5} ms, p99 ${latency.p99} ms, max ${latency.max} ms; ` +
        `errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`,
    );
    console.log(`answers over 1.5 s or not 200: ${slow.length}${slow.length ? ` (${slow.slice(0, 40).join(", ")})` : ""}`);
  },
);
run.on("response", (_client, status, _bytes, time) => {
  if (time > 1500 || status !== 200) slow.push(`${((Date.now() - started) / 1000).toFixed(1)} s: ${status} in ${Math.round(time)} ms`);
});
