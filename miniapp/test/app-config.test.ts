import type { AppConfig } from '@tarojs/taro';

// app.config.ts calls the compile-time global defineAppConfig.
Object.assign(globalThis, { defineAppConfig: (c: AppConfig) => c });

const load = async (): Promise<AppConfig> => (await import('../src/app.config')).default as AppConfig;

describe('app config (becomes app.json)', () => {
  it('declares the location APIs and opts in to the privacy check', async () => {
    const config = await load();
    expect(config.requiredPrivateInfos).toEqual(expect.arrayContaining(['getLocation', 'chooseLocation']));
    expect(config.__usePrivacyCheck__).toBe(true);
    expect(config.permission?.['scope.userLocation']?.desc).toBeTruthy();
  });

  it('keeps every tabBar page in the main package', async () => {
    const config = await load();
    const tabPages = config.tabBar?.list.map((t) => t.pagePath) ?? [];
    expect(tabPages).toEqual(['pages/index/index', 'pages/cases/index', 'pages/messages/index', 'pages/me/index']);
    for (const page of tabPages) expect(config.pages).toContain(page);
  });

  it('puts the worker desk in its own subpackage', async () => {
    const config = await load();
    const worker = (config.subPackages ?? config.subpackages ?? []).find((p) => p.root === 'worker');
    expect(worker?.pages.length).toBeGreaterThan(0);
    expect(config.pages?.some((p) => p.startsWith('worker/'))).toBe(false);
  });
});
