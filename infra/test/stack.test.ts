import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { join } from 'node:path';
import { deployedRoutes, routes } from '@gridtong/shared/api/routes';
import { GSI_NAMES, KEYS_ONLY_INDEXES, QUEUE_INDEXES, QUEUE_ROW_ATTRIBUTES } from '@gridtong/functions/store/table-def';
import { readStageConfig, type StageConfig } from '../src/config';
import { repoRoot } from '../src/repo-root';
import { GridtongStack } from '../src/stack';
import { JOB_IDS } from '../src/jobs';

const fixture = join(repoRoot(), 'infra', 'test', 'fixtures', 'handler.ts');

function synth(context: Record<string, string> = {}): Template {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const config: StageConfig = readStageConfig((key) => context[key]);
  const stack = new GridtongStack(app, `Gridtong-${config.stage}`, { config, handlerEntry: () => fixture, jobEntry: () => fixture });
  return Template.fromStack(stack);
}

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: Statement): unknown[] => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

/** Logical id of each route's function, keyed by route id (from the function description). */
function functionsByRoute(template: Template): Map<string, { logicalId: string; props: Record<string, unknown> }> {
  const found = new Map<string, { logicalId: string; props: Record<string, unknown> }>();
  for (const [logicalId, res] of Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, Resource>)) {
    const routeId = /\(([a-z0-9-]+)\)$/.exec(String(res.Properties.Description))?.[1];
    if (routeId) found.set(routeId, { logicalId, props: res.Properties });
  }
  return found;
}

/** Every Allow statement attached to the role of the function for this route. */
function statementsFor(template: Template, routeId: string): Statement[] {
  const fn = functionsByRoute(template).get(routeId);
  if (!fn) throw new Error(`no function for ${routeId}`);
  const role = (fn.props.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).filter((p) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role),
  );
  return policies.flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsFor = (template: Template, routeId: string): string[] => statementsFor(template, routeId).flatMap(actionsOf);

/** The logical id a resource reference points at, for Ref / Fn::GetAtt / Fn::Join shapes. */
const refersTo = (value: unknown, logicalId: string): boolean => JSON.stringify(value).includes(`"${logicalId}"`);

describe('dev stack', () => {
  const template = synth({ stage: 'dev' });
  const logicalIdOf = (type: string, match: (props: Record<string, unknown>) => boolean): string => {
    const hit = Object.entries(template.findResources(type) as Record<string, Resource>).find(([, r]) => match(r.Properties));
    if (!hit) throw new Error(`no ${type} matched`);
    return hit[0];
  };
  const tableId = logicalIdOf('AWS::DynamoDB::Table', (p) => Array.isArray(p.GlobalSecondaryIndexes));
  const idempotencyId = logicalIdOf('AWS::DynamoDB::Table', (p) => !p.GlobalSecondaryIndexes);
  const bucketId = logicalIdOf('AWS::S3::Bucket', () => true);

  it('deploys exactly the route table’s deployed routes, one function each', () => {
    const expected = deployedRoutes().map((r) => `${r.method} ${r.path}`).sort();
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route') as Record<string, Resource>)
      .map((r) => String(r.Properties.RouteKey))
      .sort();
    expect(routeKeys).toEqual(expected);
    expect([...functionsByRoute(template).keys()].sort()).toEqual(deployedRoutes().map((r) => r.id).sort());
    // events: plus the deliverer and the sweep.
    template.resourceCountIs('AWS::Lambda::Function', deployedRoutes().length + JOB_IDS.length);
  });

  it('never deploys local-only routes such as the demo accounts', () => {
    const localOnly = routes.filter((r) => 'localOnly' in r && r.localOnly);
    expect(localOnly.map((r) => r.id)).toContain('dev-accounts');
    const body = JSON.stringify(template.toJSON());
    for (const r of localOnly) {
      expect(body).not.toContain(r.path);
      expect(functionsByRoute(template).has(r.id)).toBe(false);
    }
  });

  it('keeps {id} path parameters as written in the route table', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /v1/cases/{id}' });
  });

  it('runs every function on Node 22, arm64, 512 MB, 10 s, JSON logs kept a month', () => {
    for (const { props } of functionsByRoute(template).values()) {
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 10,
        Handler: 'index.handler',
        LoggingConfig: expect.objectContaining({ LogFormat: 'JSON' }),
      });
    }
    // No custom-resource functions (log retention, auto-delete) on another runtime.
    for (const res of Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Resource>)) {
      expect(res.Properties.Runtime).toBe('nodejs22.x');
    }
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup') as Record<string, Resource>);
    expect(logGroups.length).toBe(deployedRoutes().length + JOB_IDS.length + 1);
    for (const g of logGroups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('gives every function the configuration the handlers read at cold start', () => {
    for (const [routeId, { props }] of functionsByRoute(template)) {
      const vars = (props.Environment as { Variables: Record<string, unknown> }).Variables;
      expect({ routeId, keys: Object.keys(vars).sort() }).toEqual({
        routeId,
        keys: expect.arrayContaining([
          'IDEMPOTENCY_TABLE_NAME',
          'POWERTOOLS_SERVICE_NAME',
          'SESSION_SECRET_ARN',
          'STAGE',
          'TABLE_NAME',
          'UPLOAD_BUCKET',
          'WECHAT_API_BASE',
          'WECHAT_APPID',
          'WECHAT_SECRET_ARN',
        ]),
      });
      expect(vars.STAGE).toBe('dev');
      expect(vars.WECHAT_API_BASE).toBe('https://api.weixin.qq.com');
      expect(refersTo(vars.TABLE_NAME, tableId)).toBe(true);
      expect(refersTo(vars.IDEMPOTENCY_TABLE_NAME, idempotencyId)).toBe(true);
      expect(refersTo(vars.UPLOAD_BUCKET, bucketId)).toBe(true);
      // Secrets travel by ARN only.
      expect(JSON.stringify(vars)).not.toMatch(/SecretString|resolve:secretsmanager/);
    }
  });

  it('declares the single table from table-def: pk/sk, five sparse GSIs, on-demand, PITR', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      // Rate-limit windows and other short-lived items expire by themselves.
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      GlobalSecondaryIndexes: GSI_NAMES.map((name) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: `${name}pk`, KeyType: 'HASH' },
          { AttributeName: `${name}sk`, KeyType: 'RANGE' },
        ],
        // events: gsi5 (outbox, unread) and gsi7 (sweep) carry keys only.
        // the queues carry their row fields, never the timeline or the reporter.
        Projection: KEYS_ONLY_INDEXES.includes(name)
          ? { ProjectionType: 'KEYS_ONLY' }
          : QUEUE_INDEXES.includes(name)
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...QUEUE_ROW_ATTRIBUTES] }
            : { ProjectionType: 'ALL' },
      })),
    });
  });

  it('declares the idempotency table with TTL on expiration', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('keeps the photo bucket private, encrypted, TLS-only, CORS for the H5 origin; only unfiled uploads expire', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: ['http://localhost:10086'] })] },
    });
    const bucket = template.findResources('AWS::S3::Bucket')[bucketId] as Resource;
    expect(bucket.DeletionPolicy).toBe('Retain');
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toEqual([
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
      expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 2, Status: 'Enabled' }),
    ]);
    // Case photos (cases/) and the city snapshot never expire.
    for (const rule of rules) if ('ExpirationInDays' in rule) expect(rule.Prefix).toBe('uploads/');

    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('runs the deliverer on the table stream (pending deliveries only) and both jobs on a schedule, with no Scan', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' }, TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { gsi5pk: { S: [{ prefix: 'OUTBOX#' }] } } } }) },
          // booking items' own outbox partitions
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { gsi5pk: { S: [{ prefix: 'BKOUTBOX#' }] } } } }) },
        ],
      },
    });
    template.resourceCountIs('AWS::Events::Rule', JOB_IDS.length);
    const jobs = Object.values(template.findResources('AWS::Lambda::Function') as Record<string, Resource>).filter((r) => String(r.Properties.Description).startsWith('events job:'));
    expect(jobs).toHaveLength(JOB_IDS.length);
  });

  it('never allows Scan, wildcard DynamoDB resources or s3:*', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Resource>).flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const actions = actionsOf(s);
      expect(actions).not.toContain('dynamodb:Scan');
      expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
      // dynamodb:ListStreams (the deliverer's stream trigger) is the one action IAM only grants on "*".
      if (actions.some((a) => (a.startsWith('dynamodb:') && a !== 'dynamodb:ListStreams') || a.startsWith('s3:'))) {
        expect(resourcesOf(s)).not.toContain('*');
      }
    }
  });

  it('lets read-only routes read the table and nothing more, and keeps reference-data routes off it', () => {
    for (const routeId of ['list-my-cases', 'get-my-case']) {
      const actions = actionsFor(template, routeId);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      expect(actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    }
    for (const routeId of ['get-catalog', 'get-openapi']) {
      expect(actionsFor(template, routeId).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    }
    // Locate keeps a per-resident rate-limit counter, so it writes the table.
    expect(actionsFor(template, 'locate-grid')).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem']));
    // Queries on the sparse GSIs need the index ARNs too.
    const query = statementsFor(template, 'list-my-cases').find((s) => actionsOf(s).includes('dynamodb:Query'));
    expect(JSON.stringify(query?.Resource)).toContain('/index/*');
  });

  it('lets rate-limited routes write their counters', () => {
    for (const routeId of ['auth-wechat', 'create-upload', 'create-case']) {
      expect(actionsFor(template, routeId)).toContain('dynamodb:UpdateItem');
    }
  });

  it('scopes bucket access per route: uploads/, a case\'s own photos under cases/, the city snapshot by its key', () => {
    /** "s3:Action target" where target is the object pattern, or "bucket" for the bucket itself. */
    const s3Grants = (routeId: string): string[] =>
      statementsFor(template, routeId)
        .flatMap((s) => actionsOf(s).filter((a) => a.startsWith('s3:')).flatMap((a) => resourcesOf(s).map((r) => ({ a, r }))))
        .map(({ a, r }) => {
          expect(refersTo(r, bucketId)).toBe(true);
          const join = (r as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
          return `${a} ${join ? String(join[1].at(-1)) : 'bucket'}`;
        })
        .sort();
    const expected: Record<string, string[]> = {
      'create-upload': ['s3:PutObject /uploads/*'],
      'create-case': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*', 's3:ListBucket bucket', 's3:PutObject /cases/*'],
      'get-my-case': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*'],
      'get-catalog': ['s3:GetObject /reference/city.json'],
      'locate-grid': ['s3:GetObject /reference/city.json'],
      // the staff desk and onboarding
      'list-work-cases': ['s3:GetObject /reference/city.json'],
      'get-work-case': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*'],
      'act-on-work-case': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*', 's3:ListBucket bucket', 's3:PutObject /cases/*'],
      'create-invitation': ['s3:GetObject /reference/city.json'],
      'revoke-staff': ['s3:GetObject /reference/city.json'],
      // events: 考核 figures name areas from the city snapshot
      'get-stats': ['s3:GetObject /reference/city.json'],
      // 代办 visits
      'list-booking-slots': ['s3:GetObject /reference/city.json'],
      'create-booking': ['s3:GetObject /reference/city.json'],
      'list-my-bookings': ['s3:GetObject /reference/city.json'],
      'get-my-booking': ['s3:GetObject /reference/city.json'],
      'act-on-my-booking': ['s3:GetObject /reference/city.json'],
      'list-work-bookings': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*'],
      'act-on-work-booking': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*', 's3:ListBucket bucket', 's3:PutObject /cases/*'],
      'get-availability': ['s3:GetObject /reference/city.json'],
      'put-availability': ['s3:GetObject /reference/city.json'],
      'get-work-booking': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*'],
      'list-work-booking-slots': ['s3:GetObject /reference/city.json'],
      'get-visit-stats': ['s3:GetObject /reference/city.json'],
      // a community's figures sum its grids
      'get-community-stats': ['s3:GetObject /reference/city.json'],
      'list-my-cases': ['s3:GetObject /reference/city.json'],
      'list-nearby-cases': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*'],
      'act-on-my-case': ['s3:GetObject /cases/*', 's3:GetObject /reference/city.json', 's3:GetObject /uploads/*', 's3:ListBucket bucket', 's3:PutObject /cases/*'],
      'list-areas': ['s3:GetObject /reference/city.json'],
      'get-me': ['s3:GetObject /reference/city.json'],
      'set-my-home': ['s3:GetObject /reference/city.json'],
    };
    for (const route of deployedRoutes()) {
      expect({ route: route.id, grants: s3Grants(route.id) }).toEqual({ route: route.id, grants: expected[route.id] ?? [] });
    }
  });

  it('gives the idempotency table only to idempotent routes, writes to writers', () => {
    for (const route of deployedRoutes()) {
      const touchesIdempotency = statementsFor(template, route.id).some((s) => refersTo(s.Resource, idempotencyId));
      expect({ route: route.id, touchesIdempotency }).toEqual({ route: route.id, touchesIdempotency: Boolean(route.idempotent) });
    }
    expect(actionsFor(template, 'create-case')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actionsFor(template, 'auth-wechat')).toContain('dynamodb:PutItem');
  });

  it('lets only login read the WeChat AppSecret; the public OpenAPI route reads no secret', () => {
    const wechatSecretId = logicalIdOf('AWS::SecretsManager::Secret', (p) => String(p.Description).includes('AppSecret'));
    const readers = deployedRoutes()
      .filter((r) => statementsFor(template, r.id).some((s) => refersTo(s.Resource, wechatSecretId)))
      .map((r) => r.id)
      .sort();
    expect(readers).toEqual(['auth-wechat']);
    expect(actionsFor(template, 'get-openapi').filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  // envelope encryption of the openid, and the content-check callback token.
  it('lets login only generate openid data keys, and no route decrypt them', () => {
    const kmsActions = (routeId: string) => actionsFor(template, routeId).filter((a) => a.startsWith('kms:')).sort();
    const holders = deployedRoutes().filter((r) => kmsActions(r.id).length > 0).map((r) => r.id);
    expect(holders).toEqual(['auth-wechat']);
    expect(kmsActions('auth-wechat')).toEqual(['kms:GenerateDataKey']);
    // The deliverer, which sends, is the one function that may decrypt.
    const decrypting = Object.entries(template.findResources('AWS::IAM::Policy') as Record<string, Resource>)
      .filter(([, r]) => JSON.stringify(r.Properties).includes('kms:Decrypt'))
      .map(([id]) => id);
    expect(decrypting).toHaveLength(1);
    expect(decrypting[0]).toMatch(/DeliverEvents/);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('lets only the content-check callback read the callback token', () => {
    const tokenId = logicalIdOf('AWS::SecretsManager::Secret', (p) => String(p.Description).includes('content-check callbacks'));
    const readers = deployedRoutes().filter((r) => statementsFor(template, r.id).some((s) => refersTo(s.Resource, tokenId))).map((r) => r.id);
    expect(readers).toEqual(['content-check-callback']);
  });

  it('names no partition literally, so the template deploys to aws-cn too', () => {
    expect(JSON.stringify(template.toJSON())).not.toMatch(/arn:aws(-cn)?:/);
  });

  it('allows the H5 origin only, and throttles the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['http://localhost:10086'] }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: Match.objectLike({ Format: Match.not(Match.stringLikeRegexp('sourceIp|userAgent')) }),
    });
  });
});

describe('prod stack', () => {
  const prodContext = { stage: 'prod', h5Origin: 'https://h5.gridtong.example.cn', wechatAppId: 'wx0123456789abcdef' };
  const template = synth(prodContext);

  it('protects the single table from deletion and keeps it on stack removal', () => {
    const tables = Object.values(template.findResources('AWS::DynamoDB::Table') as Record<string, Resource>);
    const main = tables.find((t) => Array.isArray(t.Properties.GlobalSecondaryIndexes));
    expect(main?.DeletionPolicy).toBe('Retain');
    expect(main?.Properties.DeletionProtectionEnabled).toBe(true);
  });

  it('uses the configured origin and AppID', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://h5.gridtong.example.cn'] }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ STAGE: 'prod', WECHAT_APPID: 'wx0123456789abcdef' }) },
    });
  });

  it('refuses to synthesise prod without its real settings', () => {
    expect(() => synth({ stage: 'prod' })).toThrow(/h5Origin is required|wechatAppId is required/);
    expect(() => synth({ ...prodContext, h5Origin: 'http://h5.gridtong.example.cn' })).toThrow(/https/);
    expect(() => synth({ stage: 'staging' })).toThrow(/dev\|prod/);
  });
});
