import { readFileSync, writeFileSync } from "node:fs";
import { BENCHES } from "./benches/index.js";

/**
 * One isolated run: `node --import tsx test/bench/child.ts <bench> <run> <prepared.json> <out.json>`.
 * The result goes to a file, not stdout, so whatever the code under test logs cannot corrupt it.
 */
const [id, run, preparedFile, outFile] = process.argv.slice(2);
const bench = BENCHES.find((b) => b.id === id);
if (!bench || !run || !preparedFile || !outFile) {
  console.error("usage: child.ts <bench> <run> <prepared.json> <out.json>");
  process.exit(2);
}
const prepared: unknown = JSON.parse(readFileSync(preparedFile, "utf8"));
const result = await bench.run({
  prepared,
  run: Number(run),
  log: (line) => console.log(line),
});
writeFileSync(outFile, JSON.stringify(result));
// Handles a bench forgot to close (a socket, a timer) must not keep the run alive.
process.exit(0);
