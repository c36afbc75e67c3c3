import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DockerImage } from "aws-cdk-lib";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { ROOT } from "./bundling.js";

/**
 * The web app as a deployment source, built by the local Vite during synthesis (like the functions,
 * never in Docker). The asset's hash follows web/'s sources, so an unchanged app is not rebuilt.
 */
export function webAssets(): s3deploy.ISource {
  const vite = join(ROOT, "node_modules", ".bin", "vite");
  return s3deploy.Source.asset(join(ROOT, "web"), {
    exclude: ["dist", "node_modules", "*.tsbuildinfo"],
    bundling: {
      // Required by the API, never run: the local build below either succeeds or stops the synthesis.
      image: DockerImage.fromRegistry("public.ecr.aws/docker/library/node:22"),
      local: {
        tryBundle(outputDir: string) {
          if (!existsSync(vite)) throw new Error("vite is not installed: run npm ci first");
          execFileSync(
            vite,
            [
              "build",
              "--config",
              join(ROOT, "web", "vite.config.ts"),
              "--outDir",
              outputDir,
              "--emptyOutDir",
            ],
            { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
          );
          return true;
        },
      },
    },
  });
}
