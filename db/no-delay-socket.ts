// The sockets of every PostgreSQL connection the app opens (db/client.ts), with Nagle's
// algorithm off (TCP_NODELAY), as libpq, pgbouncer and most drivers set it. postgres 3.4.9 leaves
// it on, and then a COPY's last data message and the CopyDone after it (two writes, no reply in
// between) wait for the server's delayed acknowledgement: 84 ms per COPY on loopback, whatever
// its size (one row or 1,000), which was most of the registry import's time and a good part of
// the seed's (docs/benchmarks.md, "Registry import, sixth pass").
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
