import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { readConfig } from '../src/config';
import { handler } from '../src/handlers/dev-accounts';
import { createRuntime, setRuntime } from '../src/runtime';

describe('local-only routes', () => {
  afterEach(() => setRuntime(null));

  it('answer 404 when the function runs outside the local stack', async () => {
    setRuntime(createRuntime(readConfig({ SESSION_SECRET: 'x'.repeat(32), LOCAL_DEV_ROUTES: '0' })));
    const event = { version: '2.0', rawPath: '/v1/dev/accounts', headers: {}, requestContext: { http: { method: 'GET', sourceIp: '127.0.0.1' } } } as unknown as APIGatewayProxyEventV2;

    const result = await handler(event, { functionName: 'dev-accounts', awsRequestId: '1' } as Context);

    expect(result.statusCode).toBe(404);
    expect(JSON.parse(result.body as string).error.code).toBe('ROUTE.NOT_FOUND');
  });
});
