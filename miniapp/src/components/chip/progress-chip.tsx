import type { CaseProgress } from '../../services/case-progress';
import { Chip, type ChipTone } from './index';

/** A case's progress, said as a chip tone. */
const PROGRESS_TONES: Record<CaseProgress['tone'], ChipTone> = {
  progress: 'info',
  done: 'ok',
  stopped: 'muted',
  attention: 'warn',
};

/** Where a case stands, in the resident's words (已提交, 处理中, 已办结…). */
export function ProgressChip({ progress }: { progress: Pick<CaseProgress, 'tone' | 'tag'> }) {
  return <Chip tone={PROGRESS_TONES[progress.tone]}>{progress.tag}</Chip>;
}
