import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BundlingOptions, OutputFormat, SourceMapMode } from "aws-cdk-lib/aws-lambda-nodejs";

/** The repository root: the CDK app bundles the same handlers `npm start` runs. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** One Lambda per entry file in functions/handlers/. */
export const HANDLERS = ["api", "injector", "closer", "planner", "notifier"] as const;
export type HandlerName = (typeof HANDLERS)[number];

export const handlerEntry = (name: HandlerName) => join(ROOT, "functions", "handlers", `${name}.ts`);

/**
 * Bundled ESM still meets CommonJS inside the AWS SDK's dependencies, which call `require`; Node's
 * ESM scope has none, so the bundle makes one before anything else runs.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __yanlianCreateRequire } from 'node:module'; const require = __yanlianCreateRequire(import.meta.url);";

/**
 * How every function is bundled, by the esbuild in node_modules (never Docker): ESM for top-level
 * await, minified, with source maps, the AWS SDK clients each entry imports bundled in (no cold
 * start spent resolving the runtime's copy), and UTF-8 output, because the Chinese scenario texts
 * would otherwise be escaped to twice their size.
 */
export const BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  target: "node22",
  mainFields: ["module", "main"],
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: false,
  // Passed as an argument: this version of NodejsFunction does not forward its `charset` option.
  esbuildArgs: { "--charset": "utf8" },
  banner: ESM_REQUIRE_BANNER,
  bundleAwsSDK: true,
  externalModules: [],
  forceDockerBundling: false,
};
