// Starts the built Parley jar on a free port with a throwaway data directory, and stops it again.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

function builtJar() {
  const jar = readdirSync(join(root, "target")).find((f) => /^parley-.*\.jar$/.test(f) && !f.endsWith("-plain.jar"));
  if (!jar) throw new Error("no target/parley-*.jar: run ./mvnw -B -ntp -q package -DskipTests first");
  return join(root, "target", jar);
}

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
    probe.on("error", fail);
  });
}

export async function startParley(platformToken) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "parley-sdk-"));
  const log = [];
  const child = spawn("java", ["-jar", builtJar()], {
    env: { ...process.env, SERVER_PORT: String(port), PARLEY_DATA_DIR: dataDir, PARLEY_PLATFORM_TOKEN: platformToken,
      PARLEY_WEBHOOK_ALLOW_PRIVATE: "true" }, // the webhook step points at 127.0.0.1; no DNS needed in CI
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => log.push(d.toString()));
  child.stderr.on("data", (d) => log.push(d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/actuator/health`);
      if (res.ok) return { baseUrl, stop: () => stop(child, dataDir), log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGKILL");
  throw new Error(`Parley did not become healthy:\n${log.join("").slice(-4000)}`);
}

async function stop(child, dataDir) {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
  // with the embedded database, files are kept next to its data directory (<data-dir>-attachments)
  rmSync(`${dataDir}-attachments`, { recursive: true, force: true });
}
