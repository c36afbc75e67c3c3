import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCatalog, type Catalog } from "../core/catalog.js";

/** The built-in catalog that ships in the repository. */
export const SCENARIO_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));

export async function readScenarioSources(
  dir = SCENARIO_DIR,
): Promise<Array<{ file: string; source: string }>> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      return { file: relative(process.cwd(), path) || name, source: await readFile(path, "utf8") };
    }),
  );
}

export async function loadCatalog(dir = SCENARIO_DIR): Promise<Catalog> {
  return buildCatalog(await readScenarioSources(dir));
}
