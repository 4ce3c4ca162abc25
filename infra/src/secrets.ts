import { RemovalPolicy } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from './config';

export interface SecretsProps {
  config: StageConfig;
}

/** Secrets are passed to functions by ARN and read at cold start, never put in env vars. */
export class Secrets extends Construct {
  /** HS256 key for our own session tokens. Replacing it signs everyone out. */
  readonly sessionSecret: secretsmanager.ISecret;
  /** The mini-program AppSecret (jscode2session, stable_token). */
  readonly wechatSecret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, { config }: SecretsProps) {
    super(scope, id);
    const removalPolicy = config.stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.sessionSecret = new secretsmanager.Secret(this, 'SessionSecret', {
      description: `gridtong ${config.stage}: session token signing key`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy,
    });

    this.wechatSecret = config.wechatSecretArn
      ? secretsmanager.Secret.fromSecretCompleteArn(this, 'WechatAppSecret', config.wechatSecretArn)
      : new secretsmanager.Secret(this, 'WechatAppSecret', {
          description: `gridtong ${config.stage}: WeChat AppSecret for ${config.wechatAppId}; a random placeholder until an operator puts the real value`,
          generateSecretString: { passwordLength: 32, excludePunctuation: true },
          removalPolicy,
        });
  }
}
