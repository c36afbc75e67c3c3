import { Validations } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import type { YanlianStack } from "./stack.js";

const rule = (id: string) => `AwsSolutions::AwsSolutions-${id}`;

/**
 * Every cdk-nag (AWS Solutions) finding the stack accepts, on the narrowest construct it applies to,
 * each with the reason it is accepted. A new finding anywhere fails `npm test` until it is fixed
 * or written down here.
 */
export const ACKNOWLEDGEMENTS = {
  tableIndexes: {
    id: rule("IAM5[Resource::<DataTableFDBAD0F2.Arn>/index/*]"),
    reason:
      "The store queries its own table's index (gsi1); CDK's grant names the table's indexes as table/index/*, which covers only this table.",
  },
  schedules: {
    id: (stackName: string) =>
      rule(
        `IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${stackName}-drills/*]`,
      ),
    reason:
      "Schedules are created at run time, one per drill and step, with names not known at deploy time; the wildcard is confined to the drills' own schedule group.",
  },
  runtime: {
    id: rule("L1"),
    reason:
      "nodejs22.x is a supported LTS runtime and the one the bundles are built and tested for (esbuild target node22); moving to a newer runtime is a one-line change in YanlianFunction once the toolchain is tested on it.",
  },
  apiAuthorization: {
    id: rule("APIG4"),
    reason:
      "The Hono app authenticates every request itself (signed session cookie, or a signed single-use link) and checks the caller's role in the team that owns the object; an API Gateway authorizer would duplicate that with less context.",
  },
  deadLetterQueue: {
    id: rule("SQS3"),
    reason:
      "This queue is the dead-letter queue for the scheduler and the event rule; it needs none of its own.",
  },
  secretRotation: {
    id: rule("SMG4"),
    reason:
      "HMAC signing keys and a one-time setup token: rotating a signing key signs everyone out and voids pages in flight, so it is done on purpose (put-secret-value, then a deploy); the setup token is worthless once the first manager exists.",
  },
  tlsWithDefaultCertificate: {
    id: rule("CFR4"),
    reason:
      "The distribution asks for TLSv1.2_2021, but with the default *.cloudfront.net certificate CloudFront keeps accepting TLSv1; a custom domain with an ACM certificate applies the minimum. See infra/README.md.",
  },
  geoRestriction: {
    id: rule("CFR1"),
    reason:
      "Teams and their on-call staff work from anywhere, including abroad; there is no region to restrict to.",
  },
  waf: {
    id: rule("CFR2"),
    reason:
      "A web ACL costs more than the rest of a small deployment; API Gateway throttling, the sign-in rate limit and body limits bound abuse. Attach a WAF web ACL for a public, high-traffic deployment.",
  },
  deploymentRuntime: {
    id: rule("L1"),
    reason: "CDK's BucketDeployment custom resource picks its own runtime; it runs only during deployments.",
  },
  deploymentManagedPolicy: {
    id: rule("IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]"),
    reason:
      "CDK's BucketDeployment custom resource writes its own logs with the basic execution policy; it runs only during deployments.",
  },
  deploymentWildcards: {
    ids: [
      "IAM5[Action::s3:GetObject*]",
      "IAM5[Action::s3:GetBucket*]",
      "IAM5[Action::s3:List*]",
      "IAM5[Action::s3:DeleteObject*]",
      "IAM5[Action::s3:Abort*]",
      "IAM5[Resource::*]",
      "IAM5[Resource::<WebSiteD504717C.Arn>/*]",
      "IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]",
    ].map(rule),
    reason:
      "CDK's BucketDeployment copies the built web app from the CDK asset bucket into the site bucket and invalidates CloudFront; its grants are CDK's own, scoped to those two buckets and the distribution.",
  },
} as const;

export function acknowledgeFindings(stack: YanlianStack): void {
  const ack = (scope: IConstruct, a: { id: string; reason: string }) =>
    Validations.of(scope).acknowledge({ id: a.id, reason: a.reason });
  for (const fn of Object.values(stack.functions)) {
    ack(fn, ACKNOWLEDGEMENTS.runtime);
    ack(fn.role ?? fn, ACKNOWLEDGEMENTS.tableIndexes);
    ack(fn.role ?? fn, { ...ACKNOWLEDGEMENTS.schedules, id: ACKNOWLEDGEMENTS.schedules.id(stack.stackName) });
  }
  const at = (path: string) => stack.node.findChild(path);
  ack(at("Api"), ACKNOWLEDGEMENTS.apiAuthorization);
  ack(at("Scheduling").node.findChild("DeadLetters"), ACKNOWLEDGEMENTS.deadLetterQueue);
  for (const secret of ["SessionKey", "LinkKey", "SetupToken"])
    ack(at(secret), ACKNOWLEDGEMENTS.secretRotation);
  const distribution = at("Web").node.findChild("Distribution");
  ack(distribution, ACKNOWLEDGEMENTS.tlsWithDefaultCertificate);
  ack(distribution, ACKNOWLEDGEMENTS.geoRestriction);
  ack(distribution, ACKNOWLEDGEMENTS.waf);
  for (const deployment of stack.node.children.filter((c) =>
    c.node.id.startsWith("Custom::CDKBucketDeployment"),
  )) {
    ack(deployment, ACKNOWLEDGEMENTS.deploymentRuntime);
    ack(deployment, ACKNOWLEDGEMENTS.deploymentManagedPolicy);
    for (const id of ACKNOWLEDGEMENTS.deploymentWildcards.ids) {
      ack(deployment, { id, reason: ACKNOWLEDGEMENTS.deploymentWildcards.reason });
    }
  }
}
