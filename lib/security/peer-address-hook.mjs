// Loaded with `node --import` before `next start` (see package.json "start"): records each
// request's TCP peer address in a header the app trusts (lib/security/client-address.ts),
// overwriting whatever a client sent under that name. `next start` itself only fills
// X-Forwarded-For when the client sent none, so without this a client could pick its own
// address for every rate limit.
import http from "node:http";

const HEADER = "x-therapist-finder-peer";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, ...args) {
  if (event === "request") {
    const req = args[0];
    if (req && req.headers) req.headers[HEADER] = req.socket?.remoteAddress ?? "";
  }
  return emit.call(this, event, ...args);
};
globalThis[Symbol.for("therapist-finder.peer-address-hook")] = true;
