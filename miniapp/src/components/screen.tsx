import { useEffect, type PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useCareMode } from '../hooks/use-care-mode';
import { platform } from '../services/platform';

/** Every page's root: carries the design tokens, switched as one by 关怀模式. */
export function Screen({ children, className }: PropsWithChildren<{ className?: string }>) {
  const care = useCareMode();
  useEffect(() => platform.markCareMode(care), [care]);
  return <View className={['page', care ? 'care' : '', className ?? ''].filter(Boolean).join(' ')}>{children}</View>;
}
