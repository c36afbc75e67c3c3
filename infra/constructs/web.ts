import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import {
  API_VIEWER_HEADERS,
  FRAME_OPTIONS,
  HSTS_MAX_AGE_SECONDS,
  REFERRER_POLICY,
  SITE_CSP,
  VIEWER_ADDRESS_HEADER,
} from "../../functions/api/security-headers.js";

export interface WebProps {
  /** The built single-page app (web/dist). */
  assets: s3deploy.ISource;
  /** The API's host name; CloudFront sends `/api/*` there, so the site and the API share one origin. */
  apiDomainName: string;
  production: boolean;
}

/** Paths without a file extension are the app's own routes: the browser gets index.html and the router takes over. */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  if (!request.uri.startsWith('/api/') && request.uri.lastIndexOf('.') <= request.uri.lastIndexOf('/')) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * The web app on a private bucket behind CloudFront (origin access control: only this distribution
 * may read it), with the API behind the same domain, so session cookies stay first-party and
 * SameSite=Lax holds. The SPA fallback is a viewer-request function rather than a 404→index.html
 * error response, which would also rewrite the API's own 404s.
 */
export class Web extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;
  readonly logs: s3.Bucket;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.logs = new s3.Bucket(this, "Logs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy,
      // A dev stage is torn down with `cdk destroy`, which cannot delete a bucket that still holds logs.
      autoDeleteObjects: !props.production,
    });
    this.bucket = new s3.Bucket(this, "Site", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: "s3/",
      removalPolicy,
      autoDeleteObjects: !props.production,
    });

    // The values live in functions/api/security-headers.ts, which `npm start` serves too.
    const referrerPolicy = Object.values(cloudfront.HeadersReferrerPolicy).find((p) => p === REFERRER_POLICY);
    if (!referrerPolicy) throw new Error(`CloudFront has no referrer policy "${REFERRER_POLICY}"`);
    const securityHeaders = {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption[FRAME_OPTIONS], override: true },
      referrerPolicy: { referrerPolicy, override: true },
    };
    const siteHeaders = new cloudfront.ResponseHeadersPolicy(this, "SiteHeaders", {
      comment: "Yanlian web app: security headers and a strict content security policy",
      securityHeadersBehavior: {
        ...securityHeaders,
        contentSecurityPolicy: { contentSecurityPolicy: SITE_CSP, override: true },
      },
    });
    // The API's own pages (the reference at /api/docs) send their own, stricter CSP, so this behaviour
    // gets the other headers but not the site's CSP, which would replace theirs.
    const apiHeaders = new cloudfront.ResponseHeadersPolicy(this, "ApiHeaders", {
      comment: "Yanlian API: security headers",
      securityHeadersBehavior: securityHeaders,
    });

    // Not the managed AllViewerExceptHostHeader: it forwards no CloudFront header, so every viewer
    // would reach the API as the edge's own address and share one sign-in bucket. CloudFront sets
    // CloudFront-Viewer-Address itself when a policy asks for it.
    const apiRequests = new cloudfront.OriginRequestPolicy(this, "ApiRequests", {
      comment:
        "Yanlian /api/*: cookies, query strings, the viewer headers the API reads, the viewer address; never Host",
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(
        ...API_VIEWER_HEADERS,
        VIEWER_ADDRESS_HEADER,
      ),
    });
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "Yanlian",
      defaultRootObject: "index.html",
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: siteHeaders,
        compress: true,
        functionAssociations: [
          {
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
            function: new cloudfront.Function(this, "SpaFallback", {
              code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK),
              runtime: cloudfront.FunctionRuntime.JS_2_0,
              comment: "Serve index.html for the app's client-side routes",
            }),
          },
        ],
      },
      additionalBehaviors: {
        "/api/*": {
          origin: new origins.HttpOrigin(props.apiDomainName, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Cookies, query strings, the headers the API reads and the viewer's address reach the app; Host
          // stays the API's own, as API Gateway requires.
          originRequestPolicy: apiRequests,
          responseHeadersPolicy: apiHeaders,
        },
      },
    });

    new s3deploy.BucketDeployment(this, "Deploy", {
      sources: [props.assets],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
    });
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
