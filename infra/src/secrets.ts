import { RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
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
  /** Wraps the data keys that seal each resident's openid (envelope encryption). */
  readonly openidKey: kms.Key;
  /** The token WeChat signs content-check callbacks with (set the same in the mini-program console). */
  readonly wechatCallbackToken: secretsmanager.ISecret;

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

    this.openidKey = new kms.Key(this, 'OpenidKey', {
      description: `gridtong ${config.stage}: wraps the data keys that seal WeChat openids`,
      enableKeyRotation: true,
      removalPolicy,
    });
    this.wechatCallbackToken = new secretsmanager.Secret(this, 'WechatCallbackToken', {
      description: `gridtong ${config.stage}: token of WeChat's message push (content-check callbacks)`,
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
      removalPolicy,
    });
  }
}
