// Sockets with Nagle's algorithm off (TCP_NODELAY), as libpq and pgbouncer set it, for the
// PostgreSQL connections of a process that writes by COPY (openDatabase's `tcpNoDelay`: the
// registry import and the demo seed commands). postgres 3.4.9 leaves Nagle on, and then
// a COPY's last data message and the CopyDone after it (two writes, no reply in between) wait for
// the server's delayed acknowledgement: 84 ms per COPY on loopback, whatever its size (one row or
// 1,000), which was a third of the registry import's time (docs/benchmarks.md, "National scale, sixth pass").
// Not for the serving app: under the HTTP search mix its connections answered fewer requests
// with it (156 against 168 a second at 100,000 therapists, four alternating pairs of runs), as
// queries queued on one connection then leave in a packet each.
// With a `socket` option the driver connects nothing itself, so this picks the host as it would:
// the Unix socket path when the URL names one, else the URL's hosts in turn.
import net from "node:net";

/** What the driver passes: its parsed options (host and port are parallel lists). */
export type SocketTarget = { host: string[]; port: number[]; path?: string | false };

export function noDelaySockets(): (target: SocketTarget) => net.Socket {
  let next = 0;
  return (target) => {
    const socket = new net.Socket();
    if (target.path) return socket.connect(target.path);
    const i = next++ % target.host.length;
    const host = target.host[i]!;
    const port = target.port[i] ?? 5432;
    // Before connecting: Node applies it as the connection opens.
    socket.setNoDelay(true);
    // The driver names the TLS server (SNI, certificate check) after the socket's host.
    Object.assign(socket, { host, port });
    return socket.connect(port, host);
  };
}
