// PGlite serves one process at a time: two processes that open the same data folder both
// "succeed", and one side's writes are silently lost. So whoever opens the folder holds an
// exclusive lock file beside it for its whole life, and any second opener is refused at once.
//
// The lock records the holder's pid; a lock whose process is gone (killed, crashed) is stale
// and is taken over. See docs/decisions/0002-embedded-database-lock.md.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DatabaseLockedError extends Error {
  readonly code = "DATABASE_LOCKED";
}

export type LockInfo = { pid: number; hostname: string; command: string; startedAt: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined; // vanished or half-written: treated as stale
  }
}

/** The live process holding the folder's lock, if any (a stale lock counts as free). */
export function folderLockHolder(dataDir: string): LockInfo | undefined {
  const holder = readLock(`${path.resolve(dataDir)}.lock`);
  if (!holder) return undefined;
  return holder.hostname !== os.hostname() || isAlive(holder.pid) ? holder : undefined;
}

/**
 * Waits, up to `timeoutMs`, for whoever holds the folder to let go (a server that is still
 * shutting down). Returns the holder that is still there when the time is up, else undefined.
 */
export async function waitForFolderRelease(
  dataDir: string,
  { timeoutMs, onWait }: { timeoutMs: number; onWait?: (holder: LockInfo, waitedMs: number) => void },
): Promise<LockInfo | undefined> {
  const started = Date.now();
  for (;;) {
    const holder = folderLockHolder(dataDir);
    if (!holder) return undefined;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) return holder;
    onWait?.(holder, waited);
    await new Promise((r) => setTimeout(r, Math.min(1000, timeoutMs - waited)));
  }
}

export type FolderLock = { lockPath: string; release: () => void };

export function lockDataFolder(dataDir: string): FolderLock {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    command: process.argv.slice(1).map((a) => path.basename(a)).join(" ").slice(0, 200),
    startedAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      const held = holder && (holder.hostname !== info.hostname || isAlive(holder.pid));
      if (held) {
        throw new DatabaseLockedError(
          `The embedded database at ${path.resolve(dataDir)} is in use by process ${holder.pid}` +
            ` (${holder.command || "unknown command"}, since ${holder.startedAt}` +
            `${holder.hostname !== info.hostname ? ` on ${holder.hostname}` : ""}).` +
            ` PGlite serves one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.` +
            ` (If no such process is running, delete ${lockPath}.)`,
        );
      }
      if (attempt === 1) throw new DatabaseLockedError(`Could not take the lock ${lockPath}.`);
      fs.rmSync(lockPath, { force: true }); // stale: its holder is gone
    }
  }

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    const holder = readLock(lockPath);
    if (holder?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.on("exit", release);
  return { lockPath, release };
}
