import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");

/** The environment of a machine that has never seen AWS: no credentials, profile or region. */
function offlineEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")));
  return {
    ...env,
    // Without credentials the CLI would ask the EC2 metadata service; there is none here.
    AWS_EC2_METADATA_DISABLED: "true",
    CDK_DISABLE_CLI_TELEMETRY: "true",
    CI: "true",
  };
}

describe("npm run synth, the pinned CDK CLI on the real app", () => {
  const outdir = mkdtempSync(join(tmpdir(), "yanlian-synth-"));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("synthesizes the whole stack offline, web app and bundles included", async () => {
    // A cdk-nag error or a failed bundle exits non-zero, which rejects here.
    await run("npm", ["run", "synth", "--", "--output", outdir], {
      cwd: ROOT,
      env: offlineEnv(),
      timeout: 240_000,
      maxBuffer: 16 * 1024 * 1024,
    });

    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
    expect(manifest.artifacts.Yanlian.type).toBe("aws:cloudformation:stack");
    const template = JSON.parse(readFileSync(join(outdir, "Yanlian.template.json"), "utf8"));
    expect(Object.keys(template.Outputs).sort()).toEqual(
      expect.arrayContaining(["ApiUrl", "BusName", "SetupTokenSecretName", "SiteUrl"]),
    );

    // Five function bundles and the built web app, each an asset directory the CLI would upload.
    const assets = readdirSync(outdir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith("asset."))
      .map((entry) => entry.name);
    const bundles = assets.filter((dir) => readdirSync(join(outdir, dir)).includes("index.mjs"));
    expect(bundles).toHaveLength(5);
    const site = assets.filter((dir) => readdirSync(join(outdir, dir)).includes("index.html"));
    expect(site).toHaveLength(1);
    const html = readFileSync(join(outdir, site[0]!, "index.html"), "utf8");
    expect(html).toMatch(/<script type="module"[^>]+src="\/assets\/[^"]+\.js"/);
  }, 300_000);
});
