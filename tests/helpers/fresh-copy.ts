// A fresh copy of this checkout, as a clone would have it (tracked files and new files not yet
// committed, nothing git-ignored: no .next, no data), with node_modules hard-linked from this
// one so that no install is needed (Turbopack refuses a symlinked node_modules; a full copy
// is the fallback when hard links cannot cross file systems).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function copyProject(target: string, source = process.cwd()): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: source, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    const from = path.join(source, file);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(from, path.join(target, file));
  }
  try {
    execFileSync("cp", ["-al", path.join(source, "node_modules"), path.join(target, "node_modules")], { stdio: "pipe" });
  } catch {
    fs.rmSync(path.join(target, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", path.join(source, "node_modules"), path.join(target, "node_modules")], { stdio: "pipe" });
  }
}
