/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** API base URL for the mini-program build (H5 uses same-origin relative paths). */
    TARO_APP_API_BASE?: string;
  }
}
