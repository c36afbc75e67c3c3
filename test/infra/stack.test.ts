import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { DETAIL_TYPES, EVENT_SOURCE } from "../../functions/core/ports.js";
import { GSI1, TTL_ATTRIBUTE } from "../../functions/store/table.js";
import { synthApp } from "../support/infra.js";

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are read as plain JSON
type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

describe("the Yanlian stack (prod)", () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const logicalId = (type: string, prefix: string) => {
    const found = ofType(type).find(([id]) => id.startsWith(prefix));
    if (!found) throw new Error(`no ${type} named ${prefix}*`);
    return found[0];
  };
  /** Every statement of every policy attached to the role with this logical id. */
  const statementsOf = (roleId: string): Statement[] =>
    ofType("AWS::IAM::Policy")
      .filter(([, p]) =>
        (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r).includes(`"${roleId}"`)),
      )
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  const fnRole = (handler: string) => logicalId("AWS::IAM::Role", `${handler}FunctionRole`);

  beforeAll(() => {
    const { stack } = synthApp();
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
  });

  describe("data", () => {
    it("is the store's table: its keys and index, on demand, recoverable, encrypted, expiring, and kept", () => {
      template.hasResource("AWS::DynamoDB::Table", {
        DeletionPolicy: "Retain",
        UpdateReplacePolicy: "Retain",
        Properties: {
          KeySchema: [
            { AttributeName: "pk", KeyType: "HASH" },
            { AttributeName: "sk", KeyType: "RANGE" },
          ],
          BillingMode: "PAY_PER_REQUEST",
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
          DeletionProtectionEnabled: true,
          GlobalSecondaryIndexes: [
            {
              IndexName: GSI1,
              KeySchema: [
                { AttributeName: "gsi1pk", KeyType: "HASH" },
                { AttributeName: "gsi1sk", KeyType: "RANGE" },
              ],
              Projection: { ProjectionType: "ALL" },
            },
          ],
        },
      });
    });
  });

  describe("functions", () => {
    const handlers = ["Api", "Injector", "Closer", "Planner", "Notifier"];

    it("runs the five handlers on Node.js 22, arm64, ESM, with JSON logs kept for a set time", () => {
      const functions = ofType("AWS::Lambda::Function").filter(([id]) =>
        handlers.some((h) => id.startsWith(`${h}Function`)),
      );
      expect(functions.map(([id]) => id.replace(/Function.*/, "")).sort()).toEqual([...handlers].sort());
      for (const [, fn] of functions) {
        expect(fn.Properties).toMatchObject({
          Runtime: "nodejs22.x",
          Architectures: ["arm64"],
          Handler: "index.handler",
          LoggingConfig: { LogFormat: "JSON", ApplicationLogLevel: "INFO" },
          Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: "--enable-source-maps" }) },
        });
      }
      for (const h of handlers) {
        template.hasResourceProperties("AWS::Logs::LogGroup", {
          LogGroupName: `/aws/lambda/Yanlian-${h.toLowerCase()}`,
          RetentionInDays: 90,
        });
      }
    });

    it("gives every function the store, the bus, the schedule group and the schedule targets", () => {
      for (const h of handlers) {
        const fn = resources[logicalId("AWS::Lambda::Function", `${h}Function`)]!;
        const env = fn.Properties.Environment.Variables;
        expect(Object.keys(env)).toEqual(
          expect.arrayContaining([
            "YANLIAN_TABLE",
            "YANLIAN_PUBLIC_URL",
            "YANLIAN_BUS_NAME",
            "YANLIAN_SCHEDULE_GROUP",
            "YANLIAN_SCHEDULER_ROLE_ARN",
            "YANLIAN_DLQ_ARN",
            "YANLIAN_INJECTOR_ARN",
            "YANLIAN_CLOSER_ARN",
            "YANLIAN_PLANNER_ARN",
            "YANLIAN_NOTIFIER_ARN",
          ]),
        );
        expect(env.YANLIAN_SCHEDULE_GROUP).toBe("Yanlian-drills");
        // Keys are never in the environment, only the ARNs of the secrets that hold them.
        expect(Object.keys(env).filter((k) => /KEY$|TOKEN$/.test(k))).toEqual([]);
      }
    });

    it("hands secrets only to the functions that use them: the api all three, the notifier the link key", () => {
      const secretEnv = (h: string) =>
        Object.keys(
          resources[logicalId("AWS::Lambda::Function", `${h}Function`)]!.Properties.Environment.Variables,
        ).filter((k) => k.endsWith("_SECRET"));
      expect(secretEnv("Api").sort()).toEqual([
        "YANLIAN_LINK_KEY_SECRET",
        "YANLIAN_SESSION_KEY_SECRET",
        "YANLIAN_SETUP_TOKEN_SECRET",
      ]);
      expect(secretEnv("Notifier")).toEqual(["YANLIAN_LINK_KEY_SECRET"]);
      for (const h of ["Injector", "Closer", "Planner"]) expect(secretEnv(h)).toEqual([]);

      const readers = (secretPrefix: string) => {
        const secretId = logicalId("AWS::SecretsManager::Secret", secretPrefix);
        return handlers.filter((h) =>
          statementsOf(fnRole(h)).some(
            (s) =>
              actionsOf(s).includes("secretsmanager:GetSecretValue") &&
              JSON.stringify(s.Resource).includes(`"${secretId}"`),
          ),
        );
      };
      expect(readers("SessionKey")).toEqual(["Api"]);
      expect(readers("SetupToken")).toEqual(["Api"]);
      expect(readers("LinkKey")).toEqual(["Api", "Notifier"]);
      template.resourceCountIs("AWS::SecretsManager::Secret", 3);
      template.allResourcesProperties("AWS::SecretsManager::Secret", {
        GenerateSecretString: Match.objectLike({ ExcludePunctuation: true }),
      });
    });

    it("raises an alarm when a function fails or runs away", () => {
      for (const h of handlers) {
        const fnId = logicalId("AWS::Lambda::Function", `${h}Function`);
        for (const metric of ["Invocations", "Errors"]) {
          template.hasResourceProperties("AWS::CloudWatch::Alarm", {
            MetricName: metric,
            Namespace: "AWS/Lambda",
            Dimensions: [{ Name: "FunctionName", Value: { Ref: fnId } }],
            AlarmActions: [{ Ref: logicalId("AWS::SNS::Topic", "Alarms") }],
          });
        }
      }
    });
  });

  describe("scheduling", () => {
    it("has a schedule group for the drills", () => {
      template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", { Name: "Yanlian-drills" });
    });

    it("lets only EventBridge Scheduler, for this account's drill schedules, assume the scheduler role", () => {
      template.hasResourceProperties("AWS::IAM::Role", {
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Action: "sts:AssumeRole",
              Effect: "Allow",
              Principal: { Service: "scheduler.amazonaws.com" },
              Condition: {
                StringEquals: { "aws:SourceAccount": { Ref: "AWS::AccountId" } },
                ArnLike: {
                  "aws:SourceArn": {
                    "Fn::Join": [
                      "",
                      Match.arrayWith([Match.stringLikeRegexp(":schedule/Yanlian-drills/\\*$")]),
                    ],
                  },
                },
              },
            },
          ],
        },
      });
    });

    it("lets the scheduler role invoke only the injector, closer, planner and notifier, and feed the DLQ", () => {
      const roleId = logicalId("AWS::IAM::Role", "SchedulingRole");
      const statements = statementsOf(roleId);
      const invoke = statements.filter((s) => actionsOf(s).includes("lambda:InvokeFunction"));
      const targets = invoke.flatMap(resourcesOf).map((r) => JSON.stringify(r));
      expect(targets).toHaveLength(4);
      for (const name of ["injector", "closer", "planner", "notifier"]) {
        expect(targets.some((t) => t.includes(`:function:Yanlian-${name}`))).toBe(true);
      }
      expect(targets.some((t) => t.includes("Yanlian-api"))).toBe(false);
      const dlqId = logicalId("AWS::SQS::Queue", "SchedulingDeadLetters");
      expect(
        statements.some(
          (s) => actionsOf(s).includes("sqs:SendMessage") && JSON.stringify(s.Resource).includes(dlqId),
        ),
      ).toBe(true);
    });

    it("lets each function manage schedules only in the drills' group and pass only the scheduler role, only to the scheduler", () => {
      const schedulerRoleId = logicalId("AWS::IAM::Role", "SchedulingRole");
      for (const h of ["Api", "Injector", "Closer", "Planner", "Notifier"]) {
        const statements = statementsOf(fnRole(h));
        const manage = statements.find((s) => actionsOf(s).includes("scheduler:CreateSchedule"));
        expect(manage, h).toBeDefined();
        expect(actionsOf(manage!).sort()).toEqual([
          "scheduler:CreateSchedule",
          "scheduler:DeleteSchedule",
          "scheduler:GetSchedule",
          "scheduler:UpdateSchedule",
        ]);
        expect(JSON.stringify(manage!.Resource)).toMatch(/:schedule\/Yanlian-drills\/\*"/);
        const pass = statements.find((s) => actionsOf(s).includes("iam:PassRole"));
        expect(pass, h).toMatchObject({
          Resource: { "Fn::GetAtt": [schedulerRoleId, "Arn"] },
          Condition: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
        });
      }
    });

    it("keeps undeliverable schedules in an encrypted DLQ whose depth raises an alarm", () => {
      const dlqId = logicalId("AWS::SQS::Queue", "SchedulingDeadLetters");
      expect(resources[dlqId]!.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      });
      template.hasResourceProperties("AWS::CloudWatch::Alarm", {
        MetricName: "ApproximateNumberOfMessagesVisible",
        Namespace: "AWS/SQS",
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [dlqId, "QueueName"] } }],
        Threshold: 0,
        ComparisonOperator: "GreaterThanThreshold",
        AlarmActions: [{ Ref: logicalId("AWS::SNS::Topic", "Alarms") }],
      });
    });
  });

  describe("events", () => {
    it("has the drills' bus, an archive of its events, and a rule that pages on Drill Injected", () => {
      const busId = logicalId("AWS::Events::EventBus", "EventsBus");
      template.hasResourceProperties("AWS::Events::EventBus", { Name: "Yanlian-drills" });
      template.hasResourceProperties("AWS::Events::Archive", {
        SourceArn: { "Fn::GetAtt": [busId, "Arn"] },
        EventPattern: { source: [EVENT_SOURCE] },
        RetentionDays: 90,
      });
      template.hasResourceProperties("AWS::Events::Rule", {
        EventBusName: { Ref: busId },
        EventPattern: { source: [EVENT_SOURCE], "detail-type": [DETAIL_TYPES.injected] },
        Targets: [
          Match.objectLike({
            Arn: { "Fn::GetAtt": [logicalId("AWS::Lambda::Function", "NotifierFunction"), "Arn"] },
            DeadLetterConfig: {
              Arn: { "Fn::GetAtt": [logicalId("AWS::SQS::Queue", "SchedulingDeadLetters"), "Arn"] },
            },
            RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
          }),
        ],
      });
    });

    it("lets the functions publish to that bus and no other", () => {
      const busId = logicalId("AWS::Events::EventBus", "EventsBus");
      for (const h of ["Api", "Injector", "Closer", "Planner", "Notifier"]) {
        const put = statementsOf(fnRole(h)).filter((s) => actionsOf(s).includes("events:PutEvents"));
        expect(put.flatMap(resourcesOf)).toEqual([{ "Fn::GetAtt": [busId, "Arn"] }]);
      }
    });
  });

  describe("api", () => {
    it("sends every /api route to the api function through an HTTP API with throttling and access logs", () => {
      template.hasResourceProperties("AWS::ApiGatewayV2::Route", { RouteKey: "ANY /api/{proxy+}" });
      template.hasResourceProperties("AWS::ApiGatewayV2::Integration", {
        IntegrationType: "AWS_PROXY",
        PayloadFormatVersion: "2.0",
        IntegrationUri: { "Fn::GetAtt": [logicalId("AWS::Lambda::Function", "ApiFunction"), "Arn"] },
      });
      template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
        StageName: "$default",
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
        AccessLogSettings: {
          DestinationArn: Match.anyValue(),
          Format: Match.stringLikeRegexp("\\$context.requestId"),
        },
      });
    });
  });

  describe("web", () => {
    it("keeps the site in a private, encrypted bucket that only the distribution reads", () => {
      const siteId = logicalId("AWS::S3::Bucket", "WebSite");
      expect(resources[siteId]!.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
        },
      });
      template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
        OriginAccessControlConfig: Match.objectLike({
          OriginAccessControlOriginType: "s3",
          SigningBehavior: "always",
        }),
      });
      template.hasResourceProperties("AWS::S3::BucketPolicy", {
        Bucket: { Ref: siteId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: "s3:GetObject",
              Principal: { Service: "cloudfront.amazonaws.com" },
              Condition: { StringEquals: { "AWS:SourceArn": Match.anyValue() } },
            }),
          ]),
        },
      });
    });

    it("serves the app with security headers and an SPA fallback, and /api/* from the API uncached", () => {
      const dist = ofType("AWS::CloudFront::Distribution")[0]![1].Properties.DistributionConfig;
      expect(dist.DefaultRootObject).toBe("index.html");
      expect(dist.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
      expect(dist.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe("viewer-request");
      // No distribution-wide error pages: they would turn the API's JSON 404s into index.html.
      expect(dist.CustomErrorResponses).toBeUndefined();
      const api = dist.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === "/api/*");
      expect(api).toMatchObject({
        ViewerProtocolPolicy: "https-only",
        AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
        CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
      });
      // The API's own origin request policy, not the managed AllViewerExceptHostHeader: that one sends no
      // CloudFront header, so every viewer would reach the sign-in limits as the edge's address.
      expect(api.OriginRequestPolicyId).toEqual({
        Ref: logicalId("AWS::CloudFront::OriginRequestPolicy", "WebApiRequests"),
      });
      const apiOrigin = dist.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
      expect(JSON.stringify(apiOrigin.DomainName)).toContain(logicalId("AWS::ApiGatewayV2::Api", "ApiHttp"));
      template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
        ResponseHeadersPolicyConfig: {
          SecurityHeadersConfig: Match.objectLike({
            ContentSecurityPolicy: {
              ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'.*frame-ancestors 'none'"),
              Override: true,
            },
            StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
            FrameOptions: { FrameOption: "DENY", Override: true },
            ContentTypeOptions: { Override: true },
          }),
        },
      });
    });

    it("/api/* forwards cookies, query strings, the headers the API reads and CloudFront-Viewer-Address, never Host", () => {
      const policies = ofType("AWS::CloudFront::OriginRequestPolicy");
      expect(policies).toHaveLength(1);
      const config = policies[0]![1].Properties.OriginRequestPolicyConfig;
      expect(config.CookiesConfig).toEqual({ CookieBehavior: "all" });
      expect(config.QueryStringsConfig).toEqual({ QueryStringBehavior: "all" });
      // A list, so Host is not sent: API Gateway answers 403 to a Host that is not its own.
      expect(config.HeadersConfig.HeaderBehavior).toBe("whitelist");
      const headers = (config.HeadersConfig.Headers as string[]).map((h) => h.toLowerCase());
      expect(headers).toContain("cloudfront-viewer-address");
      expect(headers).not.toContain("host");
      // What the API reads: the JSON body's type and the CSRF guard's two headers.
      expect(headers).toEqual(expect.arrayContaining(["content-type", "origin", "sec-fetch-site"]));
      // CloudFront's quota: at most 10 headers in an origin request policy.
      expect(headers.length).toBeLessThanOrEqual(10);
    });

    it("the SPA fallback rewrites app routes to index.html, never files or the API", () => {
      const code = ofType("AWS::CloudFront::Function")[0]![1].Properties.FunctionCode as string;
      const handler = new Function(`${code}; return handler;`)() as (e: unknown) => { uri: string };
      const uri = (path: string) => handler({ request: { uri: path } }).uri;
      expect(uri("/drills/dr-1/war-room")).toBe("/index.html");
      expect(uri("/")).toBe("/index.html");
      expect(uri("/assets/index-abc.js")).toBe("/assets/index-abc.js");
      expect(uri("/api/teams")).toBe("/api/teams");
    });
  });

  it("scopes every policy statement of Yanlian's own roles to named resources", () => {
    const ownRoles = ofType("AWS::IAM::Role")
      .map(([id]) => id)
      .filter((id) => !id.startsWith("CustomCDKBucketDeployment"));
    expect(ownRoles.length).toBeGreaterThanOrEqual(6);
    for (const roleId of ownRoles) {
      for (const statement of statementsOf(roleId)) {
        expect(resourcesOf(statement), `${roleId}: ${JSON.stringify(statement.Action)}`).not.toContain("*");
        for (const action of actionsOf(statement)) expect(action, roleId).not.toMatch(/^[a-z0-9-]+:\*$/);
      }
      // No AWS managed policies on our roles: each has exactly what the stack grants it.
      expect(resources[roleId]!.Properties.ManagedPolicyArns, roleId).toBeUndefined();
    }
  });

  it("outputs the site URL, the API URL, the bus name and the setup-token secret's name", () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(["SiteUrl", "ApiUrl", "BusName", "SetupTokenSecretName"]),
    );
    expect(JSON.stringify(outputs.SetupTokenSecretName!.Value)).toContain(
      logicalId("AWS::SecretsManager::Secret", "SetupToken"),
    );
  });
});

describe("the Yanlian stack (dev stage)", () => {
  it("can be torn down: no deletion protection, and data is deleted with the stack", () => {
    const { stack } = synthApp({ stage: "dev" });
    const template = Template.fromStack(stack);
    expect(stack.stackName).toBe("Yanlian-dev");
    template.hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Delete",
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", { Name: "Yanlian-dev-drills" });
  });
});
