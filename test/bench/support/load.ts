import autocannon from "autocannon";

/**
 * The load generator, in a process of its own so it does not share the server's event loop:
 * `node --import tsx load.ts '<json options>'` prints autocannon's result as JSON on stdout.
 */
const options = JSON.parse(process.argv[2] ?? "{}") as autocannon.Options;
// The programmatic API draws no progress bar or table; stdout carries only the result.
const result = await autocannon(options);
process.stdout.write(JSON.stringify(result));
