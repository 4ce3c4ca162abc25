import { useEffect, useState } from 'react';
import { careMode } from '../services/care-mode';

/** Whether 关怀模式 is on, updated on every page when it is switched. */
export function useCareMode(): boolean {
  const [on, setOn] = useState(() => careMode.isOn());
  useEffect(() => {
    setOn(careMode.isOn());
    return careMode.subscribe(setOn);
  }, []);
  return on;
}
