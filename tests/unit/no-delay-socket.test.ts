// The connections of the commands that write by COPY have Nagle's algorithm off
// (db/no-delay-socket.ts, openDatabase's `tcpNoDelay`): without it each COPY waited for the
// server's delayed acknowledgement (docs/benchmarks.md); the serving app's connections keep it.
// The socket is the driver's way in, so it must still reach the server the URL names: by TCP to
// each host in turn, or by the Unix socket folder a `host=/path` URL gives.
import net from "node:net";
import postgres from "postgres";
import { afterEach, describe, expect, it, vi } from "vitest";
import { noDelaySockets } from "@/db/no-delay-socket";
import { testDrivers } from "../helpers/databases";

const BASE = process.env.TEST_DATABASE_URL;

afterEach(() => vi.restoreAllMocks());

describe("no-delay sockets", () => {
  it("turns Nagle's algorithm off before connecting, and takes the URL's hosts in turn", () => {
    const setNoDelay = vi.spyOn(net.Socket.prototype, "setNoDelay");
    const connect = vi.spyOn(net.Socket.prototype, "connect").mockImplementation(function (this: net.Socket) {
      return this;
    });
    const open = noDelaySockets();
    const target = { host: ["db1.example", "db2.example"], port: [5432, 6543] };
    const first = open(target);
    const second = open(target);
    const third = open(target);
    expect(setNoDelay.mock.calls).toEqual([[true], [true], [true]]);
    expect(connect.mock.calls).toEqual([
      [5432, "db1.example"],
      [6543, "db2.example"],
      [5432, "db1.example"],
    ]);
    // The driver names the TLS server after the socket's host.
    expect([first, second, third].map((s) => (s as net.Socket & { host: string }).host)).toEqual(["db1.example", "db2.example", "db1.example"]);
    expect(setNoDelay.mock.invocationCallOrder[0]).toBeLessThan(connect.mock.invocationCallOrder[0]!);
  });

  it("connects to a Unix socket path as given (no TCP option there)", () => {
    const setNoDelay = vi.spyOn(net.Socket.prototype, "setNoDelay");
    const connect = vi.spyOn(net.Socket.prototype, "connect").mockImplementation(function (this: net.Socket) {
      return this;
    });
    noDelaySockets()({ host: ["/var/run/postgresql"], port: [5432], path: "/var/run/postgresql/.s.PGSQL.5432" });
    expect(connect.mock.calls).toEqual([["/var/run/postgresql/.s.PGSQL.5432"]]);
    expect(setNoDelay).not.toHaveBeenCalled();
  });

  // A real server: the driver runs its whole start-up and queries through these sockets.
  it.runIf(BASE)("carries the driver's queries and COPY over TCP and over the Unix socket", async () => {
    const tcp = postgres(BASE!, { max: 1, onnotice: () => {}, ...({ socket: noDelaySockets() } as object) });
    const unix = postgres(BASE!, { max: 1, host: "/var/run/postgresql", onnotice: () => {}, ...({ socket: noDelaySockets() } as object) });
    try {
      for (const client of [tcp, unix]) {
        const [row] = await client`select 41 + 1 as answer`;
        expect(row!.answer).toBe(42);
        await client.begin(async (tx) => {
          await tx`create temporary table t (a int) on commit drop`;
          const stream = await tx`copy t (a) from stdin`.writable();
          await new Promise<void>((resolve, reject) => {
            stream.on("finish", resolve).on("error", reject);
            stream.end("1\n2\n3\n");
          });
          const [sum] = await tx`select sum(a)::int as s from t`;
          expect(sum!.s).toBe(6);
        });
      }
      const [conn] = await unix`select inet_client_addr() is null as local`;
      expect(conn!.local).toBe(true);
    } finally {
      await Promise.all([tcp.end(), unix.end()]);
    }
  });
});

for (const driver of testDrivers.filter((d) => d.name === "PostgreSQL")) {
  describe("openDatabase on PostgreSQL", () => {
    it("uses no-delay sockets only when asked (the import and seed commands), never for serving", async () => {
      const store = await driver.createStore();
      try {
        for (const tcpNoDelay of [true, false]) {
          const setNoDelay = vi.spyOn(net.Socket.prototype, "setNoDelay");
          const database = await store.open({ tcpNoDelay });
          try {
            await database.db.execute("select 1");
            expect(setNoDelay.mock.calls.some(([on]) => on === true)).toBe(tcpNoDelay);
          } finally {
            await database.close();
            setNoDelay.mockRestore();
          }
        }
      } finally {
        await store.destroy();
      }
    });
  });
}
