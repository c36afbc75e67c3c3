import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { describe, expect, it } from "vitest";
import { ACKNOWLEDGEMENTS } from "../../infra/nag.js";
import { synthApp } from "../support/infra.js";

describe("cdk-nag's AWS Solutions checks on the app", () => {
  it.each(["prod", "dev"] as const)("leave no unacknowledged error in the %s stage", (stage) => {
    const { app, outdir } = synthApp({ stage });
    expect(() => app.synth()).not.toThrow();
    const report = JSON.parse(readFileSync(join(outdir, "validation-report.json"), "utf8"));
    expect(JSON.stringify(report)).toContain("AwsSolutions");
  });

  it("stop the synthesis when something new breaks a rule", () => {
    const { app, stack } = synthApp();
    // A queue without TLS enforcement or a DLQ, and not acknowledged anywhere.
    new sqs.Queue(stack, "Careless", { encryption: sqs.QueueEncryption.UNENCRYPTED });
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS/);
  });

  it("give every acknowledgement a written reason", () => {
    for (const [name, ack] of Object.entries(ACKNOWLEDGEMENTS)) {
      expect(ack.reason.length, name).toBeGreaterThan(60);
    }
  });
});
