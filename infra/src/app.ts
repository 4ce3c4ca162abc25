import { App } from 'aws-cdk-lib';
import { contextOf, readStageConfig } from './config';
import { GridtongStack, stackName } from './stack';

const app = new App();
const config = readStageConfig(contextOf(app));

new GridtongStack(app, stackName(config), {
  config,
  description: `gridtong ${config.stage}: HTTP API, single table, photo bucket`,
  // No env: the template stays account-, region- and partition-neutral (aws and aws-cn).
});

app.synth();
