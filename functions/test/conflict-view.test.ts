import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { readConfig } from '../src/config';
import { conflictWith } from '../src/conflict';
import { defineRoute } from '../src/http/route';
import { createRuntime, setRuntime, type Runtime } from '../src/runtime';

const NOW = new Date('2026-12-07T02:00:00.000Z');
const CASE_ID = 'C00000000000000001';
const stored = { id: CASE_ID, version: 3, residentId: 'Rsecret', contactPhone: '13800138000' };

let rt: Runtime;

beforeEach(() => {
  rt = createRuntime(readConfig({ SESSION_SECRET: 'x'.repeat(32) }), { now: () => NOW });
  setRuntime(rt);
});

afterEach(() => setRuntime(null));

async function call(handler: ReturnType<typeof defineRoute>) {
  const { token } = await (await rt.sessions()).issue({ userId: 'Rme', role: 'resident', scope: { areas: [] } }, NOW);
  const event = {
    version: '2.0',
    rawPath: `/v1/cases/${CASE_ID}`,
    headers: { authorization: `Bearer ${token}` },
    pathParameters: { id: CASE_ID },
    requestContext: { http: { method: 'GET', sourceIp: '127.0.0.1' } },
  } as unknown as APIGatewayProxyEventV2;
  const result = await handler(event, { functionName: 'get-my-case', awsRequestId: '1' } as Context);
  return { status: result.statusCode, body: JSON.parse(result.body as string) as { error: { code: string; current?: unknown } } };
}

describe('a conflict at the edge', () => {
  it('leaves with the caller’s view of the current aggregate, rendered by the route', async () => {
    const handler = defineRoute(
      'get-my-case',
      async () => {
        throw conflictWith('CASE.VERSION_CONFLICT', '案件已有新的进展，请查看最新状态后再操作', stored);
      },
      { conflictView: (current: typeof stored, req) => ({ id: current.id, version: current.version, viewer: req.principal.userId }) },
    );

    const answer = await call(handler);

    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'CASE.VERSION_CONFLICT', current: { id: CASE_ID, version: 3, viewer: 'Rme' } });
    expect(JSON.stringify(answer.body)).not.toContain('13800138000');
  });

  it('never sends the stored aggregate from a route that does not render it', async () => {
    const handler = defineRoute('get-my-case', async () => {
      throw conflictWith('CASE.VERSION_CONFLICT', '案件已有新的进展，请查看最新状态后再操作', stored);
    });

    const answer = await call(handler);

    expect(answer.status).toBe(409);
    expect(answer.body.error.current).toBeUndefined();
    expect(JSON.stringify(answer.body)).not.toContain('Rsecret');
  });
});
