import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { buildApp } from "../../infra/app.js";

/**
 * The real CDK app, as `cdk synth` builds it, with two test conveniences: the web app is a one-file
 * stand-in (the web build has its own tests) and, unless `bundle` is set, the functions are not bundled.
 */
export function synthApp(options: { stage?: "prod" | "dev"; bundle?: boolean } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), "yanlian-cdk-"));
  const app = new App({
    outdir,
    context: {
      stage: options.stage ?? "prod",
      ...(options.bundle ? {} : { "aws:cdk:bundling-stacks": [] }),
    },
  });
  const stack = buildApp(app, {
    webAssets: s3deploy.Source.data("index.html", "<!doctype html><title>Yanlian</title>"),
  });
  return { app, stack, outdir };
}
