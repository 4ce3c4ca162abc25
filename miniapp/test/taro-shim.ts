/**
 * Jest stand-in for `@tarojs/taro`: the H5 implementation's APIs both as named exports
 * (NutUI's bundle reads them off the module) and on one default object (so
 * `jest.spyOn(Taro, 'request')` works), plus the page hooks that the React runtime
 * would normally inject. In a test a page is "shown" once, when it mounts.
 */
import { useEffect } from 'react';
import * as h5 from '@tarojs/taro-h5';

type Callback = () => void;

export const useDidShow = (cb: Callback): void => {
  useEffect(() => {
    cb();
    // Shown once, when the page mounts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
};
export const useLoad = useDidShow;
export const useReady = useDidShow;
export const useDidHide = (_cb: Callback): void => undefined;
export const usePullDownRefresh = (_cb: Callback): void => undefined;
export const useRouter = () => h5.getCurrentInstance().router ?? { params: {} };

export * from '@tarojs/taro-h5';

const { default: h5Default, ...named } = h5 as typeof h5 & { default: object };
const Taro = Object.assign({}, h5Default, named, { useDidShow, useDidHide, useLoad, useReady, useRouter, usePullDownRefresh });
export default Taro;
