import type { LocalStack } from '@gridtong/functions/local/stack';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A thin HTTP client over the running stack: real requests, parsed answers. */
export function client(stack: Pick<LocalStack, 'url'>) {
  async function call<T = any>(method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.raw !== undefined) body = init.raw;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${stack.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>) => call<T>('POST', path, { body, token, headers }),
    async login(code: string): Promise<{ token: string; userId: string; role: string }> {
      const answer = await call<any>('POST', '/v1/auth/wechat', { body: { code } });
      if (answer.status !== 200) throw new Error(`login ${code} failed: ${answer.status} ${answer.text}`);
      return { token: answer.body.token, userId: answer.body.user.userId, role: answer.body.user.role };
    },
  };
}

/** A small but real JPEG (SOI … EOI) above the 1 KB minimum. */
export function fakeJpeg(bytes = 4096): Uint8Array {
  const data = new Uint8Array(bytes);
  data.set([0xff, 0xd8, 0xff, 0xe0], 0);
  for (let i = 4; i < bytes - 2; i++) data[i] = (i * 31) % 251;
  data.set([0xff, 0xd9], bytes - 2);
  return data;
}

/** Does what wx.uploadFile does with the presigned POST: multipart form, file last. */
export async function uploadPhoto(api: ReturnType<typeof client>, token: string, contentType = 'image/jpeg', photo: Uint8Array = fakeJpeg()): Promise<string> {
  const presign = await api.post<any>('/v1/uploads', { contentType, size: photo.length }, token);
  if (presign.status !== 201) throw new Error(`presign failed: ${presign.status} ${presign.text}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(presign.body.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([photo], { type: contentType }), 'photo.jpg');
  const upload = await fetch(presign.body.url, { method: 'POST', body: form });
  if (upload.status >= 300) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
  return presign.body.key as string;
}
