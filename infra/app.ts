import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { acknowledgeFindings } from "./nag.js";
import { YanlianStack, type YanlianStackProps } from "./stack.js";
import { webAssets } from "./web-assets.js";

export interface BuildOptions {
  /** Tests hand in a pre-built source for the web app, so assertions do not wait for Vite. */
  webAssets?: YanlianStackProps["webAssets"];
}

/**
 * The Yanlian CDK app: one stack, checked by cdk-nag's AWS Solutions pack on every synthesis.
 * Context: `stage` ("prod", the default, or "dev"), `alarmEmail`.
 */
export function buildApp(app: App, options: BuildOptions = {}) {
  const stage = app.node.tryGetContext("stage") ?? "prod";
  if (stage !== "prod" && stage !== "dev")
    throw new Error(`context "stage" must be "prod" or "dev", not "${stage}"`);
  const alarmEmail: string | undefined = app.node.tryGetContext("alarmEmail");
  const stack = new YanlianStack(app, stage === "prod" ? "Yanlian" : "Yanlian-dev", {
    stage,
    webAssets: options.webAssets ?? webAssets(),
    ...(alarmEmail ? { alarmEmail } : {}),
    description: "Yanlian (演练): surprise incident drills for community and official-account teams",
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  acknowledgeFindings(stack);
  return stack;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp(new App());
}
