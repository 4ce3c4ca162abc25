import Taro from '@tarojs/taro';

/**
 * The only module that calls Taro.*: page logic and the API client go through this
 * object, so tests can replace any method with jest.spyOn(platform, ...).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  url: string;
  method: HttpMethod;
  data?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  data: unknown;
}

/** The request never got an HTTP answer: offline, DNS, refused, or timed out. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type PlatformName = 'weapp' | 'h5';

const errMsgOf = (e: unknown): string => {
  if (e && typeof e === 'object' && 'errMsg' in e) return String((e as { errMsg: unknown }).errMsg);
  return e instanceof Error ? e.message : String(e);
};

export const platform = {
  name: (process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5') as PlatformName,

  async request(req: HttpRequest): Promise<HttpResponse> {
    try {
      const res = await Taro.request({
        url: req.url,
        method: req.method,
        data: req.data as TaroGeneral.IAnyObject | undefined,
        header: { 'content-type': 'application/json', ...req.headers },
        timeout: req.timeoutMs,
        dataType: 'json',
      });
      return { status: res.statusCode, data: res.data };
    } catch (e) {
      const msg = errMsgOf(e);
      throw new NetworkError(msg, /time\s?out|abort/i.test(msg), { cause: e });
    }
  },

  getItem(key: string): string | undefined {
    try {
      const value: unknown = Taro.getStorageSync(key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    } catch {
      return undefined;
    }
  },

  setItem(key: string, value: string): void {
    Taro.setStorageSync(key, value);
  },

  removeItem(key: string): void {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing stored: nothing to remove
    }
  },

  /** wx.login: a one-time code for the backend's jscode2session. */
  async login(): Promise<string> {
    const res = await Taro.login();
    if (!res.code) throw new Error(res.errMsg || 'login failed');
    return res.code;
  },

  toast(title: string, kind: 'success' | 'error' | 'none' = 'none'): void {
    void Taro.showToast({ title, icon: kind, duration: 2500 }).catch(() => undefined);
  },

  navigateTo(url: string): void {
    void Taro.navigateTo({ url });
  },

  switchTab(url: string): void {
    void Taro.switchTab({ url });
  },

  /** Query parameters of the page being shown. */
  pageParams(): Record<string, string | undefined> {
    return Taro.getCurrentInstance().router?.params ?? {};
  },

  /** Close every page and open this one: used for login and logout. */
  reLaunch(url: string): void {
    void Taro.reLaunch({ url });
  },

  // --- report flow, cases and 关怀模式 ---

  /** Replace the current page (no way back to it): e.g. the report flow's success screen. */
  redirectTo(url: string): void {
    void Taro.redirectTo({ url });
  },

  navigateBack(): void {
    void Taro.navigateBack().catch(() => undefined);
  },

  /**
   * A message that stays until the user closes it (关怀模式: nothing vanishes before it can
   * be read). Resolves true on confirm.
   */
  async alert(title: string, content: string, options: { confirmText?: string; cancelText?: string } = {}): Promise<boolean> {
    try {
      const res = await Taro.showModal({
        title,
        content,
        showCancel: options.cancelText !== undefined,
        confirmText: options.confirmText ?? '知道了',
        cancelText: options.cancelText,
      });
      return !!res.confirm;
    } catch {
      return false;
    }
  },

  /** Pick photos from the album or camera; local paths the uploader can read. */
  async choosePhotos(count: number): Promise<LocalPhoto[]> {
    try {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['original', 'compressed'] });
      return res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
    } catch (e) {
      if (/cancel/i.test(errMsgOf(e))) return [];
      throw e;
    }
  },

  /** Width, height, bytes and type of a local image. */
  async imageInfo(path: string): Promise<ImageInfo> {
    if (process.env.TARO_ENV === 'h5') return h5ImageInfo(path);
    const info = await Taro.getImageInfo({ src: path });
    const size = await weappFileSize(path);
    return { width: info.width, height: info.height, size, type: info.type === 'jpeg' || info.type === 'jpg' ? 'image/jpeg' : `image/${info.type}` };
  },

  /** Re-encode as JPEG at this size and quality (0–1); returns the new local file. */
  async encodeJpeg(path: string, width: number, height: number, quality: number): Promise<LocalPhoto> {
    if (process.env.TARO_ENV === 'h5') return h5EncodeJpeg(path, width, height, quality);
    const res = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: width, compressedHeight: height });
    return { path: res.tempFilePath, size: await weappFileSize(res.tempFilePath) };
  },

  /** multipart POST of one file (presigned S3 POST), with progress 0–100. */
  uploadFile(req: { url: string; path: string; fields: Record<string, string>; fileName: string; timeoutMs: number }, onProgress: (percent: number) => void): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const task = Taro.uploadFile({
        url: req.url,
        filePath: req.path,
        name: 'file',
        fileName: req.fileName,
        formData: req.fields,
        timeout: req.timeoutMs,
        withCredentials: false,
        success: (res) => resolve({ status: res.statusCode, data: res.data }),
        fail: (e) => {
          const msg = errMsgOf(e);
          reject(new NetworkError(msg, /time\s?out|abort/i.test(msg), { cause: e }));
        },
      } as Taro.uploadFile.Option) as unknown as UploadTaskLike;
      // weapp answers an UploadTask; Taro's H5 a promise with a progress() method.
      if (typeof task?.onProgressUpdate === 'function') task.onProgressUpdate((p) => onProgress(p.progress));
      else if (typeof task?.progress === 'function') task.progress((p) => onProgress(p.progress));
    });
  },

  /** WeChat's map picker (weapp only): GCJ-02 coordinates and the place's address. */
  async chooseLocation(): Promise<PickedLocation | undefined> {
    try {
      const res = await Taro.chooseLocation({});
      return { lat: res.latitude, lng: res.longitude, coord: 'gcj02', address: [res.address, res.name].filter(Boolean).join(' ') };
    } catch (e) {
      if (/cancel/i.test(errMsgOf(e))) return undefined;
      throw e;
    }
  },

  /** Where the phone is now. WGS-84 (the only system H5 geolocation gives). */
  async currentLocation(): Promise<PickedLocation> {
    const res = await Taro.getLocation({ type: 'wgs84' });
    return { lat: res.latitude, lng: res.longitude, coord: 'wgs84', address: '' };
  },

  makePhoneCall(phoneNumber: string): void {
    void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
  },

  previewImages(urls: string[], current: string): void {
    void Taro.previewImage({ urls, current }).catch(() => undefined);
  },

  // worker desk: after an action the page returns to its top, where the new status is.
  scrollToTop(): void {
    try {
      void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 200 })).catch(() => undefined);
    } catch {
      // no page to scroll (yet): nothing to do
    }
  },

  // a visit opened from a message is scrolled into view on its day.
  scrollToSelector(selector: string): void {
    try {
      void Promise.resolve(Taro.pageScrollTo({ selector, duration: 200 })).catch(() => undefined);
    } catch {
      // no such element (yet): the page stays where it is
    }
  },

  stopPullDownRefresh(): void {
    void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined);
  },

  /** H5: mark the document so parts outside pages (the tab bar) follow 关怀模式 too. */
  markCareMode(on: boolean): void {
    if (typeof document === 'undefined') return;
    document.documentElement.classList.toggle('care-mode', on);
  },

  // --- the message centre and rating ---

  /** The unread count on a tab (消息); 0 removes the badge. Never throws (no tab bar on some pages). */
  setTabBadge(index: number, count: number): void {
    try {
      const call = count > 0
        ? Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) })
        : Taro.removeTabBarBadge({ index });
      void Promise.resolve(call).catch(() => undefined);
    } catch {
      // not on a tab page (or no tab bar yet): the next tab page shown sets it
    }
  },

  /**
   * wx.requestSubscribeMessage for these templates (≤ 3 at a time, from a tap), answering
   * template id → accept / reject / ban / filter. H5 has no subscribe messages: nothing is
   * asked and nothing reported (undefined). A refusal of the whole dialog answers {}.
   */
  async requestSubscribe(templateIds: string[]): Promise<Record<string, SubscribeAnswer> | undefined> {
    if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return undefined;
    try {
      // entityIds is Alipay's; WeChat reads tmplIds (at most 3 per tap, as WeChat now allows).
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templateIds.slice(0, 3), entityIds: [] })) as unknown as Record<string, unknown>;
      const answers: Record<string, SubscribeAnswer> = {};
      for (const id of templateIds) {
        const a = res[id];
        if (a === 'accept' || a === 'reject' || a === 'ban' || a === 'filter') answers[id] = a;
      }
      return answers;
    } catch {
      // switched off in settings, or dismissed: the message centre still carries every update
      return {};
    }
  },

  /** WeChat's font-size setting (px of body text, 17 by default); undefined where unknown (H5). */
  fontSizeSetting(): number | undefined {
    try {
      // Typed without it, but WeChat's getAppBaseInfo answers fontSizeSetting (px).
      const size = (Taro.getAppBaseInfo?.() as { fontSizeSetting?: unknown } | undefined)?.fontSizeSetting;
      return typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : undefined;
    } catch {
      return undefined;
    }
  },
};

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface LocalPhoto {
  path: string;
  size: number;
}

export interface ImageInfo {
  width: number;
  height: number;
  size: number;
  type: string;
}

export interface PickedLocation {
  lat: number;
  lng: number;
  coord: 'gcj02' | 'wgs84';
  address: string;
}

interface UploadTaskLike {
  onProgressUpdate?: (cb: (p: { progress: number }) => void) => void;
  progress?: (cb: (p: { progress: number }) => void) => void;
}

async function weappFileSize(path: string): Promise<number> {
  return new Promise((resolve) => {
    Taro.getFileSystemManager().getFileInfo({
      filePath: path,
      success: (r) => resolve(r.size),
      fail: () => resolve(0),
    });
  });
}

// H5: the browser's own image decoding and a canvas re-encode (Taro has no compressImage there).

async function h5Blob(path: string): Promise<Blob> {
  const res = await fetch(path);
  return res.blob();
}

function h5LoadImage(path: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image decode failed'));
    img.src = path;
  });
}

async function h5ImageInfo(path: string): Promise<ImageInfo> {
  const [blob, img] = await Promise.all([h5Blob(path), h5LoadImage(path)]);
  return { width: img.naturalWidth, height: img.naturalHeight, size: blob.size, type: blob.type || 'image/jpeg' };
}

async function h5EncodeJpeg(path: string, width: number, height: number, quality: number): Promise<LocalPhoto> {
  const img = await h5LoadImage(path);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('jpeg encode failed');
  return { path: URL.createObjectURL(blob), size: blob.size };
}

export type Platform = typeof platform;
